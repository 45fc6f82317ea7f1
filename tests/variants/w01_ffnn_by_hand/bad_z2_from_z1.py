# kind: wrong
# why: the logits computed from the pre-activations z1 instead of the hidden outputs h (p, loss follow from it)
# loses: test_forward_output
# %% forward_output
z2 = W2 @ np.array([0.9, -0.85, -0.4]) + b2
p = np.exp(z2) / np.exp(z2).sum()
loss = -np.log(p[1])
