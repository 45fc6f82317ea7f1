# kind: wrong
# why: feeds <sos> at every step instead of the previous prediction
# loses: test_greedy_decode
# %% greedy_decode
@torch.no_grad()
def greedy_decode(model, src, max_len, sos):
    memory, state = model.encode(src)
    start = torch.full((src.shape[0], 1), sos, dtype=torch.long, device=src.device)
    outputs, attention = [], []
    for _ in range(max_len):
        logits, state, weights = model.decode(start, state, memory)
        outputs.append(logits[:, -1].argmax(dim=-1, keepdim=True))
        attention.append(weights)
    return torch.cat(outputs, dim=1), torch.cat(attention, dim=1)
