"""Looking inside convolutional networks: learned filters, feature maps and augmented images.

    conv = first_conv(model)                        # the first nn.Conv2d of a model
    show_filters(conv.weight)                       # one small image per filter
    maps = feature_maps(model, conv, x[:1])         # what that layer outputs for one image
    show_feature_maps(maps[0], image=x[0])
    show_augmentations(images, transform)           # originals next to a few random versions
"""
from __future__ import annotations

import numpy as np


def _plt():
    import matplotlib.pyplot as plt

    return plt


def _numpy(t) -> np.ndarray:
    return np.asarray(t.detach().cpu() if hasattr(t, "detach") else t, dtype=np.float32)


def _grid(n: int, ncols: int, size: float):
    plt = _plt()
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    return fig, axes


def first_conv(model):
    """The first nn.Conv2d inside `model` (in the order the modules were defined)."""
    import torch.nn as nn

    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            return module
    raise ValueError("this model has no nn.Conv2d layer")


def show_filters(weight, ncols: int = 8, title: str = "First-layer filters"):
    """Show conv filters (C_out, C_in, k, k): RGB when C_in == 3, else the first input channel.

    Grey-scale filters use a red-blue map centred on 0 (blue negative, red positive), each scaled to
    its own largest absolute value, so the pattern is visible even for small weights.
    """
    w = _numpy(weight)
    if w.ndim != 4:
        raise ValueError(f"expected a weight of shape (C_out, C_in, k, k), got {w.shape}")
    fig, axes = _grid(len(w), ncols, 1.2)
    for i, (ax, f) in enumerate(zip(axes.flat, w)):
        if f.shape[0] == 3:
            lo, hi = f.min(), f.max()
            ax.imshow(((f - lo) / (hi - lo + 1e-12)).transpose(1, 2, 0))
        else:
            m = np.abs(f[0]).max() + 1e-12
            ax.imshow(f[0], cmap="RdBu_r", vmin=-m, vmax=m)
        ax.set_title(str(i), fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def feature_maps(model, layer, x):
    """Run `model` on the batch `x` (in eval mode, no gradients) and return what `layer` outputs."""
    import torch

    captured = {}
    handle = layer.register_forward_hook(lambda module, inputs, output: captured.setdefault("out", output.detach()))
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            model(x)
    finally:
        handle.remove()
        model.train(was_training)
    return captured["out"].cpu()


def show_feature_maps(maps, image=None, ncols: int = 8, title: str = "Feature maps"):
    """Show the feature maps (C, H, W) of one image, preceded by the image itself when given.

    Each map uses a red-blue scale centred on 0 (red: strong positive response, blue: negative).
    """
    m = _numpy(maps)
    if m.ndim != 3:
        raise ValueError(f"expected maps of shape (C, H, W) for one image, got {m.shape}: index the batch, e.g. maps[0]")
    panels = ([("input", _numpy(image).squeeze())] if image is not None else [])
    panels += [(f"map {i}", f) for i, f in enumerate(m)]
    fig, axes = _grid(len(panels), ncols, 1.3)
    for ax, (name, img) in zip(axes.flat, panels):
        if name == "input":
            ax.imshow(img.transpose(1, 2, 0) if img.ndim == 3 else img, cmap=None if img.ndim == 3 else "gray")
        else:
            m = np.abs(img).max() + 1e-12
            ax.imshow(img, cmap="RdBu_r", vmin=-m, vmax=m)
        ax.set_title(name, fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def show_augmentations(images, transform, n_versions: int = 6, seed: int = 0, title: str = "Data augmentation"):
    """One row per image: the original (left, framed) and `n_versions` random outputs of `transform`."""
    import torch

    images = torch.as_tensor(images)
    generator_state = torch.random.get_rng_state()
    torch.manual_seed(seed)  # the same pictures every run, without disturbing the notebook's random numbers
    try:
        rows = [[img] + [transform(img) for _ in range(n_versions)] for img in images]
    finally:
        torch.random.set_rng_state(generator_state)
    plt = _plt()
    fig, axes = plt.subplots(len(rows), n_versions + 1, figsize=(1.3 * (n_versions + 1), 1.4 * len(rows)),
                             squeeze=False)
    for r, row in enumerate(rows):
        for c, img in enumerate(row):
            a = _numpy(img)
            a = a.transpose(1, 2, 0) if a.ndim == 3 and a.shape[0] == 3 else a.squeeze()
            ax = axes[r, c]
            ax.imshow(np.clip(a, 0, 1), cmap="gray" if a.ndim == 2 else None, vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            if c == 0:
                for spine in ax.spines.values():
                    spine.set_edgecolor("tab:orange")
                    spine.set_linewidth(2)
            if r == 0:
                ax.set_title("original" if c == 0 else f"random {c}", fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def pretrained_resnet18():
    """torchvision's ResNet-18 with its ImageNet weights, and the preprocessing those weights expect.

    Returns (model, preprocess). The weights (45 MB) are downloaded once into torch's cache folder. Raises
    RuntimeError with a one-line reason when DLCOURSE_OFFLINE=1 or the download fails (never stuck offline).
    """
    from .settings import offline

    if offline():
        raise RuntimeError("no pretrained weights in offline mode (DLCOURSE_OFFLINE=1)")
    import socket

    from torchvision.models import ResNet18_Weights, resnet18

    weights = ResNet18_Weights.DEFAULT
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(30)
    try:
        model = resnet18(weights=weights)
    except Exception as err:  # no network, host down, corrupt cache
        raise RuntimeError(f"the ResNet-18 weights could not be downloaded ({err.__class__.__name__})") from err
    finally:
        socket.setdefaulttimeout(old)
    return model, weights.transforms()
