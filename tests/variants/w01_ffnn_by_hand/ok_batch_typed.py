# kind: correct
# why: the mini-batch answers typed as rounded numbers
# %% batch_grads
loss_batch = 1.1575
dW1_batch = np.array([[0.0897, -0.1001], [-0.4296, 0.4022], [-0.1539, 0.0769]])
db1_batch = np.array([0.0209, 0.0548, 0.1539])
dW2_batch = np.array([[0.1925, -0.2499, -0.1667], [-0.1925, 0.2499, 0.1667]])
db2_batch = np.array([0.1422, -0.1422])
