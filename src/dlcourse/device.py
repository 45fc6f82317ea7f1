"""Device choice and seeding: CUDA, then Apple MPS, then the CPU; DLCOURSE_DEVICE overrides."""
from __future__ import annotations

import os
import random

import numpy as np

from .settings import device_override, threads_override


def pick_device(prefer: str | None = None):
    """The torch device to use: `prefer` or DLCOURSE_DEVICE if given, else CUDA, MPS, CPU in that order."""
    import torch

    wanted = prefer or device_override()
    if wanted:
        device = torch.device(wanted)
        if device.type == "cuda" and not torch.cuda.is_available():
            raise RuntimeError(f"DLCOURSE_DEVICE={wanted} but no CUDA GPU is visible; unset it to use the CPU")
        return device
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def choose_threads(cores: int, requested: str = "", dedicated: bool = False) -> int:
    """CPU threads for PyTorch: OMP_NUM_THREADS when set, every core on a machine of one's own (`dedicated`:
    a Colab VM), else half the cores (at most 4).

    A laptop or a cluster node is rarely idle: a process that takes every core slows to a crawl (10-40x was
    measured on 2 cores) as soon as a second one runs, because its threads wait on each other. Half the cores
    costs little when the machine is idle and keeps it usable when it is not.
    """
    if requested.isdigit() and int(requested) > 0:
        return int(requested)
    return cores if dedicated else max(1, min(4, cores // 2))


def limit_threads() -> int:
    """Apply choose_threads to PyTorch (intra-op threads) and return the number chosen."""
    import torch

    import sys

    n = choose_threads(os.cpu_count() or 1, threads_override(), dedicated="google.colab" in sys.modules)
    torch.set_num_threads(n)
    return n


def describe(device) -> str:
    """A short human name for a device, e.g. 'cuda (NVIDIA H100)' or 'cpu (2 threads)'."""
    import torch

    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    if device.type == "cpu":
        return f"cpu ({torch.get_num_threads()} threads)"
    return device.type


def seed_everything(seed: int = 0) -> None:
    """Seed Python, NumPy and (if installed) PyTorch so that a run can be repeated."""
    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch
    except ImportError:
        return
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)
