# kind: wrong
# why: log_var taken for log sigma: sigma = exp(log_var)
# loses: test_rsample, test_log_prob
# %% gaussian
class DiagonalGaussian:
    def __init__(self, mu, log_var):
        self.mu, self.log_var = mu, log_var

    def rsample(self):
        return self.mu + torch.exp(self.log_var) * torch.randn_like(self.mu)

    def log_prob(self, z):
        return Normal(self.mu, torch.exp(self.log_var)).log_prob(z).sum(-1)
