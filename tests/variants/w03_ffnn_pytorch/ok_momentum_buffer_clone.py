# kind: correct
# why: PyTorch's own style: the buffer starts as a clone of the first gradient, updates through p.data
# %% ex61_solution
class MomentumSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, mu = group["lr"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                buf = self.state[p].get("momentum_buffer")
                if buf is None:
                    buf = p.grad.detach().clone()
                    self.state[p]["momentum_buffer"] = buf
                else:
                    buf.mul_(mu).add_(p.grad)
                p.data.sub_(lr * buf)
