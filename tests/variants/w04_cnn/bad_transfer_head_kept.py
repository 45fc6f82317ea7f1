# kind: wrong
# why: replaces the head only when the number of classes changes, so fine-tuning to 5 new classes keeps the old head
# loses: test_make_transfer_model
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    if freeze_features or model.head.out_features != n_classes:
        model.head = nn.Linear(model.head.in_features, n_classes).to(device)
    if freeze_features:
        for p in model.features.parameters():
            p.requires_grad = False
        return model, list(model.head.parameters())
    return model, list(model.parameters())
