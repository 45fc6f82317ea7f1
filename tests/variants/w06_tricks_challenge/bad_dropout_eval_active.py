# kind: wrong
# why: ignores `training`: dropout stays active in eval mode
# loses: test_dropout
# %% dropout
def dropout(x, p, training=True):
    mask = (torch.rand_like(x) >= p).to(x.dtype)
    return x * mask / (1 - p)
