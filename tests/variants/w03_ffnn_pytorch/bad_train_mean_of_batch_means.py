# kind: wrong
# why: the epoch loss is the mean of the batch means, wrong when the last batch is smaller
# loses: ex51_test
# %% ex51_solution
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    losses, accs = [], []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        out = model(x)
        loss = loss_fn(out, y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        accs.append((out.argmax(1) == y).float().mean().item())
    return float(np.mean(losses)), float(np.mean(accs))
