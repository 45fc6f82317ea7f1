# kind: correct
# why: the sigmoid filled in with boolean masks (positive and negative entries separately), abs-based ReLU
# %% activations
def relu(x):
    return (x + np.abs(x)) / 2


def relu_grad(x):
    out = np.zeros_like(x, dtype=float)
    out[x > 0] = 1.0
    return out


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def sigmoid_grad(x):
    return sigmoid(x) * sigmoid(-x)


def tanh(x):
    return 2 * sigmoid(2 * x) - 1


def tanh_grad(x):
    return 4 * sigmoid_grad(2 * x)
