# kind: correct
# why: torch.inference_mode() instead of torch.no_grad(), predictions concatenated first, loss from the sum reduction
# %% ex52_solution
def evaluate_model(model, loader, loss_fn, device):
    model.eval()
    all_logits, all_labels = [], []
    with torch.inference_mode():
        for x, y in loader:
            all_logits.append(model(x.to(device)))
            all_labels.append(y.to(device))
        logits, labels = torch.cat(all_logits), torch.cat(all_labels)
        mean_loss = loss_fn(logits, labels).item()
        acc = (logits.argmax(dim=1) == labels).float().mean().item()
    return mean_loss, acc
