# kind: wrong
# why: sgd_step adds the gradient (gradient ascent) instead of subtracting it
# loses: test_sgd, test_training
# %% sgd
def minibatch_indices(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[s:s + batch_size] for s in range(0, n, batch_size)]


def sgd_step(model, lr):
    for layer in model.layers:
        for name in layer.params:
            layer.params[name] += lr * layer.grads[name]
