"""Labs that are not shaped like ours: nbgrader's documentation course `ps1`, recreated in its shape (two
notebooks, a header notebook, an unlocked test cell, a solution cell without delimiters, a written answer, a
task cell, two students, one with an edited and a deleted test cell, timestamp.txt with a named zone),
released and graded with `dlcourse grade`, and compared cell by cell with plain `nbgrader autograde`."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from helpers import tree_digest
from tiny_course import _meta, make_course

from dlcourse.teach import notebooks
from dlcourse.teach.demo import solved
from dlcourse.teach.grading.nbconfig import CODE_STUB, settings, with_our_bin

LAB = "ps1"
DEADLINE = "2015-02-02T17:00:00-08:00"                # 5 pm in Los Angeles
STAMPS = {"bitdiddle": "2015-02-02 14:58:23.948203 America/Los_Angeles",   # on time
          "hacker": "2015-02-03 10:30:00.000000 America/Los_Angeles"}      # 17.5 hours late
ROSTER = "student_id,name,email\nbitdiddle,Ben Bitdiddle,ben@example.org\nhacker,Alyssa Hacker,alyssa@example.org\n" \
         "carter,Jo Carter,jo@example.org\ndana,Dana Scully,dana@example.org\n"


def _nb(cells):
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return nb


def problem1():
    v4 = nbformat.v4
    return _nb([
        v4.new_markdown_cell("# Problem 1: squares\nWrite two small functions. The tests below each one check "
                             "your answer when you run them (about 10 minutes in all)."),
        v4.new_code_cell('def squares(n):\n    """The squares of 1, 2, ..., n as a list; ValueError for n < 1."""\n'
                         "    ### BEGIN SOLUTION\n    if n < 1:\n        raise ValueError('n must be at least 1')\n"
                         "    return [i ** 2 for i in range(1, n + 1)]\n    ### END SOLUTION\n",
                         metadata=_meta("squares", solution=True, locked=False)),
        # a test cell its author forgot to lock: nbgrader locks it at release
        v4.new_code_cell("assert squares(1) == [1], 'squares(1) should be [1]'\n"
                         "assert squares(3) == [1, 4, 9], 'squares(3) should be [1, 4, 9]'\n",
                         metadata=_meta("correct_squares", grade=True, locked=False, points=1)),
        v4.new_code_cell("try:\n    squares(0)\nexcept ValueError:\n    pass\nelse:\n"
                         "    raise AssertionError('squares(0) should raise a ValueError')\n",
                         metadata=_meta("squares_invalid_input", grade=True, points=1)),
        # a solution cell without '### BEGIN SOLUTION': nbgrader replaces it as a whole
        v4.new_code_cell("def sum_of_squares(n):\n    return sum(squares(n))\n",
                         metadata=_meta("sum_of_squares", solution=True, locked=False)),
        v4.new_code_cell("assert sum_of_squares(3) == 14, 'sum_of_squares(3) should be 1 + 4 + 9 = 14'\n"
                         "### BEGIN HIDDEN TESTS\nassert sum_of_squares(10) == 385\n### END HIDDEN TESTS\n",
                         metadata=_meta("correct_sum_of_squares", grade=True, points=2)),
        v4.new_markdown_cell("In one sentence: what is the sum of the first $n$ squares, as a formula?"),
        v4.new_markdown_cell("It is $n(n+1)(2n+1)/6$.",
                             metadata=_meta("sum_of_squares_equation", grade=True, solution=True, locked=False,
                                            points=1)),
    ])


def problem2():
    v4 = nbformat.v4
    task = _meta("vowels_task", locked=True, points=1)
    task["nbgrader"]["task"] = True
    return _nb([
        v4.new_markdown_cell("# Problem 2: vowels and words (about 10 minutes)"),
        v4.new_markdown_cell("What is Jupyter named after? Answer in a sentence or two.",
                             metadata=_meta("jupyter_intro")),
        v4.new_markdown_cell("Julia, Python and R, the languages it first served.",
                             metadata=_meta("jupyter", grade=True, solution=True, locked=False, points=2)),
        v4.new_code_cell('def count_vowels(text):\n    """How many of the letters a, e, i, o, u (either case) '
                         'are in `text`."""\n    ### BEGIN SOLUTION\n'
                         "    return sum(ch in 'aeiou' for ch in text.lower())\n    ### END SOLUTION\n",
                         metadata=_meta("count_vowels", solution=True, locked=False)),
        v4.new_code_cell("assert count_vowels('Jupyter') == 2, \"'Jupyter' has two vowels (u, e)\"\n"
                         "### BEGIN HIDDEN TESTS\nassert count_vowels('') == 0\nassert count_vowels('AEIOU') == 5\n"
                         "### END HIDDEN TESTS\n", metadata=_meta("correct_count_vowels", grade=True, points=1)),
        v4.new_markdown_cell("**Task** (graded by hand): in the cell below, show `count_vowels` on three words of "
                             "your choice and say in a sentence whether the results surprised you.",
                             metadata=task),
    ])


def header():
    v4 = nbformat.v4
    return _nb([v4.new_markdown_cell("Before you hand this in, restart the kernel and run all cells "
                                     "(*Kernel → Restart & Run All*): every test cell should pass. "
                                     "Fill in your name below."),
                v4.new_code_cell('NAME = ""')])


def write_ps1(folder: Path) -> None:
    """labs/ps1 as a teacher would save it (stored tidy: release has nothing to change in it)."""
    folder.mkdir(parents=True)
    for name, nb in (("problem1", problem1()), ("problem2", problem2()), ("header", header())):
        (folder / f"{name}.ipynb").write_text(notebooks.dumps(notebooks.strip(nb)), encoding="utf-8")


def handins(root: Path) -> dict[str, dict[str, nbformat.NotebookNode]]:
    """{student: {notebook: what they hand in}}, made from the release."""
    out = {}
    for student in ("bitdiddle", "hacker", "carter", "dana"):
        out[student] = {nb: solved(notebooks.read(root / "weeks" / LAB / f"{nb}.ipynb"),
                                   notebooks.read(root / "labs" / LAB / f"{nb}.ipynb"))
                        for nb in ("problem1", "problem2")}
    hacker = out["hacker"]["problem1"]

    def cell(nb, gid):
        return next(c for c in nb.cells if notebooks.nbgrader_meta(c).get("grade_id") == gid)

    cell(hacker, "squares").source = "def squares(n):\n    return [i * i for i in range(1, n + 1)]\n"
    cell(hacker, "correct_squares").source = "pass  # edited away"
    hacker.cells = [c for c in hacker.cells if notebooks.nbgrader_meta(c).get("grade_id") != "squares_invalid_input"]
    cell(out["hacker"]["problem2"], "jupyter").source = "YOUR ANSWER HERE"
    return out


def write_inbox(box: Path, work: dict) -> None:
    """A plain folder per student; renamed copies as students and platforms produce them."""
    names = {"bitdiddle": {"problem1": "problem1 (1).ipynb", "problem2": "problem2.ipynb"},
             "hacker": {"problem1": "problem1.ipynb", "problem2": "problem2-Copy1.ipynb"},
             "carter": {"problem2": "Copy of problem2.ipynb"},           # carter forgot problem1
             "dana": {"problem1": "problem1.ipynb", "problem2": "problem2.ipynb"}}
    for student, files in names.items():
        (box / student).mkdir(parents=True)
        for nb, name in files.items():
            text = notebooks.dumps(work[student][nb])
            if student == "dana" and nb == "problem1":
                text = text[: len(text) // 2]                            # a broken upload
            (box / student / name).write_text(text, encoding="utf-8")
        if student in STAMPS:
            (box / student / "timestamp.txt").write_text(STAMPS[student] + "\n")


def nbgrader_cli(cwd: Path, *args: str) -> None:
    env = with_our_bin(dict(os.environ))   # its kernels run this Python
    done = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *args], cwd=cwd, capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def plain_nbgrader(base: Path, course_root: Path, work: dict) -> str:
    """nbgrader's own course layout (source/ps1, source/header.ipynb), graded by plain `nbgrader autograde`
    with the settings grading/nbgrader_config.py gives it; returns the gradebook URL."""
    (base / "source").mkdir(parents=True)
    shutil.copytree(course_root / "labs" / LAB, base / "source" / LAB, ignore=shutil.ignore_patterns("header.ipynb"))
    shutil.copy(course_root / "labs" / LAB / "header.ipynb", base / "source" / "header.ipynb")
    db = f"sqlite:///{base / 'gradebook.db'}"
    values = settings(labs=base / "source", root=base, release=base / "release", db_url=db)
    values["IncludeHeaderFooter"] = {"header": str(base / "source" / "header.ipynb")}
    del values["KernelManager"]    # how dlcourse's workers reach their kernels, not how anything is scored
    lines = [f"c.{section}.{trait} = {value!r}" for section, traits in values.items() for trait, value in traits.items()]
    (base / "nbgrader_config.py").write_text("c = get_config()  # noqa: F821\n" + "\n".join(lines) + "\n")
    nbgrader_cli(base, "db", "assignment", "add", LAB, "--duedate=2015-02-02 17:00:00 America/Los_Angeles")
    for student in STAMPS:
        nbgrader_cli(base, "db", "student", "add", student)
    nbgrader_cli(base, "generate_assignment", LAB, "--force")
    for student in STAMPS:
        dest = base / "submitted" / student / LAB
        dest.mkdir(parents=True)
        for nb, content in work[student].items():
            (dest / f"{nb}.ipynb").write_text(notebooks.dumps(content), encoding="utf-8")
        (dest / "timestamp.txt").write_text(STAMPS[student] + "\n")
    nbgrader_cli(base, "autograde", LAB, "--force")
    return db


def per_cell(db: str, students) -> tuple[dict, dict]:
    """({(student, notebook, cell): (auto score, needs a human)}, {student: seconds late}) from a gradebook."""
    from nbgrader.api import Gradebook

    cells, late = {}, {}
    with Gradebook(db) as gb:
        for sub in gb.find_assignment(LAB).submissions:
            if sub.student.id not in students:
                continue
            late[sub.student.id] = sub.total_seconds_late
            for nb in sub.notebooks:
                for g in nb.grades:
                    cells[(sub.student.id, nb.name, g.name)] = (g.auto_score, g.needs_manual_grade)
    return cells, late


@pytest.fixture(scope="module")
def ps1(tmp_path_factory):
    """The ps1 course released and graded once with `dlcourse grade`, and once with plain nbgrader."""
    from dlcourse.teach.cli import main

    base = tmp_path_factory.mktemp("ps1")
    root = make_course(base / "course")
    write_ps1(root / "labs" / LAB)
    (root / "grading" / "course.toml").write_text(
        '[course]\nname = "ps1"\nstudent_repository = "https://example.org/tiny"\nrelease_tag = "v0"\n'
        f'timezone = "Europe/Copenhagen"\n[rules]\npass_fraction = 0.5\n[labs.{LAB}]\ndeadline = {DEADLINE}\n')
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLCOURSE_ROOT", str(root))
        mp.delenv("DLCOURSE_CLASS", raising=False)
        mp.chdir(root)
        sources = tree_digest(root / "labs" / LAB)
        assert main(["release"]) == 0
        assert tree_digest(root / "labs" / LAB) == sources, "release rewrote a tidy foreign source"
        work = handins(root)
        write_inbox(base / "inbox", work)
        (root / "grading" / "class").mkdir(parents=True)
        (root / "grading" / "class" / "roster.csv").write_text(ROSTER)
        before = tree_digest(base / "inbox")
        rc = main(["grade", LAB, "--from", str(base / "inbox"), "--workers", "2"])
        assert rc == 0
        assert tree_digest(base / "inbox") == before, "grading changed the teacher's hand-in folder"
        db = plain_nbgrader(base / "plain", root, work)
        yield {"root": root, "class": root / "grading" / "class", "plain_db": db, "mp": mp}


def grades(class_dir: Path) -> dict[str, dict]:
    with (class_dir / "grades.csv").open() as fh:
        return {row["student_id"]: row for row in csv.DictReader(fh) if row["lab"] == LAB}


# ------------------------------------------------------------------ item 2: what nbgrader accepts, at release

def test_release_locks_tests_replaces_whole_solutions_and_includes_the_header(ps1):
    weeks = ps1["root"] / "weeks" / LAB
    assert sorted(p.name for p in weeks.iterdir()) == ["problem1.ipynb", "problem2.ipynb"], "the header is no notebook"
    for name in ("problem1", "problem2"):
        nb = notebooks.read(weeks / f"{name}.ipynb")
        assert nb.cells[0].source.startswith("Before you hand this in"), f"{name}: the header comes first"
        assert nb.cells[1].source == 'NAME = ""'
    p1 = {notebooks.nbgrader_meta(c).get("grade_id"): c for c in notebooks.read(weeks / "problem1.ipynb").cells}
    for gid in ("correct_squares", "squares_invalid_input"):   # the first was left unlocked in the source
        meta = p1[gid].metadata
        assert meta.get("editable") is False and meta.get("deletable") is False, f"{gid} is not locked at release"
    assert p1["sum_of_squares"].source == CODE_STUB, "a solution cell without delimiters is not replaced as a whole"
    assert "return [i ** 2" not in p1["squares"].source and "raise NotImplementedError()" in p1["squares"].source
    assert "It is $n(n+1)" not in p1["sum_of_squares_equation"].source
    assert "385" not in json.dumps(notebooks.read(weeks / "problem1.ipynb")), "a hidden test was released"


def test_release_check_passes_and_the_course_own_rules_stay(ps1, capsys):
    from dlcourse.teach.cli import main

    assert main(["release", "--check"]) == 0
    capsys.readouterr()
    src = ps1["root"] / "labs" / "w01_tiny" / "w01_tiny.ipynb"
    text = src.read_text()
    nb = json.loads(text)
    nb["cells"][3]["metadata"]["nbgrader"]["locked"] = False      # a course lab keeps the course's conventions
    src.write_text(json.dumps(nb))
    try:
        assert main(["release", "w01_tiny"]) == 2
        assert "test cell is not locked" in capsys.readouterr().err
    finally:
        src.write_text(text)


def test_all_problems_of_all_notebooks_at_once(tmp_path, monkeypatch, capsys):
    from dlcourse.teach.cli import main

    root = make_course(tmp_path / "course")
    write_ps1(root / "labs" / LAB)
    for name in ("problem1", "problem2"):
        path = root / "labs" / LAB / f"{name}.ipynb"
        nb = json.loads(path.read_text())
        for c in nb["cells"]:
            if c["metadata"].get("nbgrader", {}).get("grade") or c["metadata"].get("nbgrader", {}).get("task"):
                c["metadata"]["nbgrader"]["points"] = 0
        path.write_text(json.dumps(nb))
    monkeypatch.setenv("DLCOURSE_ROOT", str(root))
    before = tree_digest(root)
    assert main(["release", LAB]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "problem1.ipynb" in err and "problem2.ipynb" in err
    assert err.count("without positive points") == 7, err
    assert tree_digest(root) == before


# ------------------------------------------------------------------ item 1: multi-notebook hand-ins

def test_every_notebook_is_taken_graded_and_summed(ps1):
    g = grades(ps1["class"])
    ben, alyssa, jo = g["bitdiddle"], g["hacker"], g["carter"]
    assert ben["score"] == "5" and ben["max_score"] == "5", ben            # 1 + 1 + 2 in problem1, 1 in problem2
    assert ben["problem1/correct_squares"] == "1" and ben["problem2/correct_count_vowels"] == "1"
    assert alyssa["problem1/correct_squares"] == "1", "the edited test cell was not restored from the source"
    assert alyssa["problem1/squares_invalid_input"] == "0", "the deleted test cell was not restored and run"
    assert alyssa["score"] == "4" and alyssa["problem2/correct_count_vowels"] == "1"
    assert ben["total_max"] == "9", "total_max counts written answers and the task cell"
    # carter handed in problem2 only (as 'Copy of problem2.ipynb'): problem1 is reported missing, problem2 graded
    assert jo["problem2/correct_count_vowels"] == "1" and jo["problem1/correct_squares"] == "0"
    rec = json.loads((ps1["class"] / "results" / LAB / "carter.json").read_text())
    assert rec["missing"] == ["problem1.ipynb"] and "missing: problem1.ipynb (0 points)" in rec["message"]
    dana = g["dana"]     # problem1 is corrupt: it costs its own points, problem2 is graded all the same
    assert dana["problem2/correct_count_vowels"] == "1" and dana["score"] == "1", dana
    taken = ps1["class"] / "submitted" / "bitdiddle" / LAB
    assert sorted(p.name for p in taken.iterdir()) == ["problem1.ipynb", "problem2.ipynb", "timestamp.txt"]
    with (ps1["class"] / "intake" / f"{LAB}.csv").open() as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert rows["bitdiddle"]["notebook"] == "problem1 (1).ipynb; problem2.ipynb" and not rows["bitdiddle"]["problem"]
    assert "not found: problem1.ipynb" in rows["carter"]["notes"]
    assert "problem1.ipynb unusable, scored 0: corrupt notebook JSON" in rows["dana"]["notes"]


def test_every_notebook_is_in_the_formgrader(ps1):
    from nbgrader.api import Gradebook

    db = f"sqlite:///{ps1['class'] / 'gradebook.db'}"
    with Gradebook(db) as gb:
        assert sorted(nb.name for nb in gb.find_assignment(LAB).notebooks) == ["problem1", "problem2"]
        for student in ("bitdiddle", "hacker"):
            for name in ("problem1", "problem2"):
                sub = gb.find_submission_notebook(name, LAB, student)
                assert sub.max_score > 0 and sub.needs_manual_grade, f"{student}/{name} awaits no human"
        assert gb.find_student("bitdiddle").last_name == "Bitdiddle"


# ------------------------------------------------------------------ item 3: the same as plain nbgrader

def test_same_per_cell_scores_and_lateness_as_plain_nbgrader(ps1):
    ours, our_late = per_cell(f"sqlite:///{ps1['class'] / 'gradebook.db'}", STAMPS)
    theirs, their_late = per_cell(ps1["plain_db"], STAMPS)
    assert len(theirs) == 2 * 7 and ours == theirs
    assert our_late == their_late and their_late["bitdiddle"] == 0 and their_late["hacker"] == 17.5 * 3600
    g = grades(ps1["class"])
    assert g["hacker"]["late"] == "true" and g["hacker"]["late_by_hours"] == "17.5"
    assert g["bitdiddle"]["late"] == "false"
    for (student, nb, cell), (score, needs_human) in theirs.items():
        want = "" if needs_human else f"{score or 0:g}"
        assert g[student][f"{nb}/{cell}"] == want, (student, nb, cell)


# ------------------------------------------------------------------ item 4: one score, refreshed

def test_manual_grades_in_the_formgrader_reach_the_total(ps1, capsys):
    from nbgrader.api import Gradebook

    from dlcourse.teach.cli import main

    before = grades(ps1["class"])["bitdiddle"]
    assert before["total"] == "5" and before["problem2/jupyter"] == ""
    with Gradebook(f"sqlite:///{ps1['class'] / 'gradebook.db'}") as gb:
        grade = gb.find_grade("jupyter", "problem2", LAB, "bitdiddle")
        grade.manual_score = 1.5
        grade.needs_manual_grade = False
        task = gb.find_grade("vowels_task", "problem2", LAB, "bitdiddle")
        task.manual_score, task.needs_manual_grade = 1, False
        gb.db.commit()
    assert main(["status"]) == 0
    after = grades(ps1["class"])["bitdiddle"]
    assert after["problem2/jupyter"] == "1.5" and after["total"] == "7.5", after
    assert after["score"] == "5", "the autograded part (what the pass rule uses) changed"
    record = json.loads((ps1["class"] / "results" / LAB / "bitdiddle.json").read_text())
    assert record["cells"]["problem2/jupyter"] is None, "the autograder's record was rewritten"
    capsys.readouterr()


# ------------------------------------------------------------------ intake of multi-notebook hand-ins, by name

@pytest.mark.parametrize("names, taken, missing", [
    (["problem1 (1).ipynb", "problem2-Copy1.ipynb"], {"problem1": "problem1 (1).ipynb",
                                                      "problem2": "problem2-Copy1.ipynb"}, []),
    (["s101_problem1.ipynb", "Copy of Problem2.ipynb", "scratch.ipynb"],
     {"problem1": "s101_problem1.ipynb", "problem2": "Copy of Problem2.ipynb"}, []),
    (["problem1.ipynb", "problem1 (1).ipynb"], {"problem1": "problem1.ipynb"}, ["problem2"]),
    (["problem2.ipynb"], {"problem2": "problem2.ipynb"}, ["problem1"]),
])
def test_notebooks_are_matched_by_name(tmp_path, names, taken, missing):
    from dlcourse.teach.grading.intake import choose_notebooks

    files = []
    for name in names:
        (tmp_path / name).write_text("{}")
        files.append(tmp_path / name)
    got, lost, problem = choose_notebooks(files, LAB, ["problem1", "problem2"])
    assert not problem and {k: v.name for k, v in got.items()} == taken and lost == missing


def test_two_copies_of_one_notebook_are_a_problem_not_a_guess(tmp_path):
    from dlcourse.teach.grading.intake import choose_notebooks

    files = [tmp_path / "problem1 (1).ipynb", tmp_path / "problem1 (2).ipynb", tmp_path / "problem2.ipynb"]
    got, _, problem = choose_notebooks(files, LAB, ["problem1", "problem2"])
    assert not got and "problem1.ipynb (problem1 (1).ipynb, problem1 (2).ipynb)" in problem
    got, lost, problem = choose_notebooks([tmp_path / "notes.ipynb"], LAB, ["problem1", "problem2"])
    assert not got and "none of the lab's notebooks (problem1.ipynb, problem2.ipynb)" in problem


def test_a_platform_download_of_a_multi_notebook_lab_is_taken_whole(tmp_path):
    """Canvas's flat files (one per notebook, each with the platform's prefix, a re-upload as '-1'): one hand-in."""
    from dlcourse.teach.grading import intake

    def marked(n):
        return json.dumps({"cells": [], "metadata": {"n": n}, "nbformat": 4, "nbformat_minor": 5})

    box = tmp_path / "canvas"
    box.mkdir()
    (box / "bitdiddleben_48213_6789012_problem1.ipynb").write_text(marked(1))
    (box / "bitdiddleben_48213_6789012_problem2-1.ipynb").write_text(marked(2))
    (box / "hackeralyssa_LATE_48214_6789013_problem2.ipynb").write_text(marked(3))
    roster = {s: {"student_id": s, "name": n, "email": ""} for s, n in
              (("bitdiddle", "Ben Bitdiddle"), ("hacker", "Alyssa Hacker"))}
    with intake.scan(box, LAB, roster, notebooks=["problem1", "problem2"]) as found:
        by = {h.student_id: h for h in found}
        for h in found:
            if h.ok:
                intake.admit(h, tmp_path / "submitted", LAB)
    assert by["bitdiddle"].taken_names == {"problem1": "problem1.ipynb", "problem2": "problem2-1.ipynb"}
    assert by["hacker"].missing == ["problem1"] and by["hacker"].ok
    got = {str(p.relative_to(tmp_path / "submitted")): p.read_text() for p in (tmp_path / "submitted").rglob("*.ipynb")}
    assert got == {"bitdiddle/ps1/problem1.ipynb": marked(1), "bitdiddle/ps1/problem2.ipynb": marked(2),
                   "hacker/ps1/problem2.ipynb": marked(3)}


def test_a_lab_whose_one_notebook_has_another_name(tmp_path):
    from dlcourse.teach.grading import intake

    box = tmp_path / "box"
    (box / "s1").mkdir(parents=True)
    (box / "s1" / "assignment (1).ipynb").write_text("{}")
    (box / "s1" / "notes.ipynb").write_text("{}")
    with intake.scan(box, "ps9", None, notebooks=["assignment"]) as found:
        (h,) = found
        assert h.ok and h.taken_names == {"assignment": "assignment (1).ipynb"}
        intake.admit(h, tmp_path / "submitted", "ps9")
    assert [p.name for p in (tmp_path / "submitted" / "s1" / "ps9").glob("*.ipynb")] == ["assignment.ipynb"]
