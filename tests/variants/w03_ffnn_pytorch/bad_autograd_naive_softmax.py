# kind: wrong
# why: log of a softmax written without subtracting the maximum: overflows for large logits
# loses: ex21_test
# %% ex21_solution
def torch_gradients(params, x, y):
    t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    z = torch.relu(torch.tensor(x) @ t["W1"].T + t["b1"]) @ t["W2"].T + t["b2"]
    p = torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)
    loss = -torch.log(p[torch.arange(len(y)), torch.tensor(y)]).mean()
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in t.items()}
