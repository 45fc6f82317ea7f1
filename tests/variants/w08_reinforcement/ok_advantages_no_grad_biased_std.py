# kind: correct
# why: advantages under torch.no_grad with the biased std (unbiased=False) and eps 1e-6
# %% normalised_advantages
def normalised_advantages(returns, values):
    with torch.no_grad():
        a = returns - values
        return (a - a.mean()) / (a.std(unbiased=False) + 1e-6)
