# kind: wrong
# why: cross-entropy summed over the batch instead of averaged (gradient keeps its 1/N)
# loses: test_cross_entropy
# %% cross_entropy
def cross_entropy(logits, y):
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.sum(lse - logits[np.arange(len(y)), y]))


def cross_entropy_grad(logits, y):
    return (softmax(logits) - one_hot(y, logits.shape[1])) / len(y)
