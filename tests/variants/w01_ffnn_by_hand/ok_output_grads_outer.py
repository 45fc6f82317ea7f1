# kind: correct
# why: output gradients from p with np.outer and a one-hot vector built with np.eye
# %% output_grads
t = np.eye(2)[y]
dz2 = np.ravel(p) - t
dW2 = np.outer(dz2, np.ravel(h))
db2 = dz2.copy()
