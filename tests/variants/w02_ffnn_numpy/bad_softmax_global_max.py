# kind: wrong
# why: softmax subtracts the maximum of the whole matrix, not of each row (0/0 for rows far below it)
# loses: test_softmax
# %% softmax
def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=1, keepdims=True)
