# kind: wrong
# why: relu_grad uses x >= 0, so relu_grad(0) is 1 instead of 0
# loses: test_activations
# %% activations
def relu(x):
    return np.maximum(x, 0.0)


def relu_grad(x):
    return (x >= 0).astype(float)


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    return 1.0 - np.tanh(x) ** 2
