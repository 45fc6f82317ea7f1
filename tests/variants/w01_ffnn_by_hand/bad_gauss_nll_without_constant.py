# kind: wrong
# why: the Gaussian NLL without the constant (N/2) log(2 pi sigma^2), which is part of the likelihood
# loses: test_gaussian_nll
# %% ml_losses
sse = 0.3300
gauss_nll = 0.6600
gauss_const = 0.6774
cat_probs = np.array([0.7856, 0.0391, 0.1753])
cat_nll = 1.7413
