# kind: wrong
# why: dz1 = dh (the activation derivatives forgotten); dW1 and db1 follow from that dz1
# loses: test_hidden_grads
# %% hidden_grads
dh = np.array([0.7175, -0.9567, -0.4783])
dz1 = dh
# %% first_layer_grads
dW1 = np.outer(dz1, x)
db1 = np.array(dz1)
