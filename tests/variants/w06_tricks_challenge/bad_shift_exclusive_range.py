# kind: wrong
# why: torch.randint's upper bound is exclusive: the shift +max_shift never occurs
# loses: test_random_shift
# %% random_shift
def random_shift(x, max_shift):
    shifts = torch.randint(-max_shift, max_shift, (x.shape[0],))
    return torch.stack([torch.roll(row, int(s)) for row, s in zip(x, shifts)])
