"""Checks for numbers worked out with pen and paper: compare them with the reference and name the likely slip.

    check_answer(dW1, expected, "dW1", slips={"forgot the activation derivative": without_derivative})
    text, worst = comparison({"W1": dW1}, {"W1": numerical})      # side-by-side table, largest difference

Answers rounded to 4 decimals are accepted: the default tolerance (TOLERANCE) leaves room for rounding
intermediate results along the way. Nothing here prints; the functions return or raise.
"""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np

TOLERANCE = 2e-3
"""Largest accepted absolute difference between a hand-computed number and the reference."""


def _has_ellipsis(value: Any) -> bool:
    if value is Ellipsis:
        return True
    if isinstance(value, (list, tuple)) or (isinstance(value, np.ndarray) and value.dtype == object):
        return any(_has_ellipsis(v) for v in value)
    return False


def as_numbers(value: Any, name: str = "answer") -> np.ndarray:
    """`value` as a float array, or an AssertionError that says why it is not a number (None, `...`, text)."""
    if value is None:
        raise AssertionError(f"`{name}` is None: did you assign your numbers to it?")
    if _has_ellipsis(value):
        raise AssertionError(f"`{name}` still contains `...`: replace every `...` with a number.")
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(f"`{name}` should be a number or an array of numbers, "
                             f"not {type(value).__name__}: {value!r:.60}") from None
    return array


def _fit_shape(actual: np.ndarray, expected: np.ndarray, name: str) -> np.ndarray:
    """`actual` reshaped to `expected`'s shape when they hold the same vector; else an explaining AssertionError."""
    if actual.shape == expected.shape:
        return actual
    if actual.size == expected.size and np.squeeze(actual).shape == np.squeeze(expected).shape:
        return actual.reshape(expected.shape)  # a column or row vector for a vector, [x] for x
    if actual.ndim == 2 and actual.shape == expected.T.shape:
        raise AssertionError(
            f"`{name}` has shape {actual.shape} but should have shape {expected.shape}: it looks transposed. "
            f"A gradient always has the same shape as the quantity it is taken with respect to "
            f"(rows = units of the layer, columns = its inputs).")
    raise AssertionError(f"`{name}` has shape {actual.shape} ({actual.size} numbers), "
                         f"expected shape {expected.shape} ({expected.size} numbers).")


def _slip_value(value: Any) -> np.ndarray | None:
    """A slip's value (arrays, or zero-argument callables that may fail: then the slip is skipped)."""
    try:
        value = value() if callable(value) else value
        return np.asarray(value, dtype=np.float64)
    except Exception:  # noqa: BLE001 - a slip built from a student's missing or malformed answer is just skipped
        return None


def likely_slip(actual, expected, slips: Mapping[str, Any] | None = None, atol: float = TOLERANCE) -> str | None:
    """The description of the first slip whose value `actual` matches (within `atol`), or None.

    Besides the given `slips`, a flipped sign and a factor 2 or 1/2 are recognised.
    """
    a, e = np.asarray(actual, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    candidates: dict[str, Any] = dict(slips or {})
    candidates.setdefault("the sign is flipped", -e)
    candidates.setdefault("every value is twice too large (a factor 2 too many, or a sum instead of a mean?)", 2 * e)
    candidates.setdefault("every value is half the expected one (a factor 1/2 too many?)", e / 2)
    for description, value in candidates.items():
        v = _slip_value(value)
        if v is None or v.size != a.size:
            continue
        v = v.reshape(a.shape)
        if np.allclose(v, e, rtol=0, atol=atol):
            continue  # this "slip" gives the right answer here, so it explains nothing
        if np.all(np.abs(a - v) <= atol):
            return description
    return None


def check_answer(actual, expected, name: str, slips: Mapping[str, Any] | None = None, atol: float = TOLERANCE,
                 hint: str = "", reveal: bool = True) -> None:
    """Pass silently when `actual` is within `atol` of `expected`; else raise an AssertionError naming the slip.

    `slips` maps a description of a plausible mistake ("forgot the bias b1") to the value that mistake
    produces (an array, or a zero-argument callable, skipped when it raises). With `reveal=False` the
    message does not show the expected numbers.
    """
    a = as_numbers(actual, name)
    e = np.asarray(expected, dtype=np.float64)
    a = _fit_shape(a, e, name)
    if not np.all(np.isfinite(a)):
        raise AssertionError(f"`{name}` contains NaN or inf: look for an exp of a large number or a log of 0.")
    diff = np.abs(a - e)
    wrong = diff > atol
    if not wrong.any():
        return
    extra = f" Hint: {hint}" if hint else ""
    if a.ndim:
        where = [tuple(int(i) for i in ix) for ix in np.argwhere(wrong)]
        labels = [str(w[0]) if len(w) == 1 else str(w) for w in where]
        detail = f"{len(where)} of {a.size} entries are off (index {', '.join(labels[:6])})"
        first = where[0]
        got = f"at index {labels[0]} you have {a[first]:.4f}" + (f", expected {e[first]:.4f}" if reveal else "")
    else:
        detail = "the value is off"
        got = f"you have {float(a):.4f}" + (f", expected {float(e):.4f}" if reveal else "")
    slip = likely_slip(a, e, slips, atol)
    if slip:
        why = f" Likely slip: {slip}."
    elif diff.max() <= 10 * atol:
        why = (" You are close: did you round an intermediate result too early? "
               "Keep at least 4 decimals until the end.")
    else:
        why = ""
    raise AssertionError(f"`{name}` is wrong: {detail}; {got}.{why}{extra}")


def comparison(left: Mapping[str, Any], right: Mapping[str, Any], labels: tuple[str, str] = ("by hand", "numerically"),
               atol: float = TOLERANCE) -> tuple[str, float]:
    """A table comparing every entry of the arrays in `left` with those in `right` (same names), and the worst gap.

    Returns (text, largest absolute difference). Entries further apart than `atol` are marked CHECK; arrays
    whose sizes differ get one CHECK row and make the largest difference infinite.
    """
    rows = [("entry", labels[0], labels[1], "difference", "")]
    worst = 0.0
    for name, value in left.items():
        a = np.atleast_1d(as_numbers(value, name))
        b = np.atleast_1d(as_numbers(right[name], name))
        if a.size != b.size:
            rows.append((name, f"shape {a.shape}", f"shape {b.shape}", "-", "CHECK"))
            worst = float("inf")
            continue
        b = b.reshape(a.shape)
        for index in np.ndindex(a.shape):
            gap = abs(float(a[index]) - float(b[index]))
            worst = max(worst, gap)
            label = f"{name}[{', '.join(str(i) for i in index)}]" if np.ndim(value) else name
            rows.append((label, f"{a[index]: .4f}", f"{b[index]: .4f}", f"{gap:.1e}", "ok" if gap <= atol else "CHECK"))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.rjust(width) if i else cell.ljust(width) for i, (cell, width) in enumerate(zip(row, widths)))
             .rstrip() for row in rows]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(lines), worst


__all__ = ["TOLERANCE", "as_numbers", "check_answer", "comparison", "likely_slip"]
