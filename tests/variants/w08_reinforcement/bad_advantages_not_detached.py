# kind: wrong
# why: the baseline is not detached: gradients flow into the value network
# loses: test_normalised_advantages
# %% normalised_advantages
def normalised_advantages(returns, values):
    a = returns - values
    return (a - a.mean()) / (a.std() + 1e-8)
