# kind: correct
# why: three conv layers with biases and no batch norm, activations and pooling called in forward via F
# %% mnist_cnn
class MnistCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(1, 16, 5, padding=2), nn.Conv2d(16, 32, 3, padding=1),
                                    nn.Conv2d(32, 64, 3, padding=1)])
        self.out = nn.Linear(64 * 3 * 3, 10)

    def forward(self, x):
        for conv in self.convs:
            x = F.max_pool2d(F.relu(conv(x)), 2)
        return self.out(x.flatten(start_dim=1))
