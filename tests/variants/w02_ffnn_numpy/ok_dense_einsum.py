# kind: correct
# why: Dense written with np.einsum, keeping a copy of the input, with a bias gradient from np.einsum too
# %% dense
class Dense:
    """A fully connected layer: out = x @ W.T + b, with W of shape (n_out, n_in) and b of shape (n_out,)."""

    def __init__(self, n_in, n_out, init="he", rng=None):
        rng = np.random.default_rng(0) if rng is None else rng
        self.params = {"W": init_weights(n_in, n_out, init, rng), "b": np.zeros(n_out)}
        self.grads = {"W": np.zeros((n_out, n_in)), "b": np.zeros(n_out)}
        self.x = None

    def forward(self, x):
        self.x = np.array(x, copy=True)
        return np.einsum("ni,oi->no", x, self.params["W"]) + self.params["b"][None, :]

    def backward(self, grad_out):
        W = self.params["W"]
        self.grads = {"W": np.einsum("no,ni->oi", grad_out, self.x), "b": np.einsum("no->o", grad_out)}
        return np.einsum("no,oi->ni", grad_out, W)

    def __repr__(self):
        n_out, n_in = self.params["W"].shape
        return f"Dense({n_in} -> {n_out})"
