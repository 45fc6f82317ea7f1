# kind: correct
# why: mini-batch averages with np.mean over a stacked axis, loss from np.mean of a list
# %% batch_grads
loss_batch = np.mean([loss, loss_ex2])
dW1_batch = np.mean(np.stack([np.asarray(dW1, float), dW1_ex2]), axis=0)
db1_batch = np.mean([np.ravel(db1), db1_ex2], axis=0)
dW2_batch = np.mean(np.stack([np.asarray(dW2, float), dW2_ex2]), axis=0)
db2_batch = np.mean([np.ravel(db2), db2_ex2], axis=0)
