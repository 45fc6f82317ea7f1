"""A tiny course (one lab, two exercises) built in a temporary folder, for fast grading tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

LAB = "w01_tiny"


def _meta(gid, grade=False, solution=False, locked=True, points=None):
    meta = {"grade": grade, "grade_id": gid, "locked": locked, "schema_version": 3, "solution": solution,
            "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def tiny_notebook() -> nbformat.NotebookNode:
    v4 = nbformat.v4
    cells = [
        v4.new_code_cell("import dlcourse\n", metadata=_meta("bootstrap")),
        v4.new_markdown_cell("# A tiny lab\nWrite `add` and `mean`.", metadata=_meta("intro")),
        v4.new_code_cell("def add(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION\n",
                         metadata=_meta("add", solution=True, locked=False)),
        v4.new_code_cell("assert add(1, 2) == 3, 'add(1, 2) should be 3'\n### BEGIN HIDDEN TESTS\n"
                         "assert add(-1, 1) == 0\n### END HIDDEN TESTS\n",
                         metadata=_meta("test_add", grade=True, points=1)),
        v4.new_code_cell("def mean(xs):\n    ### BEGIN SOLUTION\n    return sum(xs) / len(xs)\n    ### END SOLUTION\n",
                         metadata=_meta("mean", solution=True, locked=False)),
        v4.new_code_cell("import sys\nprint('a warning on stderr', file=sys.stderr)\n"
                         "assert mean([1, 2, 3]) == 2, 'mean([1, 2, 3]) should be 2'\n",
                         metadata=_meta("test_mean", grade=True, points=2)),
        v4.new_markdown_cell("### BEGIN SOLUTION\nBecause.\n### END SOLUTION",
                             metadata=_meta("why", grade=True, solution=True, locked=False, points=1)),
    ]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return nb


def make_course(base: Path, repo: Path | None = None) -> Path:
    """A course repository under `base` with the tiny lab; grading/course.toml copied from `repo` if given."""
    (base / "labs" / LAB).mkdir(parents=True)
    (base / "weeks").mkdir()
    (base / "grading").mkdir()
    nbformat.write(tiny_notebook(), base / "labs" / LAB / f"{LAB}.ipynb")
    (base / "labs" / LAB / "README.md").write_text("# Week 1 (tiny)\n")
    if repo is not None:
        shutil.copy(repo / "grading" / "course.toml", base / "grading" / "course.toml")
    else:
        (base / "grading" / "course.toml").write_text(
            '[course]\nname = "tiny"\nstudent_repository = "https://example.org/tiny"\nrelease_tag = "v0"\n'
            '[rules]\npass_fraction = 0.5\n')
    return base
