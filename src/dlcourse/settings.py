"""Switches read from the environment: the one place notebooks and tools learn them.

DLCOURSE_FAST=1     shrink data and epochs so a notebook runs in seconds (autograding, CI)
DLCOURSE_OFFLINE=1  never download; use the data that ships with installed packages
DLCOURSE_DATA       cache folder for data sets (default ~/.cache/dlcourse; $SCRATCH/dlcourse on clusters)
DLCOURSE_DEVICE     force a device: cpu, cuda, cuda:1, mps
DLCOURSE_RESULTS    a file where `dlcourse.record` appends its figures (benchmarks)
Teacher tools only:
DLCOURSE_ROOT       the course repository (default: the folder above the current one holding labs/ and grading/)
DLCOURSE_CLASS      the class folder (default grading/class/)
DLCOURSE_DB         the gradebook as an SQLAlchemy URL (default: course.toml's gradebook, else SQLite in the class folder)
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "on"}


def flag(name: str) -> bool:
    """True when the environment variable `name` is set to 1/true/yes/on."""
    return os.environ.get(name, "").strip().lower() in _TRUE


def fast_mode() -> bool:
    """True under DLCOURSE_FAST=1: tiny data and few epochs, for grading and CI."""
    return flag("DLCOURSE_FAST")


def offline() -> bool:
    """True under DLCOURSE_OFFLINE=1: no download is attempted."""
    return flag("DLCOURSE_OFFLINE")


def pick(full: T, fast: T) -> T:
    """`full` normally, `fast` under DLCOURSE_FAST=1. Example: epochs = pick(10, 1)."""
    return fast if fast_mode() else full


def text(name: str) -> str:
    """The environment variable `name` ('' when unset): the one place the package reads the environment."""
    return os.environ.get(name, "").strip()


def device_override() -> str:
    return text("DLCOURSE_DEVICE")


def threads_override() -> str:
    """OMP_NUM_THREADS: the user's own choice of CPU threads, which the course respects."""
    return text("OMP_NUM_THREADS")


def results_file() -> str:
    return text("DLCOURSE_RESULTS")


def data_dir() -> Path:
    """The data cache: DLCOURSE_DATA, else $SCRATCH/dlcourse on a cluster, else ~/.cache/dlcourse."""
    if os.environ.get("DLCOURSE_DATA"):
        base = Path(os.environ["DLCOURSE_DATA"])
    elif os.environ.get("SCRATCH"):
        base = Path(os.environ["SCRATCH"]) / "dlcourse"
    else:
        base = Path.home() / ".cache" / "dlcourse"
    base.mkdir(parents=True, exist_ok=True)
    return base
