# kind: correct
# why: an nn.Sequential filled with add_module and named layers
# %% ex31_solution
class MLP(nn.Module):
    def __init__(self, in_features=784, hidden_sizes=(256, 128), num_classes=10, dropout=0.0):
        super().__init__()
        self.layers = nn.Sequential()
        self.layers.add_module("flatten", nn.Flatten())
        prev = in_features
        for i, h in enumerate(hidden_sizes):
            self.layers.add_module(f"fc{i}", nn.Linear(prev, h))
            self.layers.add_module(f"relu{i}", nn.ReLU())
            self.layers.add_module(f"drop{i}", nn.Dropout(p=dropout))
            prev = h
        self.layers.add_module("logits", nn.Linear(prev, num_classes))

    def forward(self, x):
        return self.layers(x)
