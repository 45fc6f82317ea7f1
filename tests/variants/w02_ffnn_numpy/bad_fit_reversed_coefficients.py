# kind: wrong
# why: coefficients fitted with increasing powers but evaluated with np.polyval, which expects decreasing ones
# loses: test_fit_polynomial
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    X = np.vander(x, degree + 1, increasing=True)
    w = np.linalg.lstsq(X, t, rcond=None)[0]
    return lambda x_new: np.polyval(w, x_new)


def mse(predict, x, t):
    return float(np.mean((predict(x) - t) ** 2))
