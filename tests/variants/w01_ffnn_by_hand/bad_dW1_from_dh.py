# kind: wrong
# why: the first-layer gradients computed from dh instead of dz1
# loses: test_first_layer_grads
# %% first_layer_grads
dW1 = np.outer([0.7175, -0.9567, -0.4783], x)
db1 = np.array([0.7175, -0.9567, -0.4783])
