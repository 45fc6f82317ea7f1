"""dlcourse: helpers for the 02456-style deep learning labs, and the teacher's `dlcourse` command.

In a notebook:  `import dlcourse; device = dlcourse.start(seed=0)`
"""
from __future__ import annotations

__version__ = "0.1.0"

from .results import record  # noqa: E402
from .settings import fast_mode, offline, pick  # noqa: E402


def start(seed: int = 0, torch: bool = True):
    """Seed everything, pick the device and print one line about the set-up; returns the device (or None)."""
    import platform

    from .device import describe, limit_threads, pick_device, seed_everything
    from .settings import data_dir

    seed_everything(seed)
    device = None
    parts = [f"dlcourse {__version__}", f"Python {platform.python_version()}"]
    if torch:
        import torch as _torch

        limit_threads()
        device = pick_device()
        parts += [f"torch {_torch.__version__}", f"device {describe(device)}"]
    parts += [f"seed {seed}", f"fast mode {'ON' if fast_mode() else 'off'}", f"data {data_dir()}"]
    print(" | ".join(parts))
    return device


__all__ = ["start", "record", "fast_mode", "offline", "pick", "__version__"]
