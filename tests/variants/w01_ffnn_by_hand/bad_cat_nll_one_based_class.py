# kind: wrong
# why: y = 2 read as the second class (counting from 1), consistently in the NLL
# loses: test_categorical_nll
# %% ml_losses
sse = 0.3300
gauss_nll = 1.3374
gauss_const = 0.6774
cat_probs = np.array([0.7856, 0.0391, 0.1753])
cat_nll = -np.log(cat_probs[1])
