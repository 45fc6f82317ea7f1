# kind: wrong
# why: sigma'(z) computed as z (1 - z), from the input instead of the output
# loses: test_derivative_numbers
# %% derivative_numbers
dsigmoid = z_demo * (1 - z_demo)
dtanh = np.array([0.4200, 0.7864, 0.0707])
drelu = np.array([0.0, 1.0, 1.0])
