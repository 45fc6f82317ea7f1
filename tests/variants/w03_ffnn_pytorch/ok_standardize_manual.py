# kind: correct
# why: mean and population std written out with sums and a square root
# %% ex11_solution
def standardize(x, eps=1e-8):
    n = x.shape[0]
    mu = x.sum(dim=0) / n
    centred = x - mu
    sigma = torch.sqrt((centred ** 2).sum(dim=0) / n)
    return centred / (sigma + eps)
