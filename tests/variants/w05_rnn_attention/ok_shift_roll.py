# kind: correct
# why: torch.roll by one along time, then overwrite the first column with <sos>
# %% shift_right
def shift_right(tgt, sos):
    out = torch.roll(tgt, shifts=1, dims=1).clone()
    out[:, 0] = sos
    return out
