# kind: wrong
# why: toy_forward applies tanh to every hidden unit
# loses: test_toy_forward
# %% toy_forward
def toy_forward(x, W1, b1, W2, b2):
    z1 = W1 @ x + b1
    h = np.tanh(z1)
    z2 = W2 @ h + b2
    return z1, h, z2, softmax(z2)
