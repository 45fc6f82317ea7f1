# kind: correct
# why: batches cut with a while loop; sgd_step with .items() and np.subtract(..., out=...)
# %% sgd
def minibatch_indices(n, batch_size, rng):
    shuffled = rng.permutation(np.arange(n))
    batches, start = [], 0
    while start < n:
        batches.append(shuffled[start:min(start + batch_size, n)])
        start += batch_size
    return batches


def sgd_step(model, lr):
    for layer in model.layers:
        for key, value in layer.params.items():
            np.subtract(value, lr * layer.grads[key], out=value)
