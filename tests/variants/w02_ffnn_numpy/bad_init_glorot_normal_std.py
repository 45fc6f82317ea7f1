# kind: wrong
# why: Glorot drawn from a normal distribution with standard deviation a instead of uniform on [-a, a]
# loses: test_init_weights
# %% init_weights
def init_weights(n_in, n_out, method, rng):
    if method == "he":
        return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in))
    a = np.sqrt(6.0 / (n_in + n_out))
    return rng.normal(0.0, a, size=(n_out, n_in))
