# kind: wrong
# why: tanh'(z) taken as sech(z) = 1 / cosh(z), the square forgotten
# loses: test_derivative_numbers
# %% derivative_numbers
dsigmoid = np.array([0.1966, 0.2350, 0.1050])
dtanh = 1 / np.cosh(z_demo)
drelu = np.array([0.0, 1.0, 1.0])
