# kind: wrong
# why: nn.init.kaiming_normal_ with mode='fan_out', the fan of the backward pass
# loses: test_init_weights
# %% init_weights
def init_weights_(layer, scheme):
    if scheme == "small":
        nn.init.normal_(layer.weight, std=0.01)
    elif scheme == "large":
        nn.init.normal_(layer.weight, std=1.0)
    elif scheme == "glorot":
        nn.init.xavier_normal_(layer.weight)
    else:
        nn.init.kaiming_normal_(layer.weight, mode="fan_out", nonlinearity="relu")
    nn.init.zeros_(layer.bias)
