# kind: wrong
# why: the Monte Carlo KL uses sample(), so it has no gradient
# loses: test_kl_mc
# %% kl
def kl_analytic(mu, log_var):
    return 0.5 * (mu ** 2 + log_var.exp() - 1 - log_var).sum(-1)


def kl_monte_carlo(mu, log_var):
    q = Normal(mu, torch.exp(0.5 * log_var))
    z = q.sample()
    return (q.log_prob(z) - Normal(0.0, 1.0).log_prob(z)).sum(-1).detach()
