# kind: wrong
# why: applies the transform once to the whole array in __init__, so a random transform never changes between epochs
# loses: ex41_test
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x = torch.as_tensor(x, dtype=torch.float32)
        if transform is not None:
            self.x = torch.stack([transform(example) for example in self.x])
        self.y = torch.as_tensor(y)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, index):
        return self.x[index], self.y[index]
