# kind: wrong
# why: only `degree` coefficients (np.vander(x, degree)): the polynomial has one degree too few
# loses: test_fit_polynomial
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    powers = np.vander(x, max(degree, 1))
    w, *_ = np.linalg.lstsq(powers, t, rcond=None)
    return lambda x_new: np.vander(np.asarray(x_new, dtype=float), max(degree, 1)) @ w


def mse(predict, x, t):
    return float(np.mean((predict(x) - t) ** 2))
