# kind: wrong
# why: the ReLU slope taken as 1 for unit 2, whose pre-activation is negative
# loses: test_hidden_grads
# %% hidden_grads
dh = np.array([0.7175, -0.9567, -0.4783])
dz1 = np.array([0.1474, -0.4998, -0.4783])
