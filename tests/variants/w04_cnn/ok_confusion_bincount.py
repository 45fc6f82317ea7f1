# kind: correct
# why: confusion matrix with np.bincount on the flattened index true * n + predicted
# %% confusion_matrix
def confusion_matrix(y_true, y_pred, n_classes=10):
    flat = np.asarray(y_true) * n_classes + np.asarray(y_pred)
    return np.bincount(flat, minlength=n_classes * n_classes).reshape(n_classes, n_classes)
