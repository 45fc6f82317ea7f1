"""The nbgrader configuration, in one place: written to a working folder before each nbgrader run."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path


CELL_TIMEOUT_S = 120        # per cell, fast mode: no cell of a lab needs more than a few seconds
MAX_OUTPUT_LINES = 1000     # per cell, kept in the graded notebook
MAX_OUTPUT_CHARS = 100_000  # per cell: printed text and errors, kept in the graded notebook (and grader's memory)
MAX_RICH_CHARS = 2_000_000  # per cell: figures, HTML, results
ERROR_HEAD = 2000           # characters of an error kept even past the limit: an error is what costs points
TRUNCATED = "\n... output truncated by the grader: more than {:,} characters in this cell ...\n"
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"


def settings(labs: Path, root: Path, release: Path, db_url: str, cell_timeout: int = CELL_TIMEOUT_S,
             kernel_name: str = "") -> dict:
    """nbgrader traits by class: sources in `labs`, class data (hand-ins, results) under `root`.

    `kernel_name` replaces the notebooks' own kernel (the sandboxed one, see sandbox.py).
    """
    execute = {"timeout": cell_timeout, "interrupt_on_timeout": True}
    if kernel_name:
        execute["kernel_name"] = kernel_name
    return {
        "CourseDirectory": {
            "course_id": "dlcourse",
            "root": str(root),
            "source_directory": str(labs),
            "release_directory": str(release),
            "submitted_directory": "submitted",
            "autograded_directory": "autograded",
            "feedback_directory": "feedback",
            "db_url": db_url,
            "ignore": [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".DS_Store"],
        },
        "ClearSolutions": {"code_stub": {"python": CODE_STUB}},
        "Execute": execute,
        # unix sockets, not TCP ports: parallel kernels never race for a port, and a sandboxed kernel
        # (no network of its own) is still reachable through its socket files
        "KernelManager": {"transport": "ipc"},
        # stderr (PyTorch warnings, progress bars) must not turn a correct answer into zero points;
        # exceptions are 'error' outputs, not stderr, so they still fail the cell
        "IgnorePattern": {"enabled": True, "pattern": r"[\s\S]"},
        # a student who deleted a test cell gets it back, and is graded on it
        "OverwriteCells": {"add_missing_cells": True},
        # lines per cell; characters per cell are capped while the output arrives (clip_output)
        "LimitOutput": {"max_lines": MAX_OUTPUT_LINES, "max_traceback": 50},
    }


def _size(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    return 8


def _cut_lines(lines: list[str], chars: int) -> list[str]:
    out = []
    for line in lines:
        if chars <= 0:
            break
        out.append(line[:chars])
        chars -= len(line)
    return out


def clip_output(msg_type: str, content: dict, room: dict | None = None) -> tuple[dict | None, dict]:
    """One output message of a cell, cut to what is left of the cell's budget: (content to keep or None, room left).

    `room` is None for a cell's first output, then what the previous call returned. Text (streams, errors)
    past MAX_OUTPUT_CHARS and rich data past MAX_RICH_CHARS are cut once, with a note, then dropped; a
    cell's first error always stays (shortened), so a failing test still fails.
    """
    room = dict(room or {"text": MAX_OUTPUT_CHARS, "rich": MAX_RICH_CHARS, "error": False})
    if msg_type not in ("stream", "error", "display_data", "execute_result"):
        return content, room
    kind = "text" if msg_type in ("stream", "error") else "rich"
    if msg_type == "error":
        size = _size([content.get("ename", ""), content.get("evalue", ""), content.get("traceback", [])])
    else:
        size = _size(content.get("text" if kind == "text" else "data", ""))
    left, first_error = room[kind], msg_type == "error" and not room["error"]
    room["error"] = room["error"] or msg_type == "error"
    if size <= left:
        room[kind] = left - size
        return content, room
    if left < 0 and not first_error:
        return None, room
    room[kind] = -1
    note = TRUNCATED.format(MAX_OUTPUT_CHARS if kind == "text" else MAX_RICH_CHARS)
    if msg_type == "error":
        keep = max(left, ERROR_HEAD)
        return {**content, "evalue": content.get("evalue", "")[:keep],
                "traceback": _cut_lines(list(content.get("traceback", [])), keep) + [note.strip()]}, room
    if msg_type == "stream":
        return {**content, "text": content.get("text", "")[:max(left, 0)] + note}, room
    return {**content, "data": {"text/plain": note.strip()}, "metadata": {}}, room


def with_our_bin(env: dict) -> dict:
    """`env` with this Python's bin folder first on PATH: nbgrader runs `alembic`, kernels run `python`,
    and `make` calls .venv/bin/dlcourse without activating the virtual environment."""
    here = str(Path(sys.executable).parent)
    parts = env.get("PATH", "").split(os.pathsep)
    if parts[:1] != [here]:
        env["PATH"] = os.pathsep.join([here] + [p for p in parts if p and p != here])
    return env


def grading_env(extra: dict | None = None) -> dict:
    """Environment for notebooks run by nbgrader: fast, offline, no display."""
    env = with_our_bin(dict(os.environ))
    env.update({"DLCOURSE_FAST": "1", "DLCOURSE_OFFLINE": "1", "MPLBACKEND": "Agg",
                "PYTHONWARNINGS": "ignore", "TQDM_DISABLE": "1",
                # one core per hand-in: the workers run side by side, and oversubscribed BLAS threads
                # make a notebook many times slower
                "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})
    env.update(extra or {})
    return env


def nbgrader_api(values: dict):
    """An in-process NbGraderAPI configured with `values` (saves the seconds a new nbgrader process costs)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    Path(values["CourseDirectory"]["root"]).mkdir(parents=True, exist_ok=True)  # nbgrader works from there
    with_our_bin(os.environ)
    cfg = Config({k: v for k, v in values.items() if k != "KernelManager"})  # no kernels: release, feedback
    return NbGraderAPI(CourseDirectory(config=cfg), config=cfg)


def nbgrader_error(result: dict) -> str:
    """The most telling line of a failed nbgrader run ({"error", "log"}): a dead kernel, a memory error,
    else the last exception, else the last ERROR line."""
    text = f"{result.get('error') or ''}\n{result.get('log') or ''}"
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for needle in ("DeadKernelError", "Kernel died", "kernel died", "MemoryError", "CellTimeoutError"):
        hits = [ln for ln in lines if needle in ln]
        if hits:
            return hits[-1][:200]
    exceptions = [ln for ln in lines if re.match(r"^[\w.]+(Error|Exception)\b", ln) and "NbGraderException" not in ln]
    errors = [ln for ln in lines if "ERROR" in ln and "see the" not in ln and "error processing" not in ln]
    return (exceptions or errors or lines or ["nbgrader failed without a message"])[-1][:200]
