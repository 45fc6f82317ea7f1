# kind: wrong
# why: starts from F = 0 instead of F = Y, which the exercise asks for
# loses: test_propagate_labels
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    F = torch.zeros_like(Y)
    for _ in range(steps):
        F = alpha * (S @ F) + (1 - alpha) * Y
    return F
