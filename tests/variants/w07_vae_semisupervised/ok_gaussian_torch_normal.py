# kind: correct
# why: the Gaussian delegates to torch.distributions.Normal (rsample and log_prob)
# %% gaussian
class DiagonalGaussian:
    def __init__(self, mu, log_var):
        self.mu, self.log_var = mu, log_var

    def _normal(self):
        return Normal(self.mu, (0.5 * self.log_var).exp())

    def rsample(self):
        return self._normal().rsample()

    def log_prob(self, z):
        return self._normal().log_prob(z).sum(dim=-1)
