# kind: correct
# why: train_epoch collects batch losses and sizes and returns np.average with weights
# %% train_epoch
def train_epoch(model, x, y, lr, batch_size, rng):
    losses, sizes = [], []
    for batch in minibatch_indices(x.shape[0], batch_size, rng):
        xb, yb = x[batch], y[batch]
        scores = model.forward(xb)
        losses.append(cross_entropy(scores, yb))
        sizes.append(len(batch))
        model.backward(cross_entropy_grad(scores, yb))
        sgd_step(model, lr)
    return float(np.average(losses, weights=sizes))
