# kind: correct
# why: freezes every parameter first, then adds the new head (trainable by default) and keeps what requires grad
# %% make_transfer_model
def make_transfer_model(pretrained, n_classes, freeze_features):
    model = copy.deepcopy(pretrained)
    if freeze_features:
        for param in model.parameters():
            param.requires_grad = False
    old_head = model.head
    model.head = nn.Linear(old_head.in_features, n_classes, device=old_head.weight.device)
    return model, [p for p in model.parameters() if p.requires_grad]
