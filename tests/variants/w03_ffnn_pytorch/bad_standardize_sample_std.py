# kind: wrong
# why: the default x.std divides by N - 1, not N
# loses: ex11_test
# %% ex11_solution
def standardize(x, eps=1e-8):
    return (x - x.mean(0)) / (x.std(0) + eps)
