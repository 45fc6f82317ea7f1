# kind: wrong
# why: toy_forward with its own softmax that does not subtract the maximum (overflows for logits near 1000)
# loses: test_toy_forward
# %% toy_forward
def toy_forward(x, W1, b1, W2, b2):
    z1 = W1 @ x + b1
    h = np.array([1 / (1 + np.exp(-z1[0])), np.tanh(z1[1]), max(z1[2], 0.0)])
    z2 = W2 @ h + b2
    e = np.exp(z2)
    return z1, h, z2, e / e.sum()
