# kind: wrong
# why: rsample draws with Normal(...).sample(), which has no gradient
# loses: test_rsample
# %% gaussian
class DiagonalGaussian:
    def __init__(self, mu, log_var):
        self.mu, self.log_var = mu, log_var

    def rsample(self):
        return Normal(self.mu, torch.exp(0.5 * self.log_var)).sample()

    def log_prob(self, z):
        return Normal(self.mu, torch.exp(0.5 * self.log_var)).log_prob(z).sum(-1)
