# kind: correct
# why: discounted return with NumPy powers and a dot product
# %% discounted_return
def discounted_return(rewards, gamma):
    r = np.asarray(rewards, dtype=float)
    return float(np.dot(gamma ** np.arange(len(r)), r))
