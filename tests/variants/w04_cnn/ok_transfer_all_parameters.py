# kind: correct
# why: returns model.parameters() in both modes: frozen parameters get no gradient, so no optimiser changes them
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    for name, param in model.named_parameters():
        if name.startswith("features."):
            param.requires_grad_(not freeze_features)
    model.head = nn.Linear(pretrained.head.in_features, n_classes).to(pretrained.head.weight.device)
    return model, model.parameters()
