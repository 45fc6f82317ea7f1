# kind: wrong
# why: the labels are not fed back in each step (pure diffusion)
# loses: test_propagate_labels
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    F = Y.clone()
    for _ in range(steps):
        F = alpha * (S @ F)
    return F
