# kind: correct
# why: one autograd.grad call per hidden state with retain_graph, norms by torch.linalg.vector_norm
# %% hidden_grad_norms
def hidden_grad_norms(loss, hidden_states):
    norms = []
    for h in hidden_states:
        (g,) = torch.autograd.grad(loss, h, retain_graph=True)
        norms.append(torch.linalg.vector_norm(g))
    return torch.stack(norms)
