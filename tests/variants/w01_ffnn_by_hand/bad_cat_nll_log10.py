# kind: wrong
# why: the categorical NLL with the base-10 logarithm
# loses: test_categorical_nll
# %% ml_losses
sse = 0.3300
gauss_nll = 1.3374
gauss_const = 0.6774
cat_probs = np.array([0.7856, 0.0391, 0.1753])
cat_nll = -np.log10(0.1753)
