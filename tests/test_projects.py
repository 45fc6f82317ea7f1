"""`dlcourse projects`: the catalogue (validation, rendering), the allocation (optimality against a brute force,
reproducibility, bad inputs) and the LaTeX templates (compiled with pdflatex when it is installed)."""
from __future__ import annotations

import csv
import itertools
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dlcourse.teach.cli import main
from dlcourse.teach.errors import CourseError
from dlcourse.teach.projects import allocate, catalogue, render

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = ROOT / "projects"
TEMPLATES = PROJECTS / "templates"


@pytest.fixture(autouse=True)
def _no_class_folder(tmp_path, monkeypatch):
    """No test reads the teacher's real class folder (roster.csv, status.csv)."""
    monkeypatch.setenv("DLCOURSE_CLASS", str(tmp_path / "no-class"))


def run(capsys, *argv):
    rc = main(["projects", *argv])
    out = capsys.readouterr()
    return rc, out.out, out.err


# ------------------------------------------------------------------ catalogue

def test_example_catalogue_is_valid_and_complete():
    cat = catalogue.load(PROJECTS / "catalogue.toml")
    proposals = [p for p in cat.projects.values() if p.kind != "own"]
    assert len(proposals) >= 12, "the example catalogue needs at least 12 proposals"
    assert any(p.kind == "own" for p in cat.projects.values()), "a bring-your-own entry is missing"
    needed = {"generative", "rl", "active", "multimodal", "selfsup", "xai", "probabilistic", "knowledge", "sustainable"}
    covered = {t for p in proposals for t in p.themes}
    assert needed <= covered, f"themes without a proposal: {sorted(needed - covered)}"
    for s in cat.supervisors.values():  # placeholders only: no real person's address
        assert re.search(r"@example\.(org|com|net)$", s.contact), f"{s.id}: contact must be a placeholder address"


def test_rendered_catalogue_is_up_to_date():
    cat = catalogue.load(PROJECTS / "catalogue.toml")
    assert render.stale(cat, PROJECTS) == [], "run `dlcourse projects render` and commit projects/README.md and catalogue.html"


def test_rendering_shows_every_proposal_and_is_self_contained():
    cat = catalogue.load(PROJECTS / "catalogue.toml")
    md, page = render.markdown(cat), render.html_page(cat)
    for p in cat.projects.values():
        assert f"`{p.id}`" in md and f"## {p.title}" in md
        assert f'id="{p.id}"' in page
    assert "<script" not in page and "<link" not in page and "src=" not in page  # nothing fetched from elsewhere


GOOD = """
[term]
name = "t"
[themes]
gen = "Generative"
[[supervisor]]
id = "s1"
name = "S One"
affiliation = "Dept"
contact = "s1@example.org"
max_groups = 2
"""


def project(pid, **over):
    entry = {"id": pid, "title": f"Title {pid}", "supervisors": ["s1"], "kind": "internal", "themes": ["gen"],
             "description": "Text.", "data": "available", "prerequisites": [], "capacity": 2}
    entry.update(over)
    lines = ["[[project]]"]
    for k, v in entry.items():
        if v is None:
            continue
        lines.append(f"{k} = " + (f'"{v}"' if isinstance(v, str) else str(v).replace("'", '"')))
    return "\n".join(lines) + "\n"


def test_each_bad_catalogue_entry_gets_one_line_naming_it(tmp_path, capsys):
    text = GOOD + project("ok") + project("ok") + project("nocap", capacity=None) + project("zero", capacity=0) \
        + project("theme", themes=["nope"]) + project("who", supervisors=["ghost"])
    path = tmp_path / "catalogue.toml"
    path.write_text(text)
    rc, out, err = run(capsys, "render", "--catalogue", str(path))
    assert rc == 2
    lines = err.strip().splitlines()[1:]
    assert len(lines) == 5, err
    assert "project 'ok'" in lines[0] and "duplicate id" in lines[0]
    assert "project 'nocap'" in lines[1] and "missing field(s) capacity" in lines[1]
    assert "project 'zero'" in lines[2] and "capacity must be an integer >= 1" in lines[2]
    assert "project 'theme'" in lines[3] and "unknown theme(s) nope" in lines[3]
    assert "project 'who'" in lines[4] and "unknown supervisor(s) ghost" in lines[4]
    assert not (tmp_path / "README.md").exists(), "nothing may be written for a bad catalogue"


def test_render_check_fails_when_stale(tmp_path, capsys):
    path = tmp_path / "catalogue.toml"
    path.write_text(GOOD + project("alpha") + project("beta"))
    rc, _, err = run(capsys, "render", "--catalogue", str(path), "--check")
    assert rc == 2 and "README.md" in err and "catalogue.html" in err
    assert run(capsys, "render", "--catalogue", str(path))[0] == 0
    assert run(capsys, "render", "--catalogue", str(path), "--check")[0] == 0
    path.write_text(GOOD + project("alpha") + project("beta", title="A new title"))
    rc, _, err = run(capsys, "render", "--catalogue", str(path), "--check")
    assert rc == 2 and "stale" in err


# ------------------------------------------------------------------ allocation: optimality

def brute_force(groups, capacity, sups, max_groups):
    """The best profile (unallocated, then -count at rank 1, rank 2, ...) by trying every assignment."""
    ranks = max(len(g[1]) for g in groups)
    best = None
    for pick in itertools.product(*[[None, *range(len(c))] for _, c in groups]):
        load, sload = {}, {}
        for (_, choices), r in zip(groups, pick):
            if r is not None:
                p = choices[r]
                load[p] = load.get(p, 0) + 1
                for s in sups[p]:
                    sload[s] = sload.get(s, 0) + 1
        if any(n > capacity[p] for p, n in load.items()) or any(n > max_groups.get(s, 99) for s, n in sload.items()):
            continue
        counts = [sum(1 for r in pick if r == k) for k in range(ranks)]
        key = (sum(r is None for r in pick), *(-c for c in counts))
        best = key if best is None or key < best else best
    return best


@st.composite
def instances(draw):
    n_projects = draw(st.integers(1, 4))
    pids = [f"p{i}" for i in range(n_projects)]
    capacity = {p: draw(st.integers(1, 2)) for p in pids}
    sup_ids = [f"s{i}" for i in range(draw(st.integers(1, 3)))]
    sups = {p: tuple(draw(st.lists(st.sampled_from(sup_ids), min_size=1, max_size=2, unique=True))) for p in pids}
    max_groups = {s: draw(st.integers(1, 3)) for s in sup_ids if draw(st.booleans())}
    groups = []
    for g in range(draw(st.integers(1, 6))):
        choices = draw(st.lists(st.sampled_from(pids), min_size=1, max_size=min(3, n_projects), unique=True))
        groups.append((f"g{g}", tuple(choices)))
    return groups, capacity, sups, max_groups


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.integers(0, 3))
def test_allocation_is_optimal_against_brute_force(inst, seed):
    groups, capacity, sups, max_groups = inst
    problem = allocate.Problem(tuple(allocate.Group(n, (f"{n}-a",), c) for n, c in groups), capacity, sups, max_groups)
    result = allocate.solve(problem, seed=seed)
    # feasibility, checked here independently of the package
    load, sload = {}, {}
    for name, choices in groups:
        got = result[name]
        if got:
            project, rank = got
            assert choices[rank - 1] == project, "the rank must be the position of the project in the group's choices"
            load[project] = load.get(project, 0) + 1
            for s in sups[project]:
                sload[s] = sload.get(s, 0) + 1
    assert all(n <= capacity[p] for p, n in load.items()), "a project is over capacity"
    assert all(n <= max_groups.get(s, 99) for s, n in sload.items()), "a supervisor is over max_groups"
    ranks = max(len(c) for _, c in groups)
    counts = [sum(1 for v in result.values() if v and v[1] == k + 1) for k in range(ranks)]
    got_key = (sum(v is None for v in result.values()), *(-c for c in counts))
    assert got_key == brute_force(groups, capacity, sups, max_groups), "not optimal (fewest left out, then rank-maximal)"


def test_ties_follow_the_seed_and_everything_else_is_fixed():
    # four groups all want p0 first and p1 second, one place each: two get p0, two get p1, who depends on the seed
    groups = tuple(allocate.Group(f"g{i}", (f"s{i}",), ("p0", "p1")) for i in range(4))
    problem = allocate.Problem(groups, {"p0": 2, "p1": 2}, {"p0": ("a",), "p1": ("b",)}, {})
    seen = set()
    for seed in range(12):
        result = allocate.solve(problem, seed=seed)
        assert sorted(v[1] for v in result.values()) == [1, 1, 2, 2]
        assert result == allocate.solve(problem, seed=seed)
        seen.add(tuple(sorted(n for n, v in result.items() if v[1] == 1)))
    assert len(seen) > 1, "different seeds never break the tie differently"


# ------------------------------------------------------------------ allocation: the command

CATALOGUE = GOOD + """
[[supervisor]]
id = "s2"
name = "S Two"
affiliation = "Dept"
contact = "s2@example.org"
""" + project("alpha", capacity=1) + project("beta", capacity=1, supervisors=["s2"]) \
    + project("gamma", capacity=2, supervisors=["s2"])


def write_csv(path, header, rows):
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


HEADER = ["group", "members", "choice_1", "choice_2", "choice_3"]
ROWS = [["Team A", "s1 s2", "alpha", "beta", ""], ["Team B", "s3;s4", "alpha", "gamma", "beta"],
        ["Team C", "s5", "beta", "", ""], ["Team D", "s6 s7", "gamma", "alpha", ""]]


@pytest.fixture
def setup(tmp_path):
    cat = tmp_path / "catalogue.toml"
    cat.write_text(CATALOGUE)
    return tmp_path, cat


def allocate_cli(capsys, tmp, cat, rows, *extra, header=HEADER):
    choices = write_csv(tmp / "choices.csv", header, rows)
    out = tmp / "allocation.csv"
    rc, stdout, err = run(capsys, "allocate", "--choices", str(choices), "--out", str(out), "--catalogue", str(cat),
                          *extra)
    return rc, stdout, err, out


def test_allocate_writes_the_allocation_and_a_summary(setup, capsys):
    tmp, cat = setup
    rc, stdout, err, out = allocate_cli(capsys, tmp, cat, ROWS)
    assert rc == 0, err
    rows = list(csv.DictReader(out.open()))
    assert [r["group"] for r in rows] == ["Team A", "Team B", "Team C", "Team D"]
    assert rows[1]["members"] == "s3 s4"
    got = {r["group"]: (r["project"], r["rank"]) for r in rows}
    # s2 has no limit; alpha and beta take one group each, gamma two: everyone fits, three first choices at most
    assert all(p for p, _ in got.values())
    assert sorted(r for _, r in got.values()).count("1") == 3
    assert "1st choice:" in stdout and "project load" in stdout and "supervisor load" in stdout


def test_supervisor_max_groups_is_respected(setup, capsys):
    tmp, cat = setup
    cat.write_text(CATALOGUE.replace('contact = "s2@example.org"', 'contact = "s2@example.org"\nmax_groups = 1'))
    rc, stdout, err, out = allocate_cli(capsys, tmp, cat, ROWS)
    assert rc == 0, err
    rows = list(csv.DictReader(out.open()))
    assert sum(r["project"] in ("beta", "gamma") for r in rows) == 1
    assert sum(not r["project"] for r in rows) == 2
    assert "left out: 2" in stdout and "at max_groups" in stdout


def test_same_seed_same_bytes(setup, capsys):
    tmp, cat = setup
    rows = [[f"G{i}", f"x{i}", "alpha", "beta", "gamma"] for i in range(6)]
    outputs = set()
    for _ in range(3):
        rc, _, err, out = allocate_cli(capsys, tmp, cat, rows, "--seed", "7")
        assert rc == 0, err
        outputs.add(out.read_bytes())
    assert len(outputs) == 1, "the same inputs and seed must give the same file, byte for byte"


@pytest.mark.parametrize("rows, message", [
    ([["Team A", "s1", "alpha", "nope", ""]], "line 2, group 'Team A': choice_2 is unknown project id 'nope'"),
    ([["Team A", "s1", "alpha", "", ""], ["Team B", "s1 s2", "beta", "", ""]],
     "line 3, group 'Team B': student s1 is in two groups ('Team A' and 'Team B')"),
    ([["Team A", "s1", "alpha", "", ""], ["Team A", "s2", "beta", "", ""]],
     "line 3, group 'Team A': duplicate group (also on line 2)"),
    ([["Team A", "s1", "", "", ""]], "line 2, group 'Team A': empty choices"),
    ([["Team A", "s1", "alpha", "alpha", ""]], "line 2, group 'Team A': choice_2 repeats project 'alpha'"),
    ([["Team A", "", "alpha", "", ""]], "line 2, group 'Team A': no members"),
], ids=["unknown-project", "student-in-two-groups", "duplicate-group", "empty-choices", "repeated-choice",
        "no-members"])
def test_bad_choices_give_one_line_and_write_nothing(setup, capsys, rows, message):
    tmp, cat = setup
    rc, stdout, err, out = allocate_cli(capsys, tmp, cat, rows)
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "nothing was written" in lines[0], err
    assert lines[1].strip() == message or lines[1].strip().startswith(message), err
    assert not out.exists()


def test_unknown_student_when_a_roster_exists(setup, capsys):
    tmp, cat = setup
    (tmp / "no-class").mkdir()  # the class folder of the autouse fixture: its roster.csv is read by default
    write_csv(tmp / "no-class" / "roster.csv", ["student_id", "name"], [[f"s{i}", f"N{i}"] for i in range(1, 7)])
    rc, _, err, out = allocate_cli(capsys, tmp, cat, ROWS)
    assert rc == 2 and "student s7 is not in the roster" in err and not out.exists()
    assert len(err.strip().splitlines()) == 2, err


def test_missing_columns(setup, capsys):
    tmp, cat = setup
    rc, _, err, out = allocate_cli(capsys, tmp, cat, [["A", "s1"]], header=["team", "members"])
    assert rc == 2 and "lacks column(s) group, choice_1" in err and not out.exists()


def test_ineligible_groups_are_left_out_unless_ignored(setup, capsys):
    tmp, cat = setup
    status = write_csv(tmp / "status.csv", ["student_id", "w01", "labs_passed", "reviews_done", "project_eligible"],
                       [[f"s{i}", "true", 6, 3, "false" if i == 3 else "true"] for i in range(1, 7)])  # s7 missing
    rc, stdout, err, out = allocate_cli(capsys, tmp, cat, ROWS, "--status", str(status))
    assert rc == 0, err
    rows = {r["group"]: r for r in csv.DictReader(out.open())}
    assert rows["Team B"]["project"] == "" and rows["Team D"]["project"] == ""
    assert "Team B (s3 s4): not eligible: s3 has not passed enough labs" in stdout
    assert "Team D (s6 s7): not eligible: s7 is not in status.csv" in stdout
    rc, stdout, err, out = allocate_cli(capsys, tmp, cat, ROWS, "--status", str(status), "--ignore-eligibility")
    assert rc == 0
    assert all(r["project"] for r in csv.DictReader(out.open()))
    assert "--ignore-eligibility" in err


def test_catalogue_parse_errors_are_course_errors():
    with pytest.raises(CourseError, match="no \\[\\[project\\]\\] entries"):
        catalogue.parse(tomllib.loads(GOOD))


# ------------------------------------------------------------------ templates

def test_code_repository_starter():
    import nbformat

    starter = TEMPLATES / "code_repository"
    nb = nbformat.read(starter / "reproduce_results.ipynb", as_version=4)
    nbformat.validate(nb)
    assert any(c.cell_type == "code" for c in nb.cells)
    assert (starter / "environment.yml").read_text().startswith("#")
    assert "reproduce_results.ipynb" in (starter / "README.md").read_text()
    for name in ("synopsis.md", "synopsis.tex", "report.tex", "report.bib", "poster.tex"):
        assert (TEMPLATES / name).exists(), name


def _pdflatex(folder: Path, name: str, bibtex: bool = False) -> Path:
    cmd = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name]
    for step in range(3 if bibtex else 2):
        done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{name}.tex does not compile:\n{done.stdout[-3000:]}"
        if bibtex and step == 0:
            bib = subprocess.run(["bibtex", name], cwd=folder, capture_output=True, text=True, timeout=120)
            assert bib.returncode == 0, f"bibtex {name} failed:\n{bib.stdout[-2000:]}"
    log = (folder / f"{name}.log").read_text(errors="replace")
    assert "Citation" not in log or "undefined" not in log, f"{name}: undefined citations"
    return folder / f"{name}.pdf"


def _page_sizes_pt(pdf: Path) -> list[tuple[float, float]]:
    """Every page's MediaBox (width, height) in points, read from the PDF (pdfinfo when installed)."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
        return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
    return [(float(c) - float(a), float(d) - float(b)) for a, b, c, d in boxes]


needs_tex = pytest.mark.skipif(not shutil.which("pdflatex") or not shutil.which("bibtex"),
                               reason="pdflatex/bibtex not installed: apt-get install texlive-latex-base "
                                      "texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended "
                                      "texlive-pictures (CI installs them)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    for f in TEMPLATES.iterdir():
        if f.is_file():
            shutil.copy(f, folder)
    return folder


@needs_tex
def test_poster_is_a1_portrait(built):
    pdf = _pdflatex(built, "poster")
    sizes = _page_sizes_pt(pdf)
    assert len(sizes) == 1, f"the poster must be one page, it has {len(sizes)}"
    w, h = sizes[0]
    mm = 25.4 / 72
    assert abs(w * mm - 594) < 2 and abs(h * mm - 841) < 2, f"poster is {w * mm:.0f} x {h * mm:.0f} mm, not A1 portrait"


@needs_tex
def test_report_compiles_and_body_fits_six_pages(built):
    pdf = _pdflatex(built, "report", bibtex=True)
    aux = (built / "report.aux").read_text()
    m = re.search(r"\\newlabel\{body-end\}\{\{[^}]*\}\{(\d+)\}", aux)
    assert m, "report.tex lost its \\label{body-end} before the bibliography"
    assert int(m.group(1)) <= 6, f"the report's body runs to page {m.group(1)}: at most 6 pages plus references"
    assert len(_page_sizes_pt(pdf)) >= 1
    assert "kingma2014vae" in (built / "report.bbl").read_text(), "the bibliography is empty"


@needs_tex
def test_synopsis_is_at_most_one_page(built):
    pdf = _pdflatex(built, "synopsis")
    assert len(_page_sizes_pt(pdf)) == 1, "the synopsis template must fit on one page"
