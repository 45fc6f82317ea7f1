# kind: wrong
# why: the bias b1 forgotten in z1; h (and everything after it) correctly computed from that z1
# loses: test_forward_hidden
# %% forward_hidden
z1 = W1 @ x
h = np.array([1 / (1 + np.exp(-z1[0])), np.tanh(z1[1]), max(z1[2], 0)])
# %% forward_output
z2 = W2 @ h + b2
p = np.exp(z2) / np.exp(z2).sum()
loss = -np.log(p[1])
# %% output_grads
dz2 = p - np.array([0, 1])
dW2 = np.outer(dz2, h)
db2 = dz2
# %% hidden_grads
dh = W2.T @ dz2
dz1 = dh * np.array([h[0] * (1 - h[0]), 1 - h[1] ** 2, float(z1[2] > 0)])
# %% first_layer_grads
dW1 = np.outer(dz1, x)
db1 = dz1
