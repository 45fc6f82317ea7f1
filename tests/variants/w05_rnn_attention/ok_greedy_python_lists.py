# kind: correct
# why: keeps the predictions in a Python list of (N,) tensors and stacks them at the end
# %% greedy_decode
@torch.no_grad()
def greedy_decode(model, src, max_len, sos):
    memory, state = model.encode(src)
    previous = torch.full((len(src),), sos, dtype=torch.long, device=src.device)
    tokens, maps = [], []
    for step in range(max_len):
        logits, state, w = model.decode(previous[:, None], state, memory)
        previous = logits[:, 0, :].argmax(dim=1)
        tokens.append(previous)
        maps.append(w[:, 0])
    return torch.stack(tokens, dim=1), torch.stack(maps, dim=1)
