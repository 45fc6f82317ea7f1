# kind: correct
# why: one CNN (no ensemble), trained on all 4,000 training signals, predictions as a torch tensor
# %% challenge_solution
challenge_reports = []
epochs = pick(25, 6)
all_x = torch.cat([x_train, x_val])
all_y = torch.cat([y_train, y_val])
loader = DataLoader(TensorDataset(all_x, all_y), batch_size=128, shuffle=True)
torch.manual_seed(1)
net = nn.Sequential(RandomShift(3), small_cnn(width=32, p_drop=0.1)).to(device)
optimizer = torch.optim.Adam(net.parameters(), lr=5e-3)
challenge_reports.append(fit(net, loader, loss_fn, optimizer, epochs, device, verbose=False))
net.eval()
with torch.no_grad():
    val_predictions = net(x_val.to(device)).argmax(dim=1)
    test_predictions = net(x_test.to(device)).argmax(dim=1)
