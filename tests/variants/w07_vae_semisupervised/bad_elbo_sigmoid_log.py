# kind: wrong
# why: log(sigmoid(logits)) computed directly: -inf for large logits
# loses: test_elbo
# %% elbo
def elbo(x, logits, mu, log_var):
    p = torch.sigmoid(logits)
    rec = (x * torch.log(p) + (1 - x) * torch.log(1 - p)).sum(-1)
    kl = kl_analytic(mu, log_var)
    return rec - kl, rec, kl
