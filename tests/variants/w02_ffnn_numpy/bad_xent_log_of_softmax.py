# kind: wrong
# why: cross-entropy as np.log(softmax(z)), which gives log(0) = -inf for logits of size 1000
# loses: test_cross_entropy
# %% cross_entropy
def cross_entropy(logits, y):
    probs = softmax(logits)
    return float(-np.mean(np.log(probs[np.arange(len(y)), y])))


def cross_entropy_grad(logits, y):
    return (softmax(logits) - one_hot(y, logits.shape[1])) / len(y)
