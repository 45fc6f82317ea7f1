# kind: correct
# why: toy_forward with a loop over the hidden units and a list of activation functions
# %% toy_forward
def toy_forward(x, W1, b1, W2, b2):
    acts = [lambda v: 1.0 / (1.0 + np.exp(-v)), np.tanh, lambda v: max(v, 0.0)]
    z1 = np.dot(W1, x) + b1
    h = np.zeros(3)
    for j in range(3):
        h[j] = acts[j](z1[j])
    z2 = np.dot(W2, h) + b2
    return z1, h, z2, softmax(z2)
