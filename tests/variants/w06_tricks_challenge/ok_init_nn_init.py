# kind: correct
# why: torch.nn.init functions: normal_, xavier_normal_ and kaiming_normal_ with nonlinearity='relu'
# %% init_weights
def init_weights_(layer, scheme):
    if scheme == "small":
        nn.init.normal_(layer.weight, std=0.01)
    elif scheme == "large":
        nn.init.normal_(layer.weight, mean=0.0, std=1.0)
    elif scheme == "glorot":
        nn.init.xavier_normal_(layer.weight)
    elif scheme == "he":
        nn.init.kaiming_normal_(layer.weight, mode="fan_in", nonlinearity="relu")
    nn.init.zeros_(layer.bias)
