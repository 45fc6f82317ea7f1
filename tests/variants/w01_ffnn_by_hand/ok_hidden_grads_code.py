# kind: correct
# why: dh by an explicit sum over the two logits, dz1 with the derivatives written from the outputs h
# %% hidden_grads
hh = np.ravel(h)
dh = np.array([sum(W2[k, j] * dz2[k] for k in range(2)) for j in range(3)])
dz1 = dh * np.array([hh[0] * (1 - hh[0]), 1 - hh[1] ** 2, 1.0 if z1[2] > 0 else 0.0])
