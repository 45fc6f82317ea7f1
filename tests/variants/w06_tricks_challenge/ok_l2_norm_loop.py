# kind: correct
# why: a loop over named_parameters with the squared norm
# %% l2_penalty
def l2_penalty(model, lam):
    total = torch.tensor(0.0)
    for name, param in model.named_parameters():
        total = total + param.norm() ** 2
    return 0.5 * lam * total
