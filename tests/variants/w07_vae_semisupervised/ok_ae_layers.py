# kind: correct
# why: separate layers and functional ReLU/sigmoid, a deeper encoder
# %% autoencoder
class Autoencoder(nn.Module):
    def __init__(self, latent_dim=2, hidden=256):
        super().__init__()
        self.fc1 = nn.Linear(784, hidden)
        self.fc2 = nn.Linear(hidden, hidden // 2)
        self.code = nn.Linear(hidden // 2, latent_dim)
        self.fc3 = nn.Linear(latent_dim, hidden)
        self.out = nn.Linear(hidden, 784)

    def encode(self, x):
        return self.code(F.relu(self.fc2(F.relu(self.fc1(x)))))

    def forward(self, x):
        return torch.sigmoid(self.out(F.relu(self.fc3(self.encode(x)))))
