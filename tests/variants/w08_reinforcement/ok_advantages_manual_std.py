# kind: correct
# why: advantages with a hand-written variance and values.detach() first
# %% normalised_advantages
def normalised_advantages(returns, values):
    a = returns - values.detach()
    centred = a - a.sum() / len(a)
    return centred / (torch.sqrt((centred ** 2).sum() / (len(a) - 1)) + 1e-8) if len(a) > 1 else centred
