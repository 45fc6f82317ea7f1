# kind: wrong
# why: ELBO = reconstruction + KL
# loses: test_elbo
# %% elbo
def elbo(x, logits, mu, log_var):
    rec = Bernoulli(logits=logits).log_prob(x).sum(-1)
    kl = kl_analytic(mu, log_var)
    return rec + kl, rec, kl
