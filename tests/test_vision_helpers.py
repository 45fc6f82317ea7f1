"""Helpers added for weeks 3 and 4: the two-moons toy data, decision-boundary plots, pretrained ResNet-18."""
from __future__ import annotations

import numpy as np
import pytest

from dlcourse import data, plots, vision


def test_two_moons_is_balanced_seeded_and_separable_by_shape():
    x, y = data.two_moons(301, noise=0.1, seed=3)
    assert x.shape == (301, 2) and x.dtype == np.float32
    assert y.shape == (301,) and y.dtype == np.int64
    assert sorted(np.bincount(y).tolist()) == [150, 151]
    x2, y2 = data.two_moons(301, noise=0.1, seed=3)
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    assert not np.array_equal(x, data.two_moons(301, noise=0.1, seed=4)[0])
    # the upper moon lies above the lower one on average, and neither is linearly trivial (they interleave)
    assert x[y == 0, 1].mean() > x[y == 1, 1].mean()
    assert x[y == 0, 0].min() < x[y == 1, 0].min() and x[y == 1, 0].max() > x[y == 0, 0].max()


def test_decision_boundary_accepts_callables_and_modules():
    import matplotlib

    matplotlib.use("Agg")
    import torch

    x, y = data.two_moons(100, seed=0)
    ax = plots.plot_decision_boundary(lambda g: (g[:, 0] > 0.5).astype(int), x, y, title="a vertical line",
                                      resolution=30)
    assert ax.get_title() == "a vertical line" and ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"
    net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Dropout(0.5), torch.nn.Linear(8, 2))
    net.train()
    ax = plots.plot_decision_boundary(net, torch.as_tensor(x), torch.as_tensor(y), resolution=20)
    assert net.training, "the model's mode is restored"
    assert all(p.grad is None for p in net.parameters())
    plots.plot_decision_boundary(lambda g: np.stack([-g[:, 0], g[:, 0]], 1), x, y, ax=ax, resolution=20)


def test_pretrained_resnet18_offline_says_why(monkeypatch):
    monkeypatch.setenv("DLCOURSE_OFFLINE", "1")
    with pytest.raises(RuntimeError, match="offline"):
        vision.pretrained_resnet18()


def test_pretrained_resnet18_failed_download_says_why(monkeypatch):
    import torchvision.models

    monkeypatch.delenv("DLCOURSE_OFFLINE", raising=False)

    def no_network(*args, **kwargs):
        raise OSError("no network")

    monkeypatch.setattr(torchvision.models, "resnet18", no_network)
    with pytest.raises(RuntimeError, match="could not be downloaded"):
        vision.pretrained_resnet18()
