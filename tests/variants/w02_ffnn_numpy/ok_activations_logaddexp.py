# kind: correct
# why: ReLU with np.where, the sigmoid as exp(-logaddexp(0, -x)), derivatives from the outputs
# %% activations
def relu(x):
    return np.where(x > 0, x, 0.0)


def relu_grad(x):
    return (x > 0) * 1.0


def sigmoid(x):
    # log sigma(x) = -log(1 + e^-x), computed without overflow by logaddexp
    return np.exp(-np.logaddexp(0.0, -x))


def sigmoid_grad(x):
    sig = sigmoid(x)
    return sig - sig ** 2


def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    t = np.tanh(x)
    return (1 - t) * (1 + t)
