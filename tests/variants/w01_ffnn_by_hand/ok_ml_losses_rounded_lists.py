# kind: correct
# why: hand-computed numbers rounded to 3 decimals, typed as plain floats, a list and a one-element list
# %% ml_losses
sse = 0.33
gauss_const = [0.677]
gauss_nll = 1.337
cat_probs = [0.786, 0.039, 0.175]
cat_nll = 1.741
