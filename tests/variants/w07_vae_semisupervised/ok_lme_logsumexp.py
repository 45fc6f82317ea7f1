# kind: correct
# why: torch.logsumexp minus log K
# %% log_mean_exp
def log_mean_exp(a, dim=0):
    return torch.logsumexp(a, dim=dim) - math.log(a.shape[dim])
