# kind: correct
# why: one-hot matrices of the true and predicted classes multiplied: T.T @ P counts every (true, predicted) pair
# %% confusion_matrix
def confusion_matrix(y_true, y_pred, n_classes=10):
    classes = np.arange(n_classes)
    true_hot = (np.asarray(y_true)[:, None] == classes).astype(np.int64)
    pred_hot = (np.asarray(y_pred)[:, None] == classes).astype(np.int64)
    return true_hot.T @ pred_hot
