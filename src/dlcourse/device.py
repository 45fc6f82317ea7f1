"""Device choice and seeding: CUDA, then Apple MPS, then the CPU; DLCOURSE_DEVICE overrides."""
from __future__ import annotations

import random

import numpy as np

from .settings import device_override


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
