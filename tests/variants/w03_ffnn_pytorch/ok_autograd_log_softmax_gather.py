# kind: correct
# why: the loss written with log_softmax and gather, tensors made with from_numpy and requires_grad_
# %% ex21_solution
def torch_gradients(params, x, y):
    p = {k: torch.from_numpy(np.array(v, dtype=np.float64)).requires_grad_() for k, v in params.items()}
    X = torch.from_numpy(np.asarray(x, dtype=np.float64))
    Y = torch.from_numpy(np.asarray(y)).long()
    z = F.relu(X @ p["W1"].t() + p["b1"]) @ p["W2"].t() + p["b2"]
    log_probs = F.log_softmax(z, dim=1)
    loss = -log_probs.gather(1, Y[:, None]).mean()
    loss.backward()
    return float(loss), {k: t.grad.detach().numpy().copy() for k, t in p.items()}
