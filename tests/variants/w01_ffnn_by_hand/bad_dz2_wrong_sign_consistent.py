# kind: wrong
# why: dz2 = t - p (sign flipped); everything after it computed correctly from that dz2
# loses: test_output_grads
# %% output_grads
dz2 = np.array([0.0, 1.0]) - p
dW2 = np.outer(dz2, h)
db2 = dz2
# %% hidden_grads
dh = W2.T @ dz2
dz1 = dh * np.array([h[0] * (1 - h[0]), 1 - h[1] ** 2, 0.0])
# %% first_layer_grads
dW1 = np.outer(dz1, x)
db1 = dz1
