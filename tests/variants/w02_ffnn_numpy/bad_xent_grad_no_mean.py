# kind: wrong
# why: the gradient of the mean cross-entropy without the 1/N (P - T)
# loses: test_cross_entropy, test_training
# %% cross_entropy
def cross_entropy(logits, y):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(y)), y].mean())


def cross_entropy_grad(logits, y):
    return softmax(logits) - one_hot(y, logits.shape[1])
