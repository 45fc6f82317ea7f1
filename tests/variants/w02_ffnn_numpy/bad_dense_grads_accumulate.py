# kind: wrong
# why: gradients accumulated with += across backward passes instead of replaced
# loses: test_dense, test_training
# %% dense
class Dense:
    def __init__(self, n_in, n_out, init="he", rng=None):
        rng = np.random.default_rng(0) if rng is None else rng
        self.params = {"W": init_weights(n_in, n_out, init, rng), "b": np.zeros(n_out)}
        self.grads = {"W": np.zeros((n_out, n_in)), "b": np.zeros(n_out)}
        self.x = None

    def forward(self, x):
        self.x = x
        return x @ self.params["W"].T + self.params["b"]

    def backward(self, grad_out):
        self.grads["W"] += grad_out.T @ self.x
        self.grads["b"] += grad_out.sum(axis=0)
        return grad_out @ self.params["W"]

    def __repr__(self):
        n_out, n_in = self.params["W"].shape
        return f"Dense({n_in} -> {n_out})"
