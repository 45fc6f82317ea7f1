# kind: correct
# why: the classic LeNet-5 (61,706 parameters: 6 and 16 filters, 120-84-10 head), no batch norm, as MnistCNN
# %% mnist_cnn
class MnistCNN(nn.Module):
    """LeNet-5 (LeCun et al. 1998), with ReLU and max pooling."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)   # 6 x 14 x 14
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)   # 16 x 5 x 5
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
