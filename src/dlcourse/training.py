"""A small PyTorch training loop with progress bars that reports time, device and the energy it used.

Energy comes from CodeCarbon (a well-kept tracker, optional: `pip install codecarbon`): measured where the
hardware tells (Intel/AMD RAPL counters on Linux, NVIDIA's NVML for GPUs), estimated from the processor's TDP
and load where it does not; without CodeCarbon, a nominal power per thread. Each report says which.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from tqdm.auto import tqdm

from .settings import fast_mode

# Nominal power draw used without a tracker: a laptop-class CPU core and a data-centre GPU.
CPU_WATTS_PER_THREAD = 7.5
GPU_WATTS_FALLBACK = 300.0
CARBON_COUNTRY = "DNK"       # carbon intensity of the electricity (ISO code), for CodeCarbon's offline mode
NOMINAL_G_PER_KWH = 250.0    # used without CodeCarbon
_said_no_tracker = False


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


class EnergyMeter:
    """`with EnergyMeter(device) as m: ...` then m.watt_hours, m.grams_co2 and m.how ('measured (RAPL)',
    'estimated (CodeCarbon: TDP x CPU load)', or 'nominal' without CodeCarbon)."""

    def __init__(self, device, use_tracker: bool = True):
        self.device, self.use_tracker = device, use_tracker
        self.watt_hours = self.grams_co2 = 0.0
        self.how, self.tracker, self._start = "nominal", None, 0.0

    def __enter__(self) -> "EnergyMeter":
        self._start = time.perf_counter()
        if self.use_tracker:
            try:
                import logging

                from codecarbon import OfflineEmissionsTracker

                logging.getLogger("codecarbon").setLevel(logging.ERROR)  # its INFO lines are not for students

                self.tracker = OfflineEmissionsTracker(country_iso_code=CARBON_COUNTRY, log_level="error",
                                                       save_to_file=False, measure_power_secs=1)
                self.tracker.start()
            except Exception:  # not installed, or nothing to read on this machine: a nominal figure instead
                self.tracker = None
        return self

    def __exit__(self, *exc) -> None:
        seconds = time.perf_counter() - self._start
        if self.tracker is not None:
            try:
                kg = self.tracker.stop()
                data = self.tracker.final_emissions_data
                self.watt_hours, self.grams_co2 = data.energy_consumed * 1000.0, (kg or 0.0) * 1000.0
                self.how = tracker_method(self.tracker)
                return
            except Exception:
                pass
        watts, self.how = power_watts(self.device)
        self.watt_hours = watts * seconds / 3600.0
        self.grams_co2 = self.watt_hours / 1000.0 * NOMINAL_G_PER_KWH


def tracker_method(tracker) -> str:
    """How CodeCarbon obtained its figures: 'measured (RAPL)', 'measured (NVML)' or an estimate."""
    modes = {type(h).__name__: getattr(h, "_mode", "") for h in getattr(tracker, "_hardware", [])}
    if "GPU" in modes:
        return "measured (NVML)" + ("" if modes.get("CPU") == "intel_rapl" else "; CPU estimated from its TDP")
    if modes.get("CPU") in ("intel_rapl", "intel_power_gadget", "apple_powermetrics"):
        return "measured (RAPL)" if modes["CPU"] == "intel_rapl" else f"measured ({modes['CPU']})"
    return "estimated (CodeCarbon: TDP x CPU load)"


@dataclass
class RunReport:
    """What a training run cost: seconds, device, energy in watt-hours and CO2 in grams, and how they were had."""

    seconds: float
    device: str
    watt_hours: float
    how: str
    history: dict = field(default_factory=dict)
    grams_co2: float = 0.0

    def __str__(self) -> str:
        return (f"trained in {self.seconds:.1f} s on {self.device}; energy {self.watt_hours:.3f} Wh, "
                f"{self.grams_co2:.3f} g CO2e ({self.how})")


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
    meter = EnergyMeter(device, use_tracker=not fast_mode())
    start = time.perf_counter()
    with meter:
        run_epochs(model, train_loader, loss_fn, optimizer, epochs, device, val_loader, scheduler, verbose, history)
    seconds = time.perf_counter() - start
    report = RunReport(seconds, str(device), meter.watt_hours, meter.how, {k: v for k, v in history.items() if v},
                       meter.grams_co2)
    if verbose:
        _say_no_tracker(meter)
        print(report)
    return report


def run_epochs(model, train_loader, loss_fn, optimizer, epochs, device, val_loader, scheduler, verbose,
               history) -> None:
    """The epochs of `fit`, appending to `history`."""
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


def _say_no_tracker(meter: EnergyMeter) -> None:
    global _said_no_tracker
    if meter.how == "nominal" and meter.use_tracker and not _said_no_tracker:
        _said_no_tracker = True
        print("energy: a nominal estimate (7.5 W per CPU thread); `pip install codecarbon` measures it where the "
              "hardware allows")
