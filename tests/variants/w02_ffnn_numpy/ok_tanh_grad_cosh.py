# kind: correct
# why: tanh_grad written as sech^2 = 1 / cosh(x)**2 (exact; cosh overflows at +-1000, which the text allows)
# %% activations
def relu(x):
    return np.maximum(x, 0.0)


def relu_grad(x):
    return (x > 0).astype(float)


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    return 1 / np.cosh(x) ** 2
