# kind: wrong
# why: no copy: the pretrained network itself gets the new head and the frozen body
# loses: test_make_transfer_model
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = pretrained
    model.head = nn.Linear(model.head.in_features, n_classes).to(device)
    for p in model.features.parameters():
        p.requires_grad = not freeze_features
    return model, [p for p in model.parameters() if p.requires_grad]
