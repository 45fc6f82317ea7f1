# kind: wrong
# why: averages the batch means, so a small last batch counts as much as a full one
# loses: ex52_test
# %% ex52_solution
def evaluate_model(model, loader, loss_fn, device):
    model.eval()
    losses, accs = [], []
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = model(x)
            losses.append(loss_fn(out, y).item())
            accs.append((out.argmax(1) == y).float().mean().item())
    return sum(losses) / len(losses), sum(accs) / len(accs)
