# kind: correct
# why: stores float32/long tensors made with .float() and .long(), returns a list [x, y] instead of a tuple
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        super().__init__()
        self.data = torch.from_numpy(np.asarray(x)).float()
        self.targets = torch.from_numpy(np.asarray(y)).long()
        self.transform = transform

    def __len__(self):
        return self.targets.shape[0]

    def __getitem__(self, i):
        sample = self.data[i]
        if self.transform is not None:
            sample = self.transform(sample)
        return [sample, self.targets[i]]
