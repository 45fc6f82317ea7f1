# kind: wrong
# why: dW computed as x.T @ grad_out and transposed back the wrong way: it has shape (n_in, n_out)
# loses: test_dense, test_training
# %% dense
class Dense:
    """A fully connected layer: out = x @ W.T + b, with W of shape (n_out, n_in) and b of shape (n_out,)."""

    def __init__(self, n_in, n_out, init="he", rng=None):
        rng = np.random.default_rng(0) if rng is None else rng
        self.params = {"W": init_weights(n_in, n_out, init, rng), "b": np.zeros(n_out)}
        self.grads = {"W": np.zeros((n_out, n_in)), "b": np.zeros(n_out)}
        self.x = None

    def forward(self, x):
        self.x = x
        return x @ self.params["W"].T + self.params["b"]

    def backward(self, grad_out):
        self.grads["W"] = self.x.T @ grad_out
        self.grads["b"] = grad_out.sum(axis=0)
        return grad_out @ self.params["W"]

    def __repr__(self):
        n_out, n_in = self.params["W"].shape
        return f"Dense({n_in} -> {n_out})"
