# kind: correct
# why: z1 and h typed as tuples with more decimals
# %% forward_hidden
z1 = (0.9, -0.85, -0.4)
h = (0.710950, -0.691069, 0.0)
