"""Reading, checking and writing notebooks: normalised JSON, outputs stripped, nbgrader metadata."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import CourseError

SCHEMA = 3
BOOTSTRAP_ID = "bootstrap"
# The course's own first cell. On Colab it installs the package once per session from the public student
# repository at the term's tag; the dependency bounds are met by what Colab ships, so nothing is upgraded.
BOOTSTRAP = '''# Set-up: run this cell first. On Colab it installs the course package once (about 20 seconds).
import sys

if "google.colab" in sys.modules:
    import importlib.util
    import subprocess
    import time

    if importlib.util.find_spec("dlcourse") is None:  # a second run of this cell installs nothing
        _start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                        "dlcourse @ git+{repository}@{release_tag}"], check=True)
        importlib.invalidate_caches()
        print(f"installed the course package in {{time.perf_counter() - _start:.0f}} s")

import dlcourse

device = dlcourse.start(seed=0)'''


def bootstrap_source(course) -> str:
    """The canonical first cell, pinned to the student repository and release tag of `course` (a Course)."""
    return BOOTSTRAP.format(repository=course.student_repository, release_tag=course.release_tag)


def read(path: Path):
    """Read a notebook, or raise a one-line CourseError saying why it cannot be used."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseError(f"{path}: no such notebook") from None
    except UnicodeDecodeError:
        raise CourseError(f"{path}: not a text file, so not a notebook (save it again from Jupyter)") from None
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        raise CourseError(f"{path}: corrupt notebook JSON ({err.msg}, line {err.lineno} column {err.colno}); "
                          "open and save it again in Jupyter") from None
    import nbformat  # its schema validator costs most of a second: only commands that read notebooks pay it

    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as err:  # valid JSON that is not a notebook
        raise CourseError(f"{path}: not a Jupyter notebook ({str(err).splitlines()[0][:100]}); "
                          "hand in the .ipynb file saved by Jupyter") from None
    return nb


def is_course_notebook(nb) -> bool:
    """True for the course's own labs: the first code cell is the bootstrap cell."""
    first = next((c for c in nb.cells if c.cell_type == "code"), None)
    return first is not None and nbgrader_meta(first).get("grade_id") == BOOTSTRAP_ID


def from_dict(data: dict):
    """A notebook node from plain JSON data."""
    import nbformat

    return nbformat.from_dict(data)


def dumps(nb) -> str:
    """Normalised JSON: sorted keys, one-space indent, trailing newline; stable across runs."""
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def strip(nb):
    """Remove outputs, execution counts and volatile metadata (in place); returns nb."""
    for cell in nb.cells:
        cell.pop("id", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "collapsed", "scrolled", "ExecuteTime"):
            cell.metadata.pop(key, None)
    nb.nbformat, nb.nbformat_minor = 4, 4
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in ("kernelspec", "language_info")}
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def graded_cells(nb) -> list:
    """Cells that carry points: autograded tests, manually graded answers and task cells."""
    return [c for c in nb.cells if nbgrader_meta(c).get("grade") or nbgrader_meta(c).get("task")]


def autograded_tests(nb) -> list:
    """Locked code cells with points: the tests nbgrader runs."""
    return [c for c in nb.cells if c.cell_type == "code" and nbgrader_meta(c).get("grade")
            and not nbgrader_meta(c).get("solution")]


def metadata_problems(nb, own: bool = True) -> list[str]:
    """Everything wrong with a source notebook's nbgrader metadata (empty when it is valid).

    `own`: a notebook of the course's own labs, held to the course's conventions (bootstrap first cell, locked
    test cells, solution regions, a test in the notebook). Other notebooks are held to what nbgrader accepts:
    release locks their test cells and replaces a solution cell without a region as a whole."""
    problems, seen = [], set()
    for i, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        if not meta:
            continue
        gid = meta.get("grade_id")
        where = f"cell {i} ({gid or 'no grade_id'})"
        if meta.get("schema_version") != SCHEMA:
            problems.append(f"{where}: schema_version is {meta.get('schema_version')}, expected {SCHEMA}")
        if not gid:
            problems.append(f"{where}: missing grade_id")
        elif gid in seen:
            problems.append(f"{where}: grade_id '{gid}' is used twice")
        seen.add(gid)
        if (meta.get("grade") or meta.get("task")) and not (isinstance(meta.get("points"), (int, float)) and meta["points"] > 0):
            problems.append(f"{where}: graded cell without positive points")
        text = cell.source
        if (own and meta.get("grade") and not meta.get("solution") and cell.cell_type == "code"
                and not meta.get("locked")):
            problems.append(f"{where}: test cell is not locked")
        if own and meta.get("solution") and "### BEGIN SOLUTION" not in text:
            problems.append(f"{where}: solution cell without a '### BEGIN SOLUTION' region")
    if own and (not nb.cells or nb.cells[0].cell_type != "code"
                or nbgrader_meta(nb.cells[0]).get("grade_id") != BOOTSTRAP_ID):
        problems.append("cell 0: the first cell must be the bootstrap code cell (grade_id 'bootstrap')")
    if own and not autograded_tests(nb):
        problems.append("no autograded test cell")
    return problems
