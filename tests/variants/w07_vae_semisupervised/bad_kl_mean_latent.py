# kind: wrong
# why: the analytic KL averaged over the latent dimension instead of summed
# loses: test_kl_analytic
# %% kl
def kl_analytic(mu, log_var):
    return 0.5 * (mu ** 2 + log_var.exp() - 1 - log_var).mean(-1)


def kl_monte_carlo(mu, log_var):
    q = DiagonalGaussian(mu, log_var)
    z = q.rsample()
    return q.log_prob(z) - Normal(torch.zeros_like(z), torch.ones_like(z)).log_prob(z).sum(-1)
