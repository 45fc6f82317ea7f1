# kind: wrong
# why: the degree chosen by the smallest TRAINING error (always the largest model)
# loses: test_capacity_sweep
# %% capacity_sweep
def capacity_sweep(x_train, t_train, x_val, t_val, degrees):
    degrees = list(degrees)
    train_errors, val_errors = [], []
    for degree in degrees:
        predict = fit_polynomial(x_train, t_train, degree)
        train_errors.append(mse(predict, x_train, t_train))
        val_errors.append(mse(predict, x_val, t_val))
    return np.array(train_errors), np.array(val_errors), degrees[int(np.argmin(train_errors))]
