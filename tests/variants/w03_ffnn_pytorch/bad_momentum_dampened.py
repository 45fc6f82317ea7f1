# kind: wrong
# why: an exponential average v = mu v + (1 - mu) g instead of PyTorch's v = mu v + g
# loses: ex61_test
# %% ex61_solution
class MomentumSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, momentum=0.9):
        super().__init__(params, {"lr": lr, "momentum": momentum})

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                v = self.state[p].setdefault("v", torch.zeros_like(p))
                v.mul_(group["momentum"]).add_((1 - group["momentum"]) * p.grad)
                p -= group["lr"] * v
