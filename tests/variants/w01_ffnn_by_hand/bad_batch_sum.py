# kind: wrong
# why: the mini-batch gradients and loss summed instead of averaged
# loses: test_batch_grads
# %% batch_grads
loss_batch = loss + loss_ex2
dW1_batch = dW1 + dW1_ex2
db1_batch = db1 + db1_ex2
dW2_batch = dW2 + dW2_ex2
db2_batch = db2 + db2_ex2
