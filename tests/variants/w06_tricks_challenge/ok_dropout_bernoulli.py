# kind: correct
# why: torch.bernoulli mask with keep probability 1 - p, multiplied by a precomputed scale
# %% dropout
def dropout(x, p, training=True):
    if training:
        mask = torch.bernoulli(torch.full_like(x, 1 - p))
        scale = 1.0 / (1.0 - p) if p < 1 else 0.0
        return x * mask * scale
    return x
