# kind: correct
# why: torch.where on a boolean mask from torch.rand with the input's shape
# %% dropout
def dropout(x, p, training=True):
    if not training:
        return x.clone()
    keep = torch.rand(x.shape, device=x.device) > p
    return torch.where(keep, x / (1 - p), torch.zeros_like(x))
