# kind: correct
# why: retain_grad on every hidden state, then loss.backward() and the norms of .grad, as a Python list
# %% hidden_grad_norms
def hidden_grad_norms(loss, hidden_states):
    for h in hidden_states:
        h.retain_grad()
    loss.backward()
    return torch.tensor([h.grad.pow(2).sum().sqrt().item() for h in hidden_states], dtype=torch.float64)
