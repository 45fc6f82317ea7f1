# kind: wrong
# why: the validation error measured with a polynomial fitted on the validation data itself
# loses: test_capacity_sweep
# %% capacity_sweep
def capacity_sweep(x_train, t_train, x_val, t_val, degrees):
    degrees = list(degrees)
    train_errors, val_errors = [], []
    for degree in degrees:
        train_errors.append(mse(fit_polynomial(x_train, t_train, degree), x_train, t_train))
        val_errors.append(mse(fit_polynomial(x_val, t_val, degree), x_val, t_val))
    return np.array(train_errors), np.array(val_errors), degrees[int(np.argmin(val_errors))]
