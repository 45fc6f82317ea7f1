# kind: correct
# why: a Python loop with torch.roll per row and shifts drawn with numpy
# %% random_shift
def random_shift(x, max_shift):
    rows = []
    for row in x:
        s = int(np.random.randint(-max_shift, max_shift + 1))
        rows.append(torch.roll(row, shifts=s, dims=0))
    return torch.stack(rows)
