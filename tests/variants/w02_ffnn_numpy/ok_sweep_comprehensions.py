# kind: correct
# why: list comprehensions (fitting twice), min over zip to pick the degree, lists instead of arrays
# %% capacity_sweep
def capacity_sweep(x_train, t_train, x_val, t_val, degrees):
    degrees = list(degrees)
    train_errors = [mse(fit_polynomial(x_train, t_train, d), x_train, t_train) for d in degrees]
    val_errors = [mse(fit_polynomial(x_train, t_train, d), x_val, t_val) for d in degrees]
    best_degree = min(zip(val_errors, degrees))[1]
    return train_errors, val_errors, best_degree
