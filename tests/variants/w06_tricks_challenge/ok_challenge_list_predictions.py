# kind: correct
# why: an MLP-free CNN written as its own nn.Module class, predictions handed in as a Python list of ints
# %% challenge_solution
challenge_reports = []


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.shift = RandomShift(4)
        self.conv = nn.Sequential(nn.Conv1d(1, 24, 5, padding=2), nn.ReLU(), nn.Conv1d(24, 24, 3, padding=1),
                                  nn.ReLU(), nn.MaxPool1d(2), nn.Conv1d(24, 24, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(24 * 20, 10)

    def forward(self, x):
        h = self.conv(self.shift(x).unsqueeze(1))
        return self.head(h.flatten(1))


torch.manual_seed(0)
net = Net()
opt = torch.optim.AdamW(net.parameters(), lr=3e-3)
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)
challenge_reports.append(fit(net, loader, loss_fn, opt, pick(25, 6), device, verbose=False))
net.eval()
with torch.no_grad():
    val_predictions = net(x_val.to(device)).argmax(1).cpu().numpy()
    test_predictions = [int(c) for c in net(x_test.to(device)).argmax(1).cpu()]
