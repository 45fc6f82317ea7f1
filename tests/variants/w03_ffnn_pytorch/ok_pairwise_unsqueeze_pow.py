# kind: correct
# why: unsqueeze instead of None-indexing and torch.pow / torch.sum as functions
# %% ex12_solution
def pairwise_sq_distances(a, b):
    d = a.unsqueeze(1) - b.unsqueeze(0)
    return torch.sum(torch.pow(d, 2), dim=2)
