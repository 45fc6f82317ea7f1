# kind: correct
# why: model.zero_grad(set_to_none=True) instead of optimizer.zero_grad(), sum-reduced loss for bookkeeping
# %% ex51_solution
def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    n_seen, loss_total, n_right = 0, 0.0, 0
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        model.zero_grad(set_to_none=True)
        out = model(inputs)
        loss = loss_fn(out, targets)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            loss_total += loss.detach().cpu().item() * len(targets)
            n_right += (out.argmax(-1) == targets).sum().cpu().item()
        n_seen += len(targets)
    return float(loss_total / n_seen), float(n_right / n_seen)
