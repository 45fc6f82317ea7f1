# kind: wrong
# why: uses the variance 2 / fan as the standard deviation (no square root)
# loses: test_init_weights
# %% init_weights
def init_weights_(layer, scheme):
    n_out, n_in = layer.weight.shape
    std = {"small": 0.01, "large": 1.0, "glorot": 2.0 / (n_in + n_out), "he": 2.0 / n_in}[scheme]
    with torch.no_grad():
        layer.weight.normal_(0.0, std)
        layer.bias.zero_()
