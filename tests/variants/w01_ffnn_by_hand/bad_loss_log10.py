# kind: wrong
# why: the loss computed with the base-10 logarithm
# loses: test_forward_output
# %% forward_output
z2 = np.array([0.7721, -0.5970])
p = np.array([0.7972, 0.2028])
loss = -np.log10(0.2028)
