# kind: wrong
# why: tril(diagonal=1) lets position t see position t+1
# loses: test_masks
# %% masks
def causal_mask(length):
    return torch.ones(length, length, dtype=torch.bool).tril(diagonal=1)


def padding_mask(lengths, length):
    return torch.arange(length)[None, :] < torch.as_tensor(lengths)[:, None]
