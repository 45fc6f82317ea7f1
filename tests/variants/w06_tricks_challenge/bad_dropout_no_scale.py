# kind: wrong
# why: drops entries but forgets the 1 / (1 - p) scaling of the kept ones
# loses: test_dropout
# %% dropout
def dropout(x, p, training=True):
    if not training:
        return x
    return x * (torch.rand_like(x) > p).float()
