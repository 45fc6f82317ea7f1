# kind: wrong
# why: one random shift for the whole batch instead of one per row
# loses: test_random_shift
# %% random_shift
def random_shift(x, max_shift):
    s = int(torch.randint(-max_shift, max_shift + 1, (1,)))
    return torch.roll(x, s, dims=1)
