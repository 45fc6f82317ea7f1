"""Headline results of a notebook (accuracy reached, target), printed and collected by the benchmarks."""
from __future__ import annotations

import json
from pathlib import Path

from .settings import fast_mode, results_file


def record(name: str, value: float, target: float | None = None, higher_is_better: bool = True) -> bool:
    """Print `name = value (target …)` and, when DLCOURSE_RESULTS names a file, append it there as JSON.

    Returns True when the target is met (or there is none).
    """
    met = target is None or (value >= target if higher_is_better else value <= target)
    sign = ">=" if higher_is_better else "<="
    if target is None:
        goal = ""
    elif fast_mode():  # tiny data, few epochs: the target is for the real run
        goal = f" (fast mode: the full run aims for {sign} {target:g})"
    else:
        goal = f" (target {sign} {target:g}: {'met' if met else 'NOT met'})"
    print(f"{name} = {value:.4g}{goal}")
    out = results_file()
    if out:
        with Path(out).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"name": name, "value": float(value), "target": target, "fast": fast_mode(),
                                 "higher_is_better": higher_is_better, "met": bool(met)}) + "\n")
    return met
