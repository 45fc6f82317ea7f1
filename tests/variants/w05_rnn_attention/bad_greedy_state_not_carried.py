# kind: wrong
# why: decodes every step from the encoder's initial state: the decoder state is not carried
# loses: test_greedy_decode
# %% greedy_decode
@torch.no_grad()
def greedy_decode(model, src, max_len, sos):
    memory, state = model.encode(src)
    tokens = torch.full((src.shape[0], 1), sos, dtype=torch.long, device=src.device)
    outputs, attention = [], []
    for _ in range(max_len):
        logits, _, weights = model.decode(tokens, state, memory)
        tokens = logits[:, -1].argmax(dim=-1, keepdim=True)
        outputs.append(tokens)
        attention.append(weights)
    return torch.cat(outputs, dim=1), torch.cat(attention, dim=1)
