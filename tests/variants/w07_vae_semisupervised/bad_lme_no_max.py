# kind: wrong
# why: log-mean-exp without the max trick: overflows/underflows at +-1000
# loses: test_log_mean_exp
# %% log_mean_exp
def log_mean_exp(a, dim=0):
    return torch.log(torch.exp(a).mean(dim))
