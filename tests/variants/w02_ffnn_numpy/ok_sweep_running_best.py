# kind: correct
# why: a running best kept while looping (strictly smaller replaces it), preallocated arrays and enumerate
# %% capacity_sweep
def capacity_sweep(x_train, t_train, x_val, t_val, degrees):
    degrees = list(degrees)
    train_errors = np.empty(len(degrees))
    val_errors = np.empty(len(degrees))
    best_degree, best_error = None, np.inf
    for i, d in enumerate(degrees):
        predict = fit_polynomial(x_train, t_train, d)
        train_errors[i] = mse(predict, x_train, t_train)
        val_errors[i] = mse(predict, x_val, t_val)
        if val_errors[i] < best_error:
            best_degree, best_error = d, val_errors[i]
    return train_errors, val_errors, best_degree
