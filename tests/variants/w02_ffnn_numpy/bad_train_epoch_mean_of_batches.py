# kind: wrong
# why: train_epoch returns the plain mean of the batch losses, so the smaller last batch counts as much as the others
# loses: test_train_epoch
# %% train_epoch
def train_epoch(model, x, y, lr, batch_size, rng):
    losses = []
    for idx in minibatch_indices(len(x), batch_size, rng):
        logits = model.forward(x[idx])
        losses.append(cross_entropy(logits, y[idx]))
        model.backward(cross_entropy_grad(logits, y[idx]))
        sgd_step(model, lr)
    return float(np.mean(losses))
