# kind: wrong
# why: model.eval() forgotten: dropout stays on during evaluation
# loses: ex52_test
# %% ex52_solution
def evaluate_model(model, loader, loss_fn, device):
    seen, loss_sum, correct = 0, 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss_sum += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            seen += len(y)
    return loss_sum / seen, correct / seen
