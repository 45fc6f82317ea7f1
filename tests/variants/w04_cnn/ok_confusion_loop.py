# kind: correct
# why: confusion matrix counted with a Python loop over zip, as a list of lists turned into an array
# %% confusion_matrix
def confusion_matrix(y_true, y_pred, n_classes=10):
    table = [[0] * n_classes for _ in range(n_classes)]
    for t, p in zip(y_true, y_pred):
        table[int(t)][int(p)] += 1
    return np.array(table)
