"""Every lab, found automatically: graded source = full marks, untouched release = zero on every test,
no solution or hidden test in the release, valid nbgrader metadata."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, lab_names
from helpers import grade_class

from dlcourse.teach import notebooks
from dlcourse.teach.course import Course
from dlcourse.teach.grading.autograde import cell_points

LABS = lab_names()


def release_path(lab: str) -> Path:
    return ROOT / "weeks" / lab / f"{lab}.ipynb"


def source_path(lab: str) -> Path:
    return ROOT / "labs" / lab / f"{lab}.ipynb"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade each lab once: the source handed in as 'solution', the untouched release as 'stub'."""
    cache = {}

    def get(lab: str):
        if lab not in cache:
            texts = {"solution": source_path(lab).read_text(), "stub": release_path(lab).read_text()}
            cache[lab] = grade_class(tmp_path_factory.mktemp(f"class-{lab}"), lab, texts, ROOT, 120, 600)
        return cache[lab]
    return get


def test_labs_exist():
    assert LABS, "labs/ holds no lab folder"


@pytest.mark.notebooks
@pytest.mark.parametrize("lab", LABS)
def test_source_gets_full_marks(lab, graded):
    outcome = graded(lab)["solution"]
    auto, _ = cell_points(notebooks.read(source_path(lab)))
    assert outcome.status == "graded", f"{lab}: the solution could not be graded: {outcome.message}"
    lost = {cell: f"{outcome.cells.get(cell)}/{pts:g}" for cell, pts in auto.items() if outcome.cells.get(cell) != pts}
    assert not lost, f"{lab}: the solution loses points on {lost}"


@pytest.mark.notebooks
@pytest.mark.parametrize("lab", LABS)
def test_release_scores_zero_on_every_test(lab, graded):
    outcome = graded(lab)["stub"]
    auto, _ = cell_points(notebooks.read(source_path(lab)))
    assert outcome.status == "graded", f"{lab}: the stub could not be graded: {outcome.message}"
    passing = [cell for cell in auto if outcome.cells.get(cell)]
    assert not passing, f"{lab}: these tests pass on the untouched stub, so they cannot fail: {passing}"


@pytest.mark.parametrize("lab", LABS)
def test_release_has_no_solutions_or_hidden_tests(lab):
    text = release_path(lab).read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text, f"weeks/{lab} contains '{marker}': run `make release`"
    released = notebooks.read(release_path(lab))
    release_lines = {line.strip() for cell in released.cells for line in cell.source.splitlines()}
    for cell in notebooks.read(source_path(lab)).cells:
        for region in re.findall(r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END", cell.source, re.S):
            leaked = [ln.strip() for ln in region.splitlines()
                      if len(ln.strip()) > 25 and ln.strip() in release_lines]
            assert not leaked, f"weeks/{lab} shows solution or hidden-test lines: {leaked[:3]}"


@pytest.mark.parametrize("lab", LABS)
def test_source_metadata_is_valid(lab):
    nb = notebooks.read(source_path(lab))
    assert notebooks.metadata_problems(nb) == []
    assert nb.cells[0].source == notebooks.bootstrap_source(Course.load(ROOT)), "first cell is not the canonical bootstrap cell"
    assert all(not c.get("outputs") for c in nb.cells), f"labs/{lab} is stored with outputs: run `make release`"
    tests = notebooks.autograded_tests(nb)
    assert all("### BEGIN HIDDEN TESTS" in c.source for c in tests), \
        f"{lab}: every autograded test cell should have hidden tests"
    assert (ROOT / "labs" / lab / "README.md").exists(), f"labs/{lab} has no week plan README.md"
