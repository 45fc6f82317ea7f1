"""Teaching-grade checks: messages that say what is wrong, not just AssertionError.

    check_close(my_softmax(z), expected, "softmax(z)")       # compare with a reference
    gradient_check(loss_fn, params, grads)                    # finite differences
"""
from __future__ import annotations

from typing import Callable, Mapping

import numpy as np


def _as_array(value) -> np.ndarray:
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    return np.asarray(value, dtype=np.float64) if not isinstance(value, np.ndarray) or value.dtype != object else value


def diagnose(actual: np.ndarray, expected: np.ndarray) -> str:
    """Guess the likely slip behind a mismatch: a sign, a transpose, a constant factor, a missing 1/N."""
    hints = []
    if actual.shape == expected.shape and np.allclose(actual, -expected, rtol=1e-4, atol=1e-7):
        hints.append("the sign is flipped")
    if actual.ndim == 2 and actual.shape == expected.T.shape and np.allclose(actual, expected.T, rtol=1e-4, atol=1e-7):
        hints.append("your result is the transpose of the expected one")
    if actual.shape == expected.shape and np.any(expected != 0):
        nz = np.abs(expected) > 1e-12
        ratio = actual[nz] / expected[nz]
        if ratio.size and np.allclose(ratio, ratio.flat[0], rtol=1e-4) and not np.isclose(abs(ratio.flat[0]), 1.0):
            r = float(ratio.flat[0])
            hint = f"every value is off by the same factor {r:.4g}"
            if r > 1.5 and np.isclose(r, round(r), rtol=1e-3):
                hint += f" (did you forget to divide by {round(r)}, e.g. the batch size?)"
            elif 0 < r < 0.7 and np.isclose(1 / r, round(1 / r), rtol=1e-3):
                hint += f" (did you divide by {round(1 / r)} once too often?)"
            hints.append(hint)
    return "; ".join(hints)


def check_close(actual, expected, name: str = "result", rtol: float = 1e-5, atol: float = 1e-7,
                hint: str = "") -> None:
    """Assert that `actual` matches `expected`, raising an AssertionError whose message explains the difference."""
    if actual is None:
        raise AssertionError(f"{name} is None: did you forget to `return` it?")
    a, e = _as_array(actual), _as_array(expected)
    extra = f" Hint: {hint}" if hint else ""
    if a.shape != e.shape:
        guess = " (transposed?)" if a.ndim == 2 and a.shape == e.T.shape else ""
        if a.size == e.size and not guess:
            guess = " (same number of values: check a reshape or the axis you summed over)"
        elif a.ndim < e.ndim or a.size < e.size:
            guess = guess or " (did you sum or average over an axis you should keep? check `axis=` and `keepdims=`)"
        raise AssertionError(f"{name} has shape {a.shape}, expected {e.shape}{guess}.{extra}")
    if not np.all(np.isfinite(a)):
        raise AssertionError(f"{name} contains NaN or inf: look for overflow (exp of a large number) "
                             f"or a log of 0.{extra}")
    if not np.allclose(a, e, rtol=rtol, atol=atol):
        diff = np.abs(a - e)
        worst = np.unravel_index(int(np.argmax(diff)), a.shape) if a.ndim else ()
        where = f" at index {tuple(int(i) for i in worst)}" if a.ndim else ""
        why = diagnose(a, e)
        raise AssertionError(
            f"{name} is wrong{where}: got {a[worst]:.6g}, expected {e[worst]:.6g} "
            f"(largest difference {diff.max():.3g}).{' Likely: ' + why + '.' if why else ''}{extra}")


def numerical_gradient(f: Callable[[], float], x: np.ndarray, eps: float = 1e-5,
                       indices: list[tuple[int, ...]] | None = None) -> np.ndarray:
    """Central finite differences of the scalar f() w.r.t. x (changed in place and restored); NaN where not computed."""
    grad = np.full(x.shape, np.nan)
    for idx in indices if indices is not None else np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        plus = float(f())
        x[idx] = old - eps
        minus = float(f())
        x[idx] = old
        grad[idx] = (plus - minus) / (2 * eps)
    return grad


def gradient_check(f: Callable[[], float], params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray],
                   eps: float = 1e-5, tol: float = 1e-5, max_entries: int = 30, seed: int = 0,
                   verbose: bool = True) -> dict[str, float]:
    """Compare analytic `grads` with finite differences of the loss f() for every parameter.

    `f` recomputes the loss from the current values in `params` (arrays changed in place and restored).
    At most `max_entries` random entries per parameter are checked. Returns the relative error per
    parameter and raises an AssertionError naming the worst parameter and entry when one exceeds `tol`.
    """
    rng = np.random.default_rng(seed)
    errors: dict[str, float] = {}
    failures = []
    for name, x in params.items():
        if name not in grads or grads[name] is None:
            raise AssertionError(f"no gradient for parameter '{name}': does your backward pass store it?")
        g = _as_array(grads[name])
        if g.shape != x.shape:
            raise AssertionError(f"gradient of '{name}' has shape {g.shape}, the parameter has shape {x.shape}")
        all_idx = list(np.ndindex(x.shape))
        chosen = [all_idx[i] for i in rng.permutation(len(all_idx))[:max_entries]]
        num = numerical_gradient(f, x, eps, chosen)
        rows = tuple(np.array(ix) for ix in zip(*chosen)) if chosen and x.ndim else ()
        n_vals, a_vals = (num[rows], g[rows]) if x.ndim else (num.reshape(1), g.reshape(1))
        denom = np.maximum(np.abs(n_vals) + np.abs(a_vals), 1e-8)
        rel = np.abs(n_vals - a_vals) / denom
        errors[name] = float(rel.max()) if rel.size else 0.0
        if verbose:
            print(f"  {name:>10}: max relative error {errors[name]:.2e}  {'ok' if errors[name] <= tol else 'WRONG'}")
        if errors[name] > tol:
            k = int(np.argmax(rel))
            why = diagnose(a_vals, n_vals)
            failures.append(f"'{name}'{list(chosen[k]) if x.ndim else ''}: analytic {a_vals[k]:.6g}, "
                            f"numerical {n_vals[k]:.6g} (relative error {rel[k]:.2e})"
                            + (f"; likely {why}" if why else ""))
    if failures:
        raise AssertionError("gradient check failed for " + " | ".join(failures))
    return errors
