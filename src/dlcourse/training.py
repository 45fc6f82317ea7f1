"""A small PyTorch training loop with progress bars that reports time, device and an energy estimate."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from tqdm.auto import tqdm

from .settings import fast_mode

# Nominal power draw used when nothing can be measured: a laptop-class CPU core and a data-centre GPU.
CPU_WATTS_PER_THREAD = 7.5
GPU_WATTS_FALLBACK = 300.0


def progress(iterable=None, **kwargs):
    """tqdm.auto progress bar (a widget in Jupyter, text elsewhere); silent in fast mode."""
    kwargs.setdefault("disable", fast_mode())
    kwargs.setdefault("leave", False)
    return tqdm(iterable, **kwargs)


def power_watts(device) -> tuple[float, str]:
    """Estimated power draw of `device` and how it was obtained ('measured' or 'nominal')."""
    import torch

    if getattr(device, "type", str(device)) == "cuda":
        try:
            return torch.cuda.power_draw(device) / 1000.0, "measured"
        except Exception:
            return GPU_WATTS_FALLBACK, "nominal"
    return CPU_WATTS_PER_THREAD * torch.get_num_threads(), "nominal"


@dataclass
class RunReport:
    """What a training run cost: seconds, device, estimated energy in watt-hours."""

    seconds: float
    device: str
    watt_hours: float
    how: str
    history: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return (f"trained in {self.seconds:.1f} s on {self.device}; energy about {self.watt_hours:.3f} Wh "
                f"({self.how} power, {self.watt_hours * 0.25:.3f} g CO2e at 250 g/kWh)")


def accuracy(logits, targets) -> float:
    return (logits.argmax(dim=1) == targets).float().mean().item()


def evaluate(model, loader, loss_fn, device) -> tuple[float, float]:
    """Mean loss and accuracy of `model` over `loader`."""
    import torch

    model.eval()
    total, loss_sum, correct = 0, 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = model(x)
            loss_sum += loss_fn(out, y).item() * len(y)
            correct += (out.argmax(dim=1) == y).sum().item()
            total += len(y)
    return loss_sum / max(total, 1), correct / max(total, 1)


def fit(model, train_loader, loss_fn, optimizer, epochs: int, device, val_loader=None, scheduler=None,
        verbose: bool = True) -> RunReport:
    """Train `model` for `epochs`; returns a RunReport whose `history` has train/val loss and accuracy per epoch."""
    model.to(device)
    history = {"train_loss": [], "train_acc": [], "val_loss": [], "val_acc": []}
    start = time.perf_counter()
    for epoch in progress(range(epochs), desc="epochs", leave=True):
        model.train()
        seen, loss_sum, correct = 0, 0.0, 0
        for x, y in progress(train_loader, desc=f"epoch {epoch + 1}"):
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            out = model(x)
            loss = loss_fn(out, y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(y)
            correct += (out.argmax(dim=1) == y).sum().item()
            seen += len(y)
        if scheduler is not None:
            scheduler.step()
        history["train_loss"].append(loss_sum / seen)
        history["train_acc"].append(correct / seen)
        if val_loader is not None:
            vl, va = evaluate(model, val_loader, loss_fn, device)
            history["val_loss"].append(vl)
            history["val_acc"].append(va)
        if verbose:
            val = f", val loss {history['val_loss'][-1]:.4f}, val acc {history['val_acc'][-1]:.4f}" if val_loader else ""
            print(f"epoch {epoch + 1}/{epochs}: train loss {history['train_loss'][-1]:.4f}, "
                  f"train acc {history['train_acc'][-1]:.4f}{val}")
    seconds = time.perf_counter() - start
    watts, how = power_watts(device)
    report = RunReport(seconds, str(device), watts * seconds / 3600.0, how,
                       {k: v for k, v in history.items() if v})
    if verbose:
        print(report)
    return report
