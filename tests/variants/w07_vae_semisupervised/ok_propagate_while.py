# kind: correct
# why: a while loop counting down, and a copy made by multiplying by 1.0
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    F = Y * 1.0
    left = steps
    while left > 0:
        F = alpha * (S @ F) + (1 - alpha) * Y
        left -= 1
    return F
