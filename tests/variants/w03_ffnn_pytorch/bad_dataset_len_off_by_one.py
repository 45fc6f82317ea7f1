# kind: wrong
# why: __len__ returns len(x) - 1 (thinking of the last index), so the last example is never served
# loses: ex41_test
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x = torch.as_tensor(x, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.long)
        self.transform = transform

    def __len__(self):
        return len(self.x) - 1

    def __getitem__(self, index):
        x = self.x[index]
        return (self.transform(x) if self.transform else x), self.y[index]
