# kind: correct
# why: converts with np.float32 and torch.from_numpy on access; the label stays a NumPy int64 (collated to int64)
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x = np.asarray(x, dtype=np.float32)
        self.y = np.asarray(y)
        self.transform = transform if transform is not None else (lambda t: t)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, index):
        return self.transform(torch.from_numpy(self.x[index])), self.y[index]
