# kind: wrong
# why: MLP.backward walks through the layers in forward order instead of in reverse
# loses: test_mlp, test_training
# %% mlp
class MLP:
    def __init__(self, sizes, activation="relu", init="he", seed=0):
        rng = np.random.default_rng(seed)
        f, f_grad = ACTIVATIONS[activation]
        self.layers = []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.layers.append(Dense(n_in, n_out, init=init, rng=rng))
            if i < len(sizes) - 2:
                self.layers.append(Activation(f, f_grad, activation))

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out):
        for layer in self.layers:
            grad_out = layer.backward(grad_out)
        return grad_out

    def parameters(self):
        return {f"layer{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.params.items()}

    def gradients(self):
        return {f"layer{i}.{k}": g for i, layer in enumerate(self.layers) for k, g in layer.grads.items()}

    def predict(self, x, batch_size=1000):
        return np.concatenate([self.forward(x[i:i + batch_size]).argmax(axis=1)
                               for i in range(0, len(x), batch_size)])
