# kind: correct
# why: minibatch_indices written as a generator that yields the batches
# %% sgd
def minibatch_indices(n, batch_size, rng):
    perm = rng.permutation(n)
    for i in range(0, n, batch_size):
        yield perm[i:i + batch_size]


def sgd_step(model, lr):
    for layer in model.layers:
        for key in layer.params:
            layer.params[key] -= lr * layer.grads[key]
