# kind: correct
# why: hidden layers in an nn.ModuleList, ReLU and dropout applied in forward with F, input flattened by reshape
# %% ex31_solution
class MLP(nn.Module):
    def __init__(self, in_features=784, hidden_sizes=(256, 128), num_classes=10, dropout=0.0):
        super().__init__()
        sizes = [in_features, *hidden_sizes]
        self.hidden = nn.ModuleList(nn.Linear(i, o) for i, o in zip(sizes[:-1], sizes[1:]))
        self.out = nn.Linear(sizes[-1], num_classes)
        self.p = dropout

    def forward(self, x):
        x = x.reshape(x.shape[0], -1)
        for layer in self.hidden:
            x = F.dropout(F.relu(layer(x)), p=self.p, training=self.training)
        return self.out(x)
