# kind: correct
# why: uniform distributions on [-a, a] with a = std * sqrt(3), computed from weight.size(1) and size(0)
# %% init_weights
def init_weights_(layer, scheme):
    fan_in, fan_out = layer.weight.size(1), layer.weight.size(0)
    if scheme == "small":
        std = 0.01
    elif scheme == "large":
        std = 1.0
    elif scheme == "glorot":
        std = (2 / (fan_in + fan_out)) ** 0.5
    elif scheme == "he":
        std = (2 / fan_in) ** 0.5
    else:
        raise ValueError(scheme)
    a = std * 3 ** 0.5
    with torch.no_grad():
        layer.weight.uniform_(-a, a)
        layer.bias.fill_(0.0)
