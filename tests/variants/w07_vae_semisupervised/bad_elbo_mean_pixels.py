# kind: wrong
# why: the reconstruction term averaged over the pixels instead of summed
# loses: test_elbo
# %% elbo
def elbo(x, logits, mu, log_var):
    rec = -F.binary_cross_entropy_with_logits(logits, x, reduction="none").mean(-1)
    kl = kl_analytic(mu, log_var)
    return rec - kl, rec, kl
