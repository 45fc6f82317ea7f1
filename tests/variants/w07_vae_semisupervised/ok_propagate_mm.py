# kind: correct
# why: torch.mm and the terms in the other order
# %% propagate_labels
def propagate_labels(S, Y, alpha=0.99, steps=50):
    scores = Y.clone()
    for step in range(steps):
        scores = (1 - alpha) * Y + alpha * torch.mm(S, scores)
    return scores
