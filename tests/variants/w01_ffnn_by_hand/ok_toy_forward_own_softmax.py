# kind: correct
# why: toy_forward with einsum, a stable sigmoid via np.where and its own stable softmax; returns a list
# %% toy_forward
def toy_forward(x, W1, b1, W2, b2):
    z1 = np.einsum("ji,i->j", W1, x) + b1
    sig = np.where(z1[0] >= 0, 1 / (1 + np.exp(-abs(z1[0]))), np.exp(-abs(z1[0])) / (1 + np.exp(-abs(z1[0]))))
    h = np.array([sig, np.tanh(z1[1]), z1[2] * (z1[2] > 0)])
    z2 = np.einsum("kj,j->k", W2, h) + b2
    shifted = np.exp(z2 - z2.max())
    return [z1, h, z2, shifted / shifted.sum()]
