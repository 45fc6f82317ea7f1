# kind: correct
# why: torch.var_mean with keepdim, variance written out, running averages replaced by new detached tensors
# %% batchnorm
class MyBatchNorm1d(nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):
        if not self.training:
            x_hat = (x - self.running_mean[None, :]) / (self.running_var[None, :] + self.eps).sqrt()
            return x_hat * self.weight[None, :] + self.bias[None, :]
        n = x.size(0)
        mu = x.sum(0, keepdim=True) / n
        sq = ((x - mu) ** 2).sum(0, keepdim=True)
        var_biased = sq / n
        x_hat = (x - mu) / torch.sqrt(var_biased + self.eps)
        m = self.momentum
        self.running_mean = (1 - m) * self.running_mean + m * mu.squeeze(0).detach()
        self.running_var = (1 - m) * self.running_var + m * (sq / (n - 1)).squeeze(0).detach()
        return self.weight * x_hat + self.bias
