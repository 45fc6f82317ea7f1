# kind: correct
# why: train_epoch updates the parameters itself via model.parameters()/gradients() instead of calling sgd_step
# %% train_epoch
def train_epoch(model, x, y, lr, batch_size, rng):
    n = len(x)
    loss_sum = 0.0
    order = rng.permutation(n)
    for lo in range(0, n, batch_size):
        idx = order[lo:lo + batch_size]
        logits = model.forward(x[idx])
        loss_sum += len(idx) * cross_entropy(logits, y[idx])
        model.backward(cross_entropy_grad(logits, y[idx]))
        grads = model.gradients()
        for name, param in model.parameters().items():
            param -= lr * grads[name]
    return loss_sum / n
