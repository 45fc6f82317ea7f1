# kind: wrong
# why: 100 random images, not 10 of each class
# loses: test_select_labelled
# %% select_labelled
def select_labelled(y, per_class, seed=0):
    rng = np.random.default_rng(seed)
    return rng.choice(len(y), per_class * 10, replace=False)
