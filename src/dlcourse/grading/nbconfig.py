"""The nbgrader configuration, in one place: written to a working folder before each nbgrader run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from ..errors import CourseError

CELL_TIMEOUT_S = 120        # per cell, fast mode: no cell of a lab needs more than a few seconds
MAX_OUTPUT_LINES = 1000     # per cell, kept in the graded notebook
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"


def settings(labs: Path, root: Path, release: Path, db_url: str, cell_timeout: int = CELL_TIMEOUT_S) -> dict:
    """nbgrader traits by class: sources in `labs`, class data (hand-ins, results) under `root`."""
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
        "Execute": {"timeout": cell_timeout, "interrupt_on_timeout": True},
        # unix sockets, not TCP ports: parallel kernels never race for a port
        "KernelManager": {"transport": "ipc"},
        # stderr (PyTorch warnings, progress bars) must not turn a correct answer into zero points;
        # exceptions are 'error' outputs, not stderr, so they still fail the cell
        "IgnorePattern": {"enabled": True, "pattern": r"[\s\S]"},
        # a student who deleted a test cell gets it back, and is graded on it
        "OverwriteCells": {"add_missing_cells": True},
        "LimitOutput": {"max_lines": MAX_OUTPUT_LINES, "max_traceback": 50},
    }


def config_text(values: dict) -> str:
    """An nbgrader_config.py that sets `values`."""
    lines = ["# Written by dlcourse; edit dlcourse/grading/nbconfig.py instead.", "c = get_config()  # noqa: F821"]
    for section, traits in values.items():
        for trait, value in traits.items():
            lines.append(f"c.{section}.{trait} = {value!r}")
    return "\n".join(lines) + "\n"


def grading_env(extra: dict | None = None) -> dict:
    """Environment for notebooks run by nbgrader: fast, offline, no display."""
    env = dict(os.environ)
    env.update({"DLCOURSE_FAST": "1", "DLCOURSE_OFFLINE": "1", "MPLBACKEND": "Agg",
                "PYTHONWARNINGS": "ignore", "TQDM_DISABLE": "1"})
    env.update(extra or {})
    return env


def run_nbgrader(args: list[str], workdir: Path, values: dict, timeout: float | None = None,
                 env: dict | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
    """Run `nbgrader ARGS` in `workdir` with `values` as its configuration; output captured.

    On `timeout` the whole process group (nbgrader and its kernel) is killed and
    subprocess.TimeoutExpired is raised.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "nbgrader_config.py").write_text(config_text(values), encoding="utf-8")
    cmd = [sys.executable, "-m", "nbgrader", *args]
    with subprocess.Popen(cmd, cwd=workdir, env=env or grading_env(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, errors="replace",
                          start_new_session=True, preexec_fn=preexec_fn) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except BaseException:  # timeout or Ctrl-C: leave no kernel behind
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.communicate()
            raise
        finally:
            try:  # a kernel that outlived nbgrader
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    return subprocess.CompletedProcess(cmd, proc.returncode, out, "")
