# kind: wrong
# why: hands in the ensemble's class probabilities (2000 x 10) instead of one class per test signal
# loses: test_challenge_format, test_challenge_baseline
# %% challenge_solution
challenge_reports = []
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)
torch.manual_seed(0)
model = nn.Sequential(RandomShift(4), small_cnn()).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
challenge_reports.append(fit(model, loader, loss_fn, opt, pick(20, 5), device, verbose=False))
val_predictions = ensemble_predict([model], x_val.to(device)).argmax(1).cpu()
test_predictions = ensemble_predict([model], x_test.to(device)).cpu().numpy()
