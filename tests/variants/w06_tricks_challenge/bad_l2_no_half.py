# kind: wrong
# why: lam times the sum of squares, without the 1/2 (its gradient is 2 lam w)
# loses: test_l2_penalty
# %% l2_penalty
def l2_penalty(model, lam):
    return lam * sum((p ** 2).sum() for p in model.parameters())
