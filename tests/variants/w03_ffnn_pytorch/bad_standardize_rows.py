# kind: wrong
# why: mean and std over dim=1 (each example) instead of dim=0 (each feature)
# loses: ex11_test
# %% ex11_solution
def standardize(x, eps=1e-8):
    return (x - x.mean(dim=1, keepdim=True)) / (x.std(dim=1, correction=0, keepdim=True) + eps)
