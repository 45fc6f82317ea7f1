# kind: wrong
# why: cross-entropy summed over the batch instead of averaged
# loses: ex21_test
# %% ex21_solution
def torch_gradients(params, x, y):
    t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    h = torch.relu(torch.tensor(x) @ t["W1"].T + t["b1"])
    loss = F.cross_entropy(h @ t["W2"].T + t["b2"], torch.tensor(y, dtype=torch.long), reduction="sum")
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in t.items()}
