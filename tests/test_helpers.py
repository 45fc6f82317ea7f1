"""The student-side helpers: switches, device, data fallback, checks, plots, training loop, results."""
from __future__ import annotations

import json

import numpy as np
import pytest

import dlcourse
from dlcourse import checks, data, plots, settings, training
from dlcourse.device import pick_device, seed_everything


def test_pick_follows_fast_switch(monkeypatch):
    monkeypatch.setenv("DLCOURSE_FAST", "1")
    assert dlcourse.pick(10, 1) == 1 and settings.fast_mode()
    monkeypatch.setenv("DLCOURSE_FAST", "0")
    assert dlcourse.pick(10, 1) == 10 and not settings.fast_mode()


def test_device_override_and_seeding(monkeypatch):
    monkeypatch.setenv("DLCOURSE_DEVICE", "cpu")
    assert pick_device().type == "cpu"
    seed_everything(3)
    a = np.random.rand(3)
    seed_everything(3)
    assert np.array_equal(a, np.random.rand(3))


def test_start_prints_one_line(capsys, monkeypatch):
    monkeypatch.setenv("DLCOURSE_DEVICE", "cpu")
    device = dlcourse.start(seed=1)
    out = capsys.readouterr().out.strip().splitlines()
    assert device.type == "cpu" and len(out) == 1 and "device cpu" in out[0]


def test_offline_mnist_fallback_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DLCOURSE_OFFLINE", "1")
    monkeypatch.setenv("DLCOURSE_DATA", str(tmp_path))
    monkeypatch.delenv("DLCOURSE_FAST", raising=False)
    split = data.load_mnist()
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "offline subset" in out[0]
    assert split.is_offline_subset
    assert split.x_train.shape == (4000, 28, 28) and split.x_test.shape == (1000, 28, 28)
    assert split.x_train.dtype == np.float32 and 0 <= split.x_train.min() and split.x_train.max() <= 1
    assert np.bincount(split.y_test).tolist() == [100] * 10, "the split is stratified"
    assert split.flat().x_train.shape == (4000, 784)
    again = data.load_mnist()
    assert np.array_equal(split.y_train, again.y_train), "the split is fixed"
    monkeypatch.setenv("DLCOURSE_FAST", "1")
    small = data.load_mnist()
    assert (len(small.x_train), len(small.x_test)) == (data.FAST_TRAIN, data.FAST_TEST)


def test_cifar_offline_raises_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("DLCOURSE_OFFLINE", "1")
    monkeypatch.setenv("DLCOURSE_DATA", str(tmp_path))
    with pytest.raises(RuntimeError, match="CIFAR10 is not available offline"):
        data.load_cifar10()


@pytest.mark.parametrize("actual, expected, words", [
    (np.ones((3, 2)), np.ones((2, 3)), "transposed"),
    (np.full(4, 2.0), np.full(4, 1.0), "factor 2"),
    (-np.arange(1.0, 4.0), np.arange(1.0, 4.0), "sign is flipped"),
    (np.array([np.nan, 1.0]), np.array([1.0, 1.0]), "NaN"),
    (np.ones(3), np.ones((3, 1)), "shape"),
    (None, np.ones(3), "return"),
])
def test_check_close_explains(actual, expected, words):
    with pytest.raises(AssertionError, match=words):
        checks.check_close(actual, expected, "x")


def test_check_close_passes_on_match():
    checks.check_close(np.arange(3.0), np.arange(3.0) + 1e-9, "x")


def test_gradient_check_names_the_wrong_parameter():
    rng = np.random.default_rng(0)
    W, b, x = rng.normal(size=(3, 2)), rng.normal(size=2), rng.normal(size=(5, 3))

    def loss():
        return float(((x @ W + b) ** 2).mean())

    good = {"W": 2 * x.T @ (x @ W + b) / 10, "b": 2 * (x @ W + b).sum(0) / 10}
    errors = checks.gradient_check(loss, {"W": W, "b": b}, good, verbose=False)
    assert max(errors.values()) < 1e-6
    bad = dict(good, b=good["b"] * 5)
    with pytest.raises(AssertionError, match=r"'b'.*factor 5"):
        checks.gradient_check(loss, {"W": W, "b": b}, bad, verbose=False)


def test_plots_return_figures():
    import matplotlib

    matplotlib.use("Agg")
    ax = plots.plot_curves({"train_loss": [1.0, 0.5], "val_acc": [0.5, 0.8]})
    assert len(ax.figure.axes) == 2
    fig = plots.image_grid(np.zeros((5, 784)), labels=[1, 2, 3, 4, 5], predictions=[1, 2, 0, 4, 5])
    assert sum(a.get_title() != "" for a in fig.axes) == 5
    assert plots.plot_attention(np.eye(3), list("abc"), list("xyz")).get_xlabel() == "source"
    assert plots.plot_returns(list(range(30))).get_ylabel() == "return"
    assert plots.plot_latent(np.zeros((4, 2)), labels=[0, 1, 0, 1]).get_title() == "Latent space"


def test_fit_learns_and_reports(capsys):
    import torch

    seed_everything(0)
    x = torch.randn(256, 2)
    y = (x[:, 0] > 0).long()
    loader = data.to_loaders(x.numpy(), y.numpy(), batch_size=32)
    model = torch.nn.Linear(2, 2)
    report = training.fit(model, loader, torch.nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=0.5),
                          epochs=5, device=torch.device("cpu"), val_loader=loader)
    assert report.history["val_acc"][-1] > 0.9
    assert report.watt_hours > 0 and "Wh" in str(report)
    assert "epoch 5/5" in capsys.readouterr().out


def test_record_appends_json(tmp_path, monkeypatch, capsys):
    out = tmp_path / "r.jsonl"
    monkeypatch.setenv("DLCOURSE_RESULTS", str(out))
    assert dlcourse.record("test_accuracy", 0.95, target=0.92)
    assert not dlcourse.record("test_accuracy", 0.90, target=0.92)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["met"] for r in rows] == [True, False]
    assert "NOT met" in capsys.readouterr().out


def test_thread_choice_keeps_a_busy_machine_usable():
    from dlcourse.device import choose_threads

    assert choose_threads(2) == 1 and choose_threads(8) == 4 and choose_threads(64) == 4 and choose_threads(1) == 1
    assert choose_threads(8, "3") == 3, "OMP_NUM_THREADS, when the user sets it, wins"
    assert choose_threads(8, "zero") == 4 and choose_threads(2, dedicated=True) == 2


def test_energy_says_how_it_was_obtained():
    import torch

    from dlcourse.training import EnergyMeter, tracker_method

    with EnergyMeter(torch.device("cpu"), use_tracker=False) as nominal:
        sum(range(100_000))
    assert nominal.how == "nominal" and nominal.watt_hours > 0 and nominal.grams_co2 > 0

    class Part:
        def __init__(self, mode):
            self._mode = mode

    class CPU(Part):
        pass

    class GPU(Part):
        pass

    class Tracker:
        def __init__(self, *parts):
            self._hardware = list(parts)

    assert tracker_method(Tracker(CPU("intel_rapl"))) == "measured (RAPL)"
    assert tracker_method(Tracker(CPU("cpu_load"))).startswith("estimated")
    assert tracker_method(Tracker(CPU("intel_rapl"), GPU(""))) == "measured (NVML)"
