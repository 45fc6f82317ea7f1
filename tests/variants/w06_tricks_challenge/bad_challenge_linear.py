# kind: wrong
# why: a linear model (logistic regression) on the raw signals: far below the baseline
# loses: test_challenge_baseline
# %% challenge_solution
challenge_reports = []
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)
torch.manual_seed(0)
model = nn.Linear(40, 10)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
challenge_reports.append(fit(model, loader, loss_fn, opt, pick(20, 5), device, verbose=False))
model.eval()
with torch.no_grad():
    val_predictions = model(x_val.to(device)).argmax(1).cpu()
    test_predictions = model(x_test.to(device)).argmax(1).cpu().numpy()
