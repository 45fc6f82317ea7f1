# kind: wrong
# why: no torch.no_grad(): the evaluation builds computation graphs
# loses: ex52_test
# %% ex52_solution
def evaluate_model(model, loader, loss_fn, device):
    model.eval()
    seen, loss_sum, correct = 0, 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss_sum += loss_fn(logits, y).item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        seen += len(y)
    return loss_sum / seen, correct / seen
