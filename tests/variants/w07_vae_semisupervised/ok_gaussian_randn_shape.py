# kind: correct
# why: noise from torch.randn(shape) and sigma via sqrt(exp(log_var)); log_prob written with log sigma
# %% gaussian
class DiagonalGaussian:
    def __init__(self, mu, log_var):
        self.mu, self.log_var = mu, log_var

    def rsample(self):
        eps = torch.randn(self.mu.shape, dtype=self.mu.dtype, device=self.mu.device)
        return self.mu + torch.sqrt(torch.exp(self.log_var)) * eps

    def log_prob(self, z):
        log_sigma = 0.5 * self.log_var
        sq = ((z - self.mu) / torch.exp(log_sigma)) ** 2
        return torch.sum(-log_sigma - 0.5 * np.log(2 * np.pi) - 0.5 * sq, dim=-1)
