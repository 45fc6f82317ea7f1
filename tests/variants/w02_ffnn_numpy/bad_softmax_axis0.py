# kind: wrong
# why: softmax normalised over the columns (axis 0, the batch) instead of the rows
# loses: test_softmax, test_training
# %% softmax
def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
