# kind: correct
# why: cross-entropy with np.take_along_axis and a gradient that does not use softmax or one_hot
# %% cross_entropy
def _log_softmax(logits):
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))


def cross_entropy(logits, y):
    picked = np.take_along_axis(_log_softmax(logits), np.asarray(y)[:, None], axis=1)
    return -np.mean(picked)


def cross_entropy_grad(logits, y):
    grad = np.exp(_log_softmax(logits))
    grad[np.arange(logits.shape[0]), y] -= 1.0
    return grad / logits.shape[0]
