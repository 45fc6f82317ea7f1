# kind: wrong
# why: He initialisation with the fan-out (weight.shape[0]) instead of the fan-in
# loses: test_init_weights
# %% init_weights
def init_weights_(layer, scheme):
    n_out, n_in = layer.weight.shape
    std = {"small": 0.01, "large": 1.0, "glorot": math.sqrt(2.0 / (n_in + n_out)), "he": math.sqrt(2.0 / n_out)}[scheme]
    with torch.no_grad():
        layer.weight.normal_(0.0, std)
        layer.bias.zero_()
