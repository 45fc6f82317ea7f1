# kind: wrong
# why: alpha weights the labels and 1 - alpha the neighbours
# loses: test_propagate_labels
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    F = Y.clone()
    for _ in range(steps):
        F = (1 - alpha) * (S @ F) + alpha * Y
    return F
