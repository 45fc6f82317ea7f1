# kind: correct
# why: freezes the body with module.requires_grad_(False) and hands the optimiser a generator of the head's parameters
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    model.head = nn.Linear(model.head.in_features, n_classes)
    model.to(device)
    model.features.requires_grad_(not freeze_features)
    return model, (model.head.parameters() if freeze_features else model.parameters())
