# kind: wrong
# why: rows and columns swapped (predicted class in the rows)
# loses: test_confusion_matrix
# %% confusion_matrix
def confusion_matrix(y_true, y_pred, n_classes=10):
    c = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        c[p, t] += 1
    return c
