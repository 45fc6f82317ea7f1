# kind: correct
# why: functools.reduce instead of a loop
# %% propagate_labels
import functools


def propagate_labels(S, Y, alpha=0.99, steps=50):
    return functools.reduce(lambda F, _: alpha * S.matmul(F) + (1.0 - alpha) * Y, range(steps), Y)
