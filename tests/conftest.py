"""Shared fixtures: the repository, a tiny course for fast grading tests, and graded labs."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

os.environ.setdefault("DLCOURSE_OFFLINE", "1")
os.environ.setdefault("MPLBACKEND", "Agg")


def lab_names() -> list[str]:
    from dlcourse.teach.paths import lab_names as names

    return names(ROOT)


@pytest.fixture(scope="session")
def repo() -> Path:
    return ROOT


@pytest.fixture
def tiny(tmp_path, monkeypatch) -> Path:
    """A course repository with one tiny lab, released, as the current folder."""
    from tiny_course import make_course

    from dlcourse.teach.paths import lab_names as names
    from dlcourse.teach.release import release

    root = make_course(tmp_path / "course")
    release(root, names(root))
    monkeypatch.setenv("DLCOURSE_ROOT", str(root))
    monkeypatch.delenv("DLCOURSE_CLASS", raising=False)
    monkeypatch.chdir(root)
    return root
