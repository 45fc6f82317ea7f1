# kind: wrong
# why: mse returns the root of the mean squared error (RMSE)
# loses: test_fit_polynomial
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    return np.poly1d(np.polyfit(x, t, degree))


def mse(predict, x, t):
    return float(np.sqrt(np.mean((predict(x) - t) ** 2)))
