"""Grading a class through nbgrader: every bad hand-in costs only its author, originals stay intact."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers import read_grades, solved_with, tree_digest
from tiny_course import LAB

from dlcourse.teach.cli import main


@pytest.fixture
def inbox(tiny) -> Path:
    """A learning-platform export: one folder or zip per student, with every kind of trouble."""
    box = tiny.parent / "export"
    good = solved_with(tiny)

    def put(name: str, text: str, filename: str = "lab.ipynb"):
        (box / name).mkdir(parents=True, exist_ok=True)
        (box / name / filename).write_text(text)

    put("good", good, "Copy of lab1 (1).ipynb")
    put("partial", solved_with(tiny).replace("return a + b", "return a - b"))
    put("corrupt", good[: len(good) // 3])
    put("loop", solved_with(tiny, "while True:\n    pass\n"))
    put("exit", solved_with(tiny, "import os\nos._exit(1)\n"))
    put("spam", solved_with(tiny, "print('x' * 10_000_000)\nfor i in range(200_000):\n    print(i)\n"))
    put("hog", solved_with(tiny, "hog = bytearray(6 * 1024 ** 3)\n"))
    put("deleted", solved_with(tiny, drop_test=True))
    put("wrongweek", (Path(__file__).parents[1] / "weeks" / "w02_ffnn_numpy" / "w02_ffnn_numpy.ipynb").read_text())
    with zipfile.ZipFile(box / "zipped.zip", "w") as zf:
        zf.writestr("sub/w01.ipynb", good)
    (box / "empty").mkdir()
    (box / "two").mkdir()
    (box / "two" / "a.ipynb").write_text(good)
    (box / "two" / "b.ipynb").write_text(good)
    return box


def test_bad_handins_cost_only_their_authors(tiny, inbox, capsys):
    before = tree_digest(inbox)
    rc = main(["grade", LAB, "--from", str(inbox), "--workers", "2", "--cell-timeout", "10", "--timeout", "120",
               "--memory-mb", "3000"])
    out = capsys.readouterr().out
    assert rc == 0
    assert tree_digest(inbox) == before, "the teacher's hand-in folder was modified"
    grades = read_grades(tiny / "grading" / "class")
    full = {"good", "zipped", "deleted", "spam"}
    for student in full:
        assert grades[student]["score"] == "3", f"{student} should keep full marks: {grades[student]}"
        assert grades[student]["passed"] == "true"
    assert grades["partial"]["score"] == "2" and grades["partial"]["test_add"] == "0"
    for student in ("corrupt", "loop", "exit", "hog"):
        assert grades[student]["test_add"] == "0", f"{student} should lose the points of the broken exercise"
    assert grades["corrupt"]["score"] == "0"
    table = {line.split()[0]: line for line in out.splitlines() if line and not line.startswith(" ")}
    assert "corrupt notebook JSON" in table["corrupt"]
    assert "limit per cell" in table["loop"] and "graded twice" in table["loop"]
    assert "empty hand-in" in table["empty"]
    assert "several candidate notebooks" in table["two"]
    assert "took 'Copy of lab1 (1).ipynb'" in table["good"]
    assert "not the w01_tiny notebook" in table["wrongweek"] and grades["wrongweek"]["score"] == "0"


def test_regrading_is_incremental(tiny, inbox, capsys):
    main(["grade", LAB, "--from", str(inbox), "--student", "good", "--student", "partial", "--workers", "2"])
    capsys.readouterr()
    main(["grade", LAB, "--student", "good", "--student", "partial"])
    assert "0 graded now, 2 unchanged" in capsys.readouterr().out
    (inbox / "partial" / "lab.ipynb").write_text(solved_with(tiny))
    main(["grade", LAB, "--from", str(inbox), "--student", "good", "--student", "partial"])
    out = capsys.readouterr().out
    assert "1 graded now, 1 unchanged" in out
    assert read_grades(tiny / "grading" / "class")["partial"]["score"] == "3"


@pytest.mark.parametrize("argv, message", [
    (["grade", "w77"], "unknown lab 'w77'"),
    (["grade", LAB, "--from", "/no/such/folder"], "does not exist"),
    (["grade", LAB], "no hand-ins"),
    (["feedback", "w77"], "unknown lab"),
    (["release", "nope"], "unknown lab"),
    (["status"], "no students yet"),
])
def test_bad_input_is_one_line_and_changes_nothing(tiny, capsys, argv, message):
    before = tree_digest(tiny)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1, err
    assert tree_digest(tiny) == before


def test_corrupt_source_notebook_is_refused(tiny, capsys):
    source = tiny / "labs" / LAB / f"{LAB}.ipynb"
    source.write_text('{"cells": [')
    before = tree_digest(tiny)
    assert main(["release"]) == 2
    assert "corrupt notebook JSON" in capsys.readouterr().err
    assert tree_digest(tiny) == before
