# kind: wrong
# why: the size comes from the largest label seen instead of n_classes, so classes that never occur lose their row
# loses: test_confusion_matrix
# %% confusion_matrix
def confusion_matrix(y_true, y_pred, n_classes=10):
    n = int(max(np.max(y_true), np.max(y_pred))) + 1
    counts = np.zeros((n, n), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts
