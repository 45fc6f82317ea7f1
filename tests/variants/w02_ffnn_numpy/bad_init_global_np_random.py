# kind: wrong
# why: weights drawn from the global np.random instead of the generator passed in
# loses: test_init_weights
# %% init_weights
def init_weights(n_in, n_out, method, rng):
    if method == "he":
        return np.random.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in))
    a = np.sqrt(6.0 / (n_in + n_out))
    return np.random.uniform(-a, a, size=(n_out, n_in))
