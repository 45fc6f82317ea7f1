# kind: correct
# why: the Keras "simple MNIST convnet" example (32 and 64 filters of 3x3, no padding, dropout 0.5), in PyTorch
# %% mnist_cnn
class MnistCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, kernel_size=3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Dropout(0.5), nn.Linear(64 * 5 * 5, 10),
        )

    def forward(self, x):
        return self.model(x)
