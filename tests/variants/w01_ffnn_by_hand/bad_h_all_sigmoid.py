# kind: wrong
# why: the sigmoid applied to all three hidden units (unit 1 uses tanh, unit 2 ReLU)
# loses: test_forward_hidden
# %% forward_hidden
z1 = np.array([0.9, -0.85, -0.4])
h = np.array([0.7109, 0.2994, 0.4013])
