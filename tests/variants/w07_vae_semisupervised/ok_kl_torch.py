# kind: correct
# why: both KLs through torch.distributions (kl_divergence; Normal.rsample and log_prob)
# %% kl
def kl_analytic(mu, log_var):
    q = Normal(mu, torch.exp(0.5 * log_var))
    p = Normal(torch.zeros_like(mu), torch.ones_like(mu))
    return kl_divergence(q, p).sum(-1)


def kl_monte_carlo(mu, log_var):
    q = Normal(mu, torch.exp(0.5 * log_var))
    z = q.rsample()
    return (q.log_prob(z) - Normal(0.0, 1.0).log_prob(z)).sum(-1)
