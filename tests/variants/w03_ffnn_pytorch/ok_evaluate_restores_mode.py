# kind: correct
# why: evaluate_model restores the caller's train/eval mode afterwards, as dlcourse.vision.feature_maps does (the row)
# %% ex52_solution
def evaluate_model(model, loader, loss_fn, device):
    was_training = model.training
    model.eval()
    loss_sum, correct, count = 0.0, 0, 0
    try:
        with torch.no_grad():
            for x, y in loader:
                x, y = x.to(device), y.to(device)
                out = model(x)
                loss_sum += float(loss_fn(out, y)) * len(y)
                correct += int((out.argmax(dim=1) == y).sum())
                count += len(y)
    finally:
        model.train(was_training)
    return loss_sum / count, correct / count
