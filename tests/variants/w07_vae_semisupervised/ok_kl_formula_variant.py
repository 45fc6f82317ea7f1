# kind: correct
# why: KL written as -0.5 * sum(1 + log_var - mu^2 - var), MC KL with the normal densities by hand
# %% kl
def kl_analytic(mu, log_var):
    return -0.5 * torch.sum(1 + log_var - mu.pow(2) - log_var.exp(), dim=1 if mu.dim() == 2 else -1)


def kl_monte_carlo(mu, log_var):
    sigma = torch.exp(log_var / 2)
    eps = torch.randn_like(mu)
    z = mu + sigma * eps
    log_q = -0.5 * (eps ** 2 + log_var + math.log(2 * math.pi))
    log_p = -0.5 * (z ** 2 + math.log(2 * math.pi))
    return (log_q - log_p).sum(-1)
