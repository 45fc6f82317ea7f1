# kind: wrong
# why: returns the predicted classes instead of the scores
# loses: test_propagate_labels
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    F = Y.clone()
    for _ in range(steps):
        F = alpha * (S @ F) + (1 - alpha) * Y
    return F.argmax(1)
