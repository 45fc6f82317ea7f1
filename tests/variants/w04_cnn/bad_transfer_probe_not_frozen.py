# kind: wrong
# why: the linear probe only replaces the head and hands the optimiser every parameter: the body is trained too
# loses: test_make_transfer_model
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    model.head = nn.Linear(model.head.in_features, n_classes).to(device)
    return model, list(model.parameters())
