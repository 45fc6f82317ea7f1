# kind: wrong
# why: mini-batches taken in the original order (np.arange), never shuffled
# loses: test_sgd
# %% sgd
def minibatch_indices(n, batch_size, rng):
    idx = np.arange(n)
    return [idx[i:i + batch_size] for i in range(0, n, batch_size)]


def sgd_step(model, lr):
    for layer in model.layers:
        for name in layer.params:
            layer.params[name] -= lr * layer.grads[name]
