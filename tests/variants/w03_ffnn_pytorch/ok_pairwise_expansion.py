# kind: correct
# why: ||a||^2 + ||b||^2 - 2 a b^T instead of broadcasting the differences
# %% ex12_solution
def pairwise_sq_distances(a, b):
    aa = (a * a).sum(dim=1, keepdim=True)        # (N, 1)
    bb = (b * b).sum(dim=1)                      # (M,)
    return (aa + bb - 2.0 * a @ b.T).clamp_min(0.0)
