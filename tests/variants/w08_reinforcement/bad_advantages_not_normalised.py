# kind: wrong
# why: advantages detached but not normalised
# loses: test_normalised_advantages
# %% normalised_advantages
def normalised_advantages(returns, values):
    return (returns - values).detach()
