# kind: wrong
# why: sigma instead of sigma^2 everywhere (in the exponent and in the log), consistently
# loses: test_gaussian_nll
# %% ml_losses
sse = 0.3300
gauss_const = 1.5 * np.log(2 * np.pi * 0.5)
gauss_nll = 0.5 * sse / 0.5 ** 2 + gauss_const
cat_probs = np.array([0.7856, 0.0391, 0.1753])
cat_nll = 1.7413
