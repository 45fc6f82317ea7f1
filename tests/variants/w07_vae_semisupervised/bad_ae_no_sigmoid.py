# kind: wrong
# why: the decoder has no sigmoid: outputs outside [0, 1]
# loses: test_autoencoder
# %% autoencoder
class Autoencoder(nn.Module):
    def __init__(self, latent_dim=2, hidden=256):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, latent_dim))
        self.decoder = nn.Sequential(nn.Linear(latent_dim, hidden), nn.ReLU(), nn.Linear(hidden, 784))

    def encode(self, x):
        return self.encoder(x)

    def forward(self, x):
        return self.decoder(self.encode(x))
