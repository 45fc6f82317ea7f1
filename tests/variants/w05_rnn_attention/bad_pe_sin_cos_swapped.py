# kind: wrong
# why: cosines in the even columns and sines in the odd ones
# loses: test_positional_encoding
# %% positional_encoding
def positional_encoding(length, d):
    position = torch.arange(length, dtype=torch.float32)[:, None]
    frequency = torch.exp(-math.log(10000.0) * torch.arange(0, d, 2, dtype=torch.float32) / d)
    pe = torch.zeros(length, d)
    pe[:, 0::2] = torch.cos(position * frequency)
    pe[:, 1::2] = torch.sin(position * frequency)
    return pe
