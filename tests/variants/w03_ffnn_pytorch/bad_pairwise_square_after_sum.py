# kind: wrong
# why: sums the differences first and squares afterwards
# loses: ex12_test
# %% ex12_solution
def pairwise_sq_distances(a, b):
    return (a[:, None, :] - b[None, :, :]).sum(dim=-1) ** 2
