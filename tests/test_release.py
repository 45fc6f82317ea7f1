"""`dlcourse release`: deterministic, detects staleness, tidies sources."""
from __future__ import annotations

import json

from tiny_course import LAB

from dlcourse.teach.cli import main


def test_release_is_deterministic_and_check_passes(tiny, capsys):
    nb = tiny / "weeks" / LAB / f"{LAB}.ipynb"
    first = nb.read_bytes()
    assert main(["release"]) == 0
    assert nb.read_bytes() == first
    assert "0 files changed" in capsys.readouterr().out
    assert main(["release", "--check"]) == 0


def test_check_names_stale_and_extra_files(tiny, capsys):
    nb = tiny / "weeks" / LAB / f"{LAB}.ipynb"
    nb.write_text(nb.read_text().replace("YOUR CODE HERE", "edited by hand"))
    (tiny / "weeks" / LAB / "stray.txt").write_text("x")
    assert main(["release", "--check"]) == 1
    out = capsys.readouterr().out
    assert f"weeks/{LAB}/{LAB}.ipynb (out of date)" in out and f"weeks/{LAB}/stray.txt" in out
    assert main(["release"]) == 0
    assert not (tiny / "weeks" / LAB / "stray.txt").exists()
    assert main(["release", "--check"]) == 0


def test_sources_with_outputs_are_stale_then_stripped(tiny, capsys):
    src = tiny / "labs" / LAB / f"{LAB}.ipynb"
    nb = json.loads(src.read_text())
    nb["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hi"}]
    nb["cells"][2]["execution_count"] = 3
    src.write_text(json.dumps(nb))
    assert main(["release", "--check"]) == 1
    assert "source not tidy" in capsys.readouterr().out
    assert main(["release"]) == 0
    assert json.loads(src.read_text())["cells"][2]["outputs"] == []


def test_release_hides_solutions_and_hidden_tests(tiny):
    text = (tiny / "weeks" / LAB / f"{LAB}.ipynb").read_text()
    assert "return a + b" not in text and "add(-1, 1)" not in text and "raise NotImplementedError()" in text


def test_invalid_metadata_is_refused(tiny, capsys):
    src = tiny / "labs" / LAB / f"{LAB}.ipynb"
    nb = json.loads(src.read_text())
    nb["cells"][3]["metadata"]["nbgrader"]["grade_id"] = "add"   # duplicate of the solution cell's id
    src.write_text(json.dumps(nb))
    before = src.read_text()
    assert main(["release"]) == 2
    assert "grade_id 'add' is used twice" in capsys.readouterr().err
    assert src.read_text() == before


def test_a_foreign_lab_keeps_its_own_first_cell(tiny, capsys):
    """A teacher's own lab (not named wNN_): released as nbgrader would, without the course's bootstrap cell."""
    import nbformat

    from tiny_course import tiny_notebook

    nb = tiny_notebook()
    nb.cells[0] = nbformat.v4.new_code_cell("import math  # the teacher's own first cell")
    folder = tiny / "labs" / "ps1"
    folder.mkdir()
    nbformat.write(nb, folder / "ps1.ipynb")
    assert main(["release", "ps1"]) == 0
    released = json.loads((tiny / "weeks" / "ps1" / "ps1.ipynb").read_text())
    assert "".join(released["cells"][0]["source"]).startswith("import math"), "release rewrote the teacher's first cell"
    assert main(["release", "--check"]) == 0
    assert main(["release", "nope"]) == 2
    assert "a lab is a folder labs/<name>/ holding its nbgrader source notebooks" in capsys.readouterr().err
