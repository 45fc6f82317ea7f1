# kind: correct
# why: output gradients typed as nested lists, -0.0 for the dead unit
# %% output_grads
dz2 = [0.7972, -0.7972]
dW2 = [[0.5668, -0.5510, 0.0], [-0.5668, 0.5510, -0.0]]
db2 = [[0.7972], [-0.7972]]
