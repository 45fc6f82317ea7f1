# kind: wrong
# why: the layers kept in a plain Python list, so they are not registered (no parameters to train)
# loses: ex31_test, ex53_test
# %% ex31_solution
class MLP(nn.Module):
    def __init__(self, in_features=784, hidden_sizes=(256, 128), num_classes=10, dropout=0.0):
        super().__init__()
        self.layers = []
        width = in_features
        for size in hidden_sizes:
            self.layers += [nn.Linear(width, size), nn.ReLU(), nn.Dropout(dropout)]
            width = size
        self.layers.append(nn.Linear(width, num_classes))

    def forward(self, x):
        x = x.flatten(1)
        for layer in self.layers:
            x = layer(x)
        return x
