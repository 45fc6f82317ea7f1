# kind: correct
# why: results kept in a dict keyed by degree, best chosen with min(key=...), np.fromiter for the arrays
# %% capacity_sweep
def capacity_sweep(x_train, t_train, x_val, t_val, degrees):
    results = {}
    for d in degrees:
        model = fit_polynomial(x_train, t_train, d)
        results[d] = (mse(model, x_train, t_train), mse(model, x_val, t_val))
    best = min(results, key=lambda d: results[d][1])
    tr = np.fromiter((v[0] for v in results.values()), dtype=float)
    va = np.fromiter((v[1] for v in results.values()), dtype=float)
    return tr, va, best
