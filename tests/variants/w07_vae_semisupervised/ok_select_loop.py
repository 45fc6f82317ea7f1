# kind: correct
# why: a loop over classes with a permutation, returned as a list
# %% select_labelled
def select_labelled(y, per_class, seed=0):
    rng = np.random.default_rng(seed)
    chosen = []
    for c in range(10):
        where = np.where(np.asarray(y) == c)[0]
        chosen.extend(rng.permutation(where)[:per_class].tolist())
    return np.array(chosen)
