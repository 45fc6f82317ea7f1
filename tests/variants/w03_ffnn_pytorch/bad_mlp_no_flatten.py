# kind: wrong
# why: no Flatten at the start, so (N, 28, 28) images do not fit the first Linear layer
# loses: ex31_test, ex53_test
# %% ex31_solution
class MLP(nn.Module):
    def __init__(self, in_features=784, hidden_sizes=(256, 128), num_classes=10, dropout=0.0):
        super().__init__()
        layers, width = [], in_features
        for size in hidden_sizes:
            layers += [nn.Linear(width, size), nn.ReLU(), nn.Dropout(dropout)]
            width = size
        self.net = nn.Sequential(*layers, nn.Linear(width, num_classes))

    def forward(self, x):
        return self.net(x)
