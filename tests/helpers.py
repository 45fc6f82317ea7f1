"""Helpers shared by the test modules (fixtures live in conftest.py)."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from tiny_course import LAB

from dlcourse.teach import notebooks
from dlcourse.teach.demo import solved


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def solved_with(root: Path, first_cell_prefix: str = "", drop_test: bool = False):
    release = notebooks.read(root / "weeks" / LAB / f"{LAB}.ipynb")
    nb = solved(release, notebooks.read(root / "labs" / LAB / f"{LAB}.ipynb"))
    if first_cell_prefix:
        cell = next(c for c in nb.cells if notebooks.nbgrader_meta(c).get("grade_id") == "add")
        cell.source = first_cell_prefix + cell.source
    if drop_test:
        nb.cells = [c for c in nb.cells if notebooks.nbgrader_meta(c).get("grade_id") != "test_add"]
    return notebooks.dumps(nb)


def read_grades(class_dir: Path) -> dict[str, dict]:
    with (class_dir / "grades.csv").open() as fh:
        return {row["student_id"]: row for row in csv.DictReader(fh)}


def grade_class(class_dir: Path, lab: str, handins: dict[str, str], root: Path, cell_timeout: int = 300,
                notebook_timeout: int = 900) -> dict:
    """Hand in {student: notebook text} for `lab` of the course at `root` and autograde them all in one parallel
    run through nbgrader; returns {student: Outcome}."""
    from dlcourse.teach.grading.autograde import Lab, grade

    for student, text in handins.items():
        dest = class_dir / "submitted" / student / lab
        dest.mkdir(parents=True)
        (dest / f"{lab}.ipynb").write_text(text, encoding="utf-8")
    lab_ = Lab(root, lab, class_dir, cell_timeout=cell_timeout, notebook_timeout=notebook_timeout)
    return {o.student_id: o for o in grade(lab_, workers=2)}
