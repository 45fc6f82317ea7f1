# kind: wrong
# why: model.train() forgotten: a model that arrives in eval mode trains with dropout off
# loses: ex51_test
# %% ex51_solution
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    seen, loss_sum, correct = 0, 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        logits = model(x)
        loss = loss_fn(logits, y)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        seen += len(y)
    return loss_sum / seen, correct / seen
