# kind: correct
# why: increasing powers x^0..x^d built with a list comprehension, lstsq, prediction by a loop over the coefficients
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    X = np.stack([x ** k for k in range(degree + 1)], axis=1)
    coef = np.linalg.lstsq(X, t, rcond=None)[0]

    def predict(x_new):
        x_new = np.asarray(x_new, dtype=float)
        y = np.zeros_like(x_new)
        for k, c in enumerate(coef):
            y = y + c * x_new ** k
        return y
    return predict


def mse(predict, x, t):
    return np.mean((t - predict(x)) ** 2)
