# kind: correct
# why: logits, softmax and loss computed from h with NumPy, and log-sum-exp for the loss
# %% forward_output
z2 = W2 @ np.ravel(h) + b2
p = np.exp(z2) / np.sum(np.exp(z2))
loss = np.log(np.sum(np.exp(z2))) - z2[y]
