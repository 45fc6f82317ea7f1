# kind: correct
# why: He from rng.standard_normal scaled by hand, Glorot from rng.random mapped to [-a, a], a dict of methods
# %% init_weights
def init_weights(n_in, n_out, method, rng):
    def he():
        return rng.standard_normal((n_out, n_in)) * np.sqrt(2 / n_in)

    def glorot():
        a = (6 / (n_in + n_out)) ** 0.5
        return (2 * rng.random((n_out, n_in)) - 1) * a

    return {"he": he, "glorot": glorot}[method]()
