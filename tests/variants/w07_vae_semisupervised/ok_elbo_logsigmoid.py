# kind: correct
# why: the Bernoulli log-likelihood written with logsigmoid by hand
# %% elbo
def elbo(x, logits, mu, log_var):
    log_p = x * F.logsigmoid(logits) + (1 - x) * F.logsigmoid(-logits)
    reconstruction = torch.sum(log_p, -1)
    kl_term = kl_analytic(mu, log_var)
    return (reconstruction - kl_term, reconstruction, kl_term)
