# kind: wrong
# why: returns the position of the best degree in the list, not the degree itself
# loses: test_capacity_sweep
# %% capacity_sweep
def capacity_sweep(x_train, t_train, x_val, t_val, degrees):
    train_errors, val_errors = [], []
    for degree in degrees:
        predict = fit_polynomial(x_train, t_train, degree)
        train_errors.append(mse(predict, x_train, t_train))
        val_errors.append(mse(predict, x_val, t_val))
    return np.array(train_errors), np.array(val_errors), int(np.argmin(val_errors))
