# kind: correct
# why: np.polyfit with np.poly1d as the prediction function; mse with np.square and .mean()
# %% fit_polynomial
def fit_polynomial(x, t, degree):
    return np.poly1d(np.polyfit(x, t, degree))


def mse(predict, x, t):
    return np.square(predict(x) - t).mean()
