# kind: correct
# why: keeps the NumPy arrays and converts one example on every access, the label as a Python int
# %% ex41_solution
class ArrayDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x, self.y, self.transform = x, y, transform

    def __len__(self):
        return self.x.shape[0]

    def __getitem__(self, index):
        image = torch.tensor(self.x[index], dtype=torch.float32)
        if self.transform:
            image = self.transform(image)
        return image, int(self.y[index])
