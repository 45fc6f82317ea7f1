# kind: correct
# why: MLP forward and backward with index loops (range backwards) and new variable names
# %% mlp
class MLP:
    """Multi-layer perceptron: Dense, activation, ..., Dense (no activation after the last layer: logits)."""

    def __init__(self, sizes, activation="relu", init="he", seed=0):
        rng = np.random.default_rng(seed)
        f, f_grad = ACTIVATIONS[activation]
        self.layers = []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.layers.append(Dense(n_in, n_out, init=init, rng=rng))
            if i < len(sizes) - 2:
                self.layers.append(Activation(f, f_grad, activation))

    def forward(self, x):
        out = x
        for i in range(len(self.layers)):
            out = self.layers[i].forward(out)
        return out

    def backward(self, grad_out):
        delta = grad_out
        for i in range(len(self.layers) - 1, -1, -1):
            delta = self.layers[i].backward(delta)
        return delta

    def parameters(self):
        return {f"layer{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.params.items()}

    def gradients(self):
        return {f"layer{i}.{k}": g for i, layer in enumerate(self.layers) for k, g in layer.grads.items()}

    def predict(self, x, batch_size=1000):
        return np.concatenate([self.forward(x[i:i + batch_size]).argmax(axis=1)
                               for i in range(0, len(x), batch_size)])

    def __repr__(self):
        return "MLP(" + ", ".join(map(repr, self.layers)) + ")"
