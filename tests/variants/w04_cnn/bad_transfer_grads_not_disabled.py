# kind: wrong
# why: the probe gives the optimiser only the head but never sets requires_grad=False: the body's gradients are still computed
# loses: test_make_transfer_model
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    model.head = nn.Linear(model.head.in_features, n_classes).to(device)
    return model, list(model.head.parameters() if freeze_features else model.parameters())
