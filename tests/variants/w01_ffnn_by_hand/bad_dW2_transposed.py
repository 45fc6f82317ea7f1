# kind: wrong
# why: dW2 written with one row per hidden unit (shape 3 x 2, transposed)
# loses: test_output_grads
# %% output_grads
dz2 = np.array([0.7972, -0.7972])
dW2 = np.array([[0.5668, -0.5668], [-0.5509, 0.5509], [0.0, 0.0]])
db2 = np.array([0.7972, -0.7972])
