# kind: correct
# why: both masks from comparisons of aranges; the padding mask built row by row
# %% masks
def causal_mask(length):
    pos = torch.arange(length)
    return pos[None, :] <= pos[:, None]


def padding_mask(lengths, length):
    rows = [[j < int(n) for j in range(length)] for n in lengths]
    return torch.tensor(rows, dtype=torch.bool).reshape(len(rows), length)
