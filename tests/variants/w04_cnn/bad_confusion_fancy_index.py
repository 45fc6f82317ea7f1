# kind: wrong
# why: c[y_true, y_pred] += 1 with fancy indexing counts repeated pairs only once
# loses: test_confusion_matrix
# %% confusion_matrix
def confusion_matrix(y_true, y_pred, n_classes=10):
    c = np.zeros((n_classes, n_classes), dtype=int)
    c[y_true, y_pred] += 1
    return c
