"""The week-6 data challenge: load its data, check predictions, save them for the leaderboard.

The data set is MNIST-1D (Sam Greydanus, "Scaling down deep learning", 2020; https://github.com/greydanus/mnist1d):
each example is a signal of 40 numbers made from one of ten hand-drawn 1-D templates of the digits 0-9, padded
with a random number of zeros, stretched, scaled by a random factor, shifted circularly by a random amount,
filled with correlated (Gaussian-smoothed) noise where the template is not, given a little i.i.d. noise and a
random linear trend ("shear"), and resampled to 40 points. The whole set is standardised to mean 0 and standard
deviation 1. The published baselines on the original 4,000/1,000 split are about 32% test accuracy for logistic
regression, 68% for an MLP, 91% for a GRU and 94% for a CNN.

The course generated its own copy once, with the `mnist1d` package's templates and transformations and a secret
random state (so the test labels cannot be regenerated), and ships it beside the notebook as
`mnist1d_challenge.npz`: 4,000 training signals with labels and 2,000 test signals WITHOUT labels. The teacher
keeps the test labels; `dlcourse challenge` scores every hand-in on them.

In a notebook:

    from dlcourse import challenge
    data = challenge.load()                     # data.x_train (4000, 40), data.y_train, data.x_test (2000, 40)
    ...
    challenge.save_predictions(test_predictions, reports)   # predictions.csv + a record in the notebook
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA_FILE = "mnist1d_challenge.npz"
PREDICTIONS_FILE = "predictions.csv"
LAB = "w06_tricks_challenge"
N_CLASSES = 10
# the notebook output that carries a hand-in's predictions to the teacher's leaderboard
MIME_TYPE = "application/vnd.dlcourse.challenge+json"


@dataclass
class ChallengeData:
    """Training signals with labels, test signals without; `t` is the time axis of a signal (for plots)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    t: np.ndarray
    source: str

    @property
    def n_classes(self) -> int:
        return N_CLASSES

    def __repr__(self) -> str:
        return (f"ChallengeData(MNIST-1D: {len(self.x_train)} training signals with labels, {len(self.x_test)} test "
                f"signals without, {self.x_train.shape[1]} points each; from {self.source})")


def test_fingerprint(x_test: np.ndarray) -> str:
    """A short hash of the test inputs: ties a predictions file and the teacher's labels to the same data."""
    return hashlib.sha256(np.ascontiguousarray(x_test, dtype=np.float32).tobytes()).hexdigest()[:16]


def find_data(path: str | os.PathLike | None = None) -> Path:
    """The challenge data file: `path`, else $DLCOURSE_CHALLENGE_DATA, else beside the notebook (the working
    folder), else in the course repository the package runs from, else (Colab) downloaded from the course's
    repository at the release the package was installed from."""
    candidates = [Path(p) for p in (path, os.environ.get("DLCOURSE_CHALLENGE_DATA")) if p]
    candidates += [Path.cwd() / DATA_FILE, Path.cwd() / LAB / DATA_FILE]
    # the course repository this package runs from (an editable install, a clone): its release, then its source
    repository = Path(__file__).resolve().parents[2]
    candidates += [repository / "weeks" / LAB / DATA_FILE, repository / "labs" / LAB / DATA_FILE]
    for candidate in candidates:
        if candidate.is_dir():
            candidate = candidate / DATA_FILE
        if candidate.is_file():
            return candidate
    downloaded = _download_from_course_repository()
    if downloaded is not None:
        return downloaded
    raise FileNotFoundError(
        f"the challenge data {DATA_FILE} is not in {Path.cwd()}: it ships beside the notebook in the course's "
        f"weeks/{LAB}/ folder. Open the notebook from that folder, or (on Colab) upload {DATA_FILE} into the "
        "Files pane, or pass its path: challenge.load('path/to/mnist1d_challenge.npz')")


def _download_from_course_repository() -> Path | None:
    """On Colab (the package installed from the course's git repository): fetch the data file of the same release
    from that repository into the data cache. None when offline, not installed from git, or the download fails."""
    from .settings import data_dir, offline

    cached = data_dir() / LAB / DATA_FILE
    if cached.is_file():
        return cached
    if offline():
        return None
    try:
        from importlib.metadata import distribution
        from urllib.request import urlopen

        info = json.loads(distribution("dlcourse").read_text("direct_url.json") or "{}")
        url, vcs = info.get("url", ""), info.get("vcs_info") or {}
        rev = vcs.get("commit_id") or vcs.get("requested_revision")
        if not (url.startswith("https://github.com/") and rev):
            return None
        repo = url.removeprefix("https://github.com/").removesuffix(".git")
        raw = f"https://raw.githubusercontent.com/{repo}/{rev}/weeks/{LAB}/{DATA_FILE}"
        with urlopen(raw, timeout=30) as response:
            payload = response.read()
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(payload)
        print(f"downloaded the challenge data from {raw}")
        return cached
    except Exception:
        return None


def load(path: str | os.PathLike | None = None) -> ChallengeData:
    """The challenge data (MNIST-1D): x_train (N, 40) float32, y_train (N,) int64, x_test (M, 40) float32."""
    found = find_data(path)
    with np.load(found) as arrays:
        if "y_test" in arrays.files:
            raise ValueError(f"{found} holds test labels: it is not the student data file")
        return ChallengeData(x_train=arrays["x_train"].astype(np.float32), y_train=arrays["y_train"].astype(np.int64),
                             x_test=arrays["x_test"].astype(np.float32), t=arrays["t"].astype(np.float32),
                             source=str(found))


def check_predictions(predictions, n_test: int) -> np.ndarray:
    """`predictions` as an int64 array of shape (n_test,), or a ValueError that says what is wrong with them.

    Accepts a list, a NumPy array or a torch tensor of class indices 0-9 (one per test input, in order). Class
    scores or probabilities of shape (n_test, 10) are refused: take the argmax first.
    """
    if hasattr(predictions, "detach"):
        predictions = predictions.detach().cpu().numpy()
    arr = np.asarray(predictions)
    if arr.ndim == 2 and arr.shape[1] == N_CLASSES:
        raise ValueError(f"predictions have shape {arr.shape}: these look like class scores; hand in one class per "
                         "test input, e.g. scores.argmax(axis=1)")
    if arr.ndim != 1:
        raise ValueError(f"predictions must be a 1-D array of class indices, one per test input; got shape {arr.shape}")
    if len(arr) != n_test:
        raise ValueError(f"there are {n_test} test inputs but {len(arr)} predictions: predict every test input "
                         "exactly once, in the order of data.x_test")
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise ValueError("predictions must be whole numbers (class indices 0-9), not scores or probabilities")
    elif arr.dtype.kind not in "iub":
        raise ValueError(f"predictions must be class indices (integers 0-9); got values of type {arr.dtype}")
    arr = arr.astype(np.int64)
    bad = (arr < 0) | (arr >= N_CLASSES)
    if bad.any():
        raise ValueError(f"{int(bad.sum())} predictions are not a class 0-9 (for example {arr[bad][0]})")
    return arr


def _energy(reports) -> dict:
    """Total seconds and watt-hours of one RunReport, a list of them, or None."""
    if reports is None:
        return {"seconds": None, "watt_hours": None, "device": "", "runs": 0}
    if not isinstance(reports, (list, tuple)):
        reports = [reports]
    seconds = sum(float(r.seconds) for r in reports)
    watt_hours = sum(float(r.watt_hours) for r in reports)
    devices = sorted({str(r.device) for r in reports})
    return {"seconds": seconds, "watt_hours": watt_hours, "device": ", ".join(devices), "runs": len(reports)}


def save_predictions(predictions, reports=None, n_test: int | None = None, path: str | os.PathLike = PREDICTIONS_FILE,
                     x_test: np.ndarray | None = None, display: bool = True) -> dict:
    """Check `predictions` and save them: `predictions.csv` (columns id,label) beside the notebook, plus a record
    shown in the notebook (so the hand-in carries them to the leaderboard). Returns that record.

    reports: the RunReport (or a list of them) of every `dlcourse.training.fit` run that made the predictions;
    their energy is shown next to your accuracy on the leaderboard.
    """
    if x_test is None and n_test is None:
        x_test = load().x_test
    if x_test is not None:
        n_test = len(x_test)
    arr = check_predictions(predictions, n_test)
    from .settings import fast_mode

    record = {"lab": LAB, "version": 1, "n_test": int(n_test), "fast_mode": fast_mode(),
              "fingerprint": test_fingerprint(x_test) if x_test is not None else "",
              "predictions": "".join(str(int(v)) for v in arr), **_energy(reports)}
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "label"])
        writer.writerows((i, int(v)) for i, v in enumerate(arr))
    counts = np.bincount(arr, minlength=N_CLASSES)
    energy = (f"; training energy about {record['watt_hours']:.3f} Wh in {record['seconds']:.0f} s"
              if record["watt_hours"] is not None else "; no training report given, so no energy on the leaderboard")
    summary = (f"saved {len(arr)} predictions to {target} (predicted classes 0-9: {' '.join(map(str, counts))})"
               f"{energy}")
    if display:
        try:
            from IPython.display import display as show

            show({MIME_TYPE: record, "text/plain": summary}, raw=True)
        except ImportError:
            print(summary)
    return record


def read_predictions_csv(path: str | os.PathLike) -> np.ndarray:
    """The labels of a predictions.csv written by `save_predictions` (ordered by id)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["id", "label"]:
        raise ValueError(f"{path}: expected a header 'id,label'")
    pairs = sorted((int(r[0]), int(r[1])) for r in rows[1:] if r)
    if [i for i, _ in pairs] != list(range(len(pairs))):
        raise ValueError(f"{path}: ids must be 0, 1, 2, ... with one row each")
    return np.array([v for _, v in pairs], dtype=np.int64)


def records_in_notebook(nb) -> list[dict]:
    """Every prediction record that `save_predictions` left in the outputs of a notebook (dict or nbformat node)."""
    found = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) or []:
            data = output.get("data") or {}
            if MIME_TYPE in data:
                value = data[MIME_TYPE]
                found.append(json.loads(value) if isinstance(value, str) else dict(value))
    return found
