# kind: wrong
# why: torch.from_numpy without a dtype keeps float64, so a float64 array gives float64 examples
# loses: ex41_test
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x, self.y, self.transform = torch.from_numpy(x), torch.from_numpy(y), transform

    def __len__(self):
        return len(self.x)

    def __getitem__(self, index):
        x = self.x[index]
        if self.transform is not None:
            x = self.transform(x)
        return x, self.y[index]
