# kind: correct
# why: dW1 by broadcasting a column times a row, db1 as a column vector
# %% first_layer_grads
dW1 = np.asarray(dz1, dtype=float).reshape(-1, 1) * x.reshape(1, -1)
db1 = np.asarray(dz1, dtype=float).reshape(3, 1)
