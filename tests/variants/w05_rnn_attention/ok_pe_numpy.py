# kind: correct
# why: NumPy with an explicit double loop, returned as a float64 tensor
# %% positional_encoding
def positional_encoding(length, d):
    pe = np.zeros((length, d))
    for p in range(length):
        for i in range(0, d, 2):
            angle = p / (10000 ** (i / d))
            pe[p, i] = np.sin(angle)
            pe[p, i + 1] = np.cos(angle)
    return torch.from_numpy(pe)
