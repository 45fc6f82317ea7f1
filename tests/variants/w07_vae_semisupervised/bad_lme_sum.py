# kind: wrong
# why: logsumexp without subtracting log K (the log of the sum, not of the mean)
# loses: test_log_mean_exp
# %% log_mean_exp
def log_mean_exp(a, dim=0):
    return torch.logsumexp(a, dim=dim)
