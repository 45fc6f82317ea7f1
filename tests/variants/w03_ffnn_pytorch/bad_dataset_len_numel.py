# kind: wrong
# why: __len__ returns x.size, the number of VALUES in the array, not the number of examples
# loses: ex41_test
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x, self.y, self.transform = np.asarray(x, dtype=np.float32), np.asarray(y), transform

    def __len__(self):
        return self.x.size

    def __getitem__(self, index):
        x = torch.from_numpy(self.x[index])
        if self.transform is not None:
            x = self.transform(x)
        return x, int(self.y[index])
