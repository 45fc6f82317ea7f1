# kind: wrong
# why: replaces the head first and then freezes every parameter, the new head included: the probe cannot learn
# loses: test_make_transfer_model
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    model.head = nn.Linear(model.head.in_features, n_classes).to(device)
    if freeze_features:
        for p in model.parameters():
            p.requires_grad = False
        return model, list(model.head.parameters())
    return model, list(model.parameters())
