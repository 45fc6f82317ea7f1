# kind: wrong
# why: the Monte Carlo KL as log p(z) - log q(z): the wrong sign
# loses: test_kl_mc
# %% kl
def kl_analytic(mu, log_var):
    return 0.5 * (mu ** 2 + log_var.exp() - 1 - log_var).sum(-1)


def kl_monte_carlo(mu, log_var):
    q = DiagonalGaussian(mu, log_var)
    z = q.rsample()
    return Normal(0.0, 1.0).log_prob(z).sum(-1) - q.log_prob(z)
