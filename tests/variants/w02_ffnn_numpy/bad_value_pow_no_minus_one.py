# kind: wrong
# why: the power rule as k a^k instead of k a^(k-1)
# loses: test_value_ops
# %% value_ops
import math


def as_value(x):
    """x itself if it is a Value, else a new Value holding the number x (a constant)."""
    return x if isinstance(x, Value) else Value(x)


class Value:
    """A scalar that remembers how it was computed, for automatic differentiation."""

    def __init__(self, data, _prev=(), _op=""):
        self.data = float(data)
        self.grad = 0.0                 # d(final output) / d(this value), filled in by the backward pass
        self._prev = tuple(_prev)       # the Values this one was computed from
        self._op = _op                  # the operation, for printing
        self._backward = lambda: None   # passes self.grad on to self._prev (nothing to do for a leaf)

    def __add__(self, other):
        other = as_value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = as_value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, k):
        assert isinstance(k, (int, float)), "only a plain number is supported as the exponent"
        out = Value(self.data ** k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** k * out.grad

        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad  # d/da e^a = e^a, which is out.data

        out._backward = _backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")

        def _backward():
            self.grad += (1.0 - out.data ** 2) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        """Back-propagate from this value: fills in .grad of every Value it was computed from."""
        backward_pass(self)

    def __repr__(self):
        return f"Value(data={self.data:.4g}, grad={self.grad:.4g})"
