# kind: correct
# why: max trick with amax and a sum divided by K
# %% log_mean_exp
def log_mean_exp(a, dim=0):
    m = torch.amax(a, dim=dim)
    s = torch.exp(a - m.unsqueeze(dim)).sum(dim) / a.size(dim)
    return m + s.log()
