# kind: wrong
# why: one update too many (range(steps + 1))
# loses: test_propagate_labels
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    F = Y.clone()
    for _ in range(steps + 1):
        F = alpha * (S @ F) + (1 - alpha) * Y
    return F
