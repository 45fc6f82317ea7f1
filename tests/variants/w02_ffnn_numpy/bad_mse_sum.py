# kind: wrong
# why: mse returns the SUM of squared errors instead of the mean
# loses: test_fit_polynomial
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    return np.poly1d(np.polyfit(x, t, degree))


def mse(predict, x, t):
    return float(np.sum((predict(x) - t) ** 2))
