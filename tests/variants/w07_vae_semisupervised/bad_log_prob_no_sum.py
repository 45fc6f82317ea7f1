# kind: wrong
# why: log_prob returned per latent dimension, not summed over it
# loses: test_log_prob
# %% gaussian
class DiagonalGaussian:
    def __init__(self, mu, log_var):
        self.mu, self.log_var = mu, log_var

    def rsample(self):
        return self.mu + torch.exp(0.5 * self.log_var) * torch.randn_like(self.mu)

    def log_prob(self, z):
        return Normal(self.mu, torch.exp(0.5 * self.log_var)).log_prob(z)
