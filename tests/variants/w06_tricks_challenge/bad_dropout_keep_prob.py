# kind: wrong
# why: treats p as the probability to KEEP an entry
# loses: test_dropout
# %% dropout
def dropout(x, p, training=True):
    if not training:
        return x
    mask = (torch.rand_like(x) < p).to(x.dtype)
    return x * mask / p
