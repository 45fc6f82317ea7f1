# kind: correct
# why: builds a new tensor with torch.randn * std and copies it in through .data
# %% init_weights
def init_weights_(layer, scheme):
    out_features, in_features = layer.weight.shape
    stds = dict(small=0.01, large=1.0, glorot=np.sqrt(2.0 / (in_features + out_features)), he=np.sqrt(2.0 / in_features))
    layer.weight.data = torch.randn(out_features, in_features) * float(stds[scheme])
    layer.bias.data = torch.zeros(out_features)
