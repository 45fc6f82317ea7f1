# kind: wrong
# why: uses the default learning rate for every group instead of each group's own "lr"
# loses: ex61_test
# %% ex61_solution
class MomentumSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, momentum=0.9):
        super().__init__(params, {"lr": lr, "momentum": momentum})

    @torch.no_grad()
    def step(self, closure=None):
        lr, mu = self.defaults["lr"], self.defaults["momentum"]
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                v = self.state[p].setdefault("v", torch.zeros_like(p))
                v.mul_(mu).add_(p.grad)
                p -= lr * v
