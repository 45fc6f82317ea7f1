# kind: correct
# why: np.polynomial.Polynomial.fit (scaled domain), returned directly; mse as a sum over len(t)
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    return np.polynomial.Polynomial.fit(x, t, deg=degree)


def mse(predict, x, t):
    residuals = np.asarray(predict(x)) - np.asarray(t)
    return float(np.sum(residuals * residuals) / len(t))
