"""Plots a student would rather look at than read: curves, image grids, latent spaces, attention, returns."""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np


def _plt():
    import matplotlib.pyplot as plt

    return plt


def plot_curves(history: Mapping[str, Sequence[float]], title: str = "Training curves", xlabel: str = "epoch",
                ax=None):
    """Plot every series of a history dict; losses on the left axis, accuracies (names with 'acc') on the right."""
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    losses = {k: v for k, v in history.items() if "acc" not in k and len(v)}
    accs = {k: v for k, v in history.items() if "acc" in k and len(v)}
    for name, values in losses.items():
        ax.plot(np.arange(1, len(values) + 1), values, marker="o", ms=3, label=name)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss" if losses else "")
    ax.set_title(title)
    lines, labels = ax.get_legend_handles_labels()
    if accs:
        ax2 = ax.twinx() if losses else ax
        for i, (name, values) in enumerate(accs.items()):
            ax2.plot(np.arange(1, len(values) + 1), values, ls="--", color=f"C{len(losses) + i}", label=name)
        ax2.set_ylabel("accuracy")
        l2, lab2 = ax2.get_legend_handles_labels()
        if ax2 is not ax:
            lines, labels = lines + l2, labels + lab2
        else:
            lines, labels = l2, lab2
    # below the axes: on a twin axis "best" cannot see the other axis's curves
    ax.legend(lines, labels, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=min(4, len(labels) or 1),
              fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    return ax


def image_grid(images, labels=None, predictions=None, ncols: int = 8, title: str | None = None,
               class_names: Sequence[str] | None = None, cmap: str = "gray"):
    """Show images (N, H, W), (N, C, H, W) or flat (N, 784) in a grid; wrong predictions are titled in red."""
    plt = _plt()
    images = np.asarray(images.detach().cpu() if hasattr(images, "detach") else images)
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        images = images.reshape(-1, side, side)
    if images.ndim == 4:
        images = images.transpose(0, 2, 3, 1)
        images = images[..., 0] if images.shape[-1] == 1 else images
    n = len(images)
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols)) or 1
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.4 * ncols, 1.85 * nrows), squeeze=False)
    name = (lambda c: class_names[int(c)]) if class_names is not None else (lambda c: str(int(c)))
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= n:
            continue
        img = images[i]
        lo, hi = float(img.min()), float(img.max())
        ax.imshow((img - lo) / (hi - lo) if img.ndim == 3 and hi > lo else img, cmap=cmap if img.ndim == 2 else None)
        if labels is not None and predictions is not None:
            ok = int(labels[i]) == int(predictions[i])
            ax.set_title(f"{name(predictions[i])} ({name(labels[i])})", fontsize=8, color="black" if ok else "red")
        elif labels is not None:
            ax.set_title(name(labels[i]), fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_latent(z, labels=None, title: str = "Latent space", ax=None):
    """Scatter a 2-D latent space (or the first two coordinates), coloured by label."""
    plt = _plt()
    z = np.asarray(z.detach().cpu() if hasattr(z, "detach") else z)
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 5))
    sc = ax.scatter(z[:, 0], z[:, 1], c=labels, cmap="tab10", s=6, alpha=0.7)
    if labels is not None:
        ax.figure.colorbar(sc, ax=ax, label="label")
    ax.set_xlabel("$z_1$")
    ax.set_ylabel("$z_2$")
    ax.set_title(title)
    return ax


def plot_attention(weights, source: Sequence[str] | None = None, target: Sequence[str] | None = None,
                   title: str = "Attention", ax=None):
    """Heat map of attention weights (target steps x source steps)."""
    plt = _plt()
    w = np.asarray(weights.detach().cpu() if hasattr(weights, "detach") else weights)
    if ax is None:
        _, ax = plt.subplots(figsize=(0.4 * w.shape[1] + 2, 0.4 * w.shape[0] + 1.5))
    im = ax.imshow(w, cmap="viridis", aspect="auto", vmin=0)
    if source is not None:
        ax.set_xticks(range(len(source)), list(source))
    if target is not None:
        ax.set_yticks(range(len(target)), list(target))
    ax.set_xlabel("source")
    ax.set_ylabel("target")
    ax.set_title(title)
    ax.figure.colorbar(im, ax=ax)
    return ax


def plot_returns(returns: Sequence[float], window: int = 20, title: str = "Episode returns", ax=None):
    """Episode returns with a moving average, for reinforcement learning."""
    plt = _plt()
    r = np.asarray(returns, dtype=float)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    ax.plot(r, alpha=0.35, label="return")
    if len(r) >= window:
        ax.plot(np.arange(window - 1, len(r)), np.convolve(r, np.ones(window) / window, mode="valid"),
                label=f"moving average ({window})")
    ax.set_xlabel("episode")
    ax.set_ylabel("return")
    ax.set_title(title)
    ax.legend()
    ax.grid(alpha=0.3)
    return ax


def plot_decision_boundary(predict, x, y, ax=None, title: str = "Decision boundary", resolution: int = 200,
                           margin: float = 0.5):
    """Colour the plane by the class `predict` gives each point, and scatter the data (x (N, 2), labels y) on top.

    `predict` maps a float32 array (M, 2) to scores (M, C) or labels (M,), as NumPy or torch; an nn.Module is run
    in evaluation mode without gradients on the device of its parameters (its mode is restored afterwards).
    """
    plt = _plt()
    x = np.asarray(x.detach().cpu() if hasattr(x, "detach") else x, dtype=np.float32)
    y = np.asarray(y.detach().cpu() if hasattr(y, "detach") else y)
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    lo, hi = x.min(axis=0) - margin, x.max(axis=0) + margin
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.stack([g0.ravel(), g1.ravel()], axis=1).astype(np.float32)
    scores = _predict_grid(predict, grid)
    labels = scores.argmax(axis=1) if scores.ndim == 2 else scores.astype(int)
    n_classes = int(max(labels.max(), y.max())) + 1
    levels = np.arange(n_classes + 1) - 0.5
    ax.contourf(g0, g1, labels.reshape(g0.shape), levels=levels, cmap="coolwarm", alpha=0.3)
    ax.contour(g0, g1, labels.reshape(g0.shape), levels=levels[1:-1], colors="k", linewidths=1)
    ax.scatter(x[:, 0], x[:, 1], c=y, cmap="coolwarm", vmin=0, vmax=max(n_classes - 1, 1), s=10, edgecolors="k",
               linewidths=0.3)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)
    return ax


def _predict_grid(predict, grid: np.ndarray) -> np.ndarray:
    """Scores or labels of `predict` on grid points, as a NumPy array."""
    if hasattr(predict, "parameters") and hasattr(predict, "eval"):  # an nn.Module
        import torch

        first = next(iter(predict.parameters()), None)
        device = first.device if first is not None else torch.device("cpu")
        was_training = predict.training
        predict.eval()
        try:
            with torch.no_grad():
                out = predict(torch.as_tensor(grid, device=device))
        finally:
            predict.train(was_training)
    else:
        out = predict(grid)
    return np.asarray(out.detach().cpu() if hasattr(out, "detach") else out)
