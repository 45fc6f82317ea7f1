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
def postgres():
    """A PostgreSQL server of its own for the test session (skipped where it cannot start)."""
    import services

    try:
        server = services.start_postgres()
    except services.Unavailable as err:
        pytest.skip(str(err))
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres) -> str:
    """A new, empty database on the test server."""
    import uuid

    return postgres.create_database(f"gradebook_{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="session")
def repo() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def tiny_template(tmp_path_factory) -> Path:
    """The tiny course, released once per test session (a release costs seconds)."""
    from tiny_course import make_course

    from dlcourse.teach.paths import lab_names as names
    from dlcourse.teach.release import release

    root = make_course(tmp_path_factory.mktemp("tiny") / "course")
    release(root, names(root))
    return root


@pytest.fixture
def tiny(tiny_template, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the tiny course repository, as the current folder."""
    import shutil

    root = tmp_path / "course"
    shutil.copytree(tiny_template, root)
    monkeypatch.setenv("DLCOURSE_ROOT", str(root))
    monkeypatch.delenv("DLCOURSE_CLASS", raising=False)
    monkeypatch.chdir(root)
    return root
