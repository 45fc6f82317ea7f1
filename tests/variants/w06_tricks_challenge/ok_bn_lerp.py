# kind: correct
# why: running averages with lerp_ under no_grad, unbiased variance from torch.var(correction=1)
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
        if self.training:
            mean = torch.mean(x, 0)
            var = torch.var(x, 0, correction=0)
            with torch.no_grad():
                self.running_mean.lerp_(mean, self.momentum)
                self.running_var.lerp_(torch.var(x, 0, correction=1), self.momentum)
        else:
            mean = self.running_mean
            var = self.running_var
        inv_std = torch.rsqrt(var + self.eps)
        return (x - mean) * inv_std * self.weight + self.bias
