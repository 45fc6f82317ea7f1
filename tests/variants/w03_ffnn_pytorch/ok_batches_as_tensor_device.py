# kind: correct
# why: batches moved with torch.as_tensor(x, device=device) instead of .to(device) (the row)
# %% ex51_solution
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    total_loss, total_correct, total = 0.0, 0, 0
    for xb, yb in loader:
        xb = torch.as_tensor(xb, device=device)
        yb = torch.as_tensor(yb, device=device)
        optimizer.zero_grad()
        scores = model(xb)
        loss = loss_fn(scores, yb)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * yb.shape[0]
        total_correct += int((scores.argmax(1) == yb).sum())
        total += yb.shape[0]
    return total_loss / total, total_correct / total
