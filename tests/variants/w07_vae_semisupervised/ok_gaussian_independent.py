# kind: correct
# why: torch.distributions.Independent(Normal, 1) sums log_prob over the latent dimension itself
# %% gaussian
from torch.distributions import Independent


class DiagonalGaussian:
    def __init__(self, mu, log_var):
        self.mu, self.log_var = mu, log_var
        self.dist = Independent(Normal(mu, torch.exp(log_var) ** 0.5), 1)

    def rsample(self):
        return self.dist.rsample()

    def log_prob(self, z):
        return self.dist.log_prob(z)
