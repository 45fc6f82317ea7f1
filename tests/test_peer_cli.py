"""`dlcourse peer ...` end to end: files in, files out, exit codes, nothing written on bad input."""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlcourse.teach.errors import CourseError
from dlcourse.teach.peer.cli import register
from dlcourse.teach.peer.reviews import reviews_done


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A scratch folder outside any course repository, with a class of 30 in pairs."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DLCOURSE_ROOT", raising=False)
    monkeypatch.delenv("DLCOURSE_CLASS", raising=False)
    students = [f"s{i:02d}" for i in range(30)]
    write(tmp_path / "subs.csv", "student_id\n" + "\n".join(students) + "\n")
    write(tmp_path / "groups.csv", "student_id,group\n" + "\n".join(f"{s},g{i // 2}" for i, s in enumerate(students)))
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run like the `dlcourse` entry point does: CourseError -> one line on stderr, exit 2."""
    parser = argparse.ArgumentParser(prog="dlcourse")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        rc = int(args.run(args) or 0)
    except CourseError as err:
        print(f"dlcourse {args.command}: error: {err}", file=sys.stderr)
        rc = 2
    out, err = capsys.readouterr()
    return rc, out, err


def rows(path: Path) -> list[dict]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_same_seed_same_bytes_other_seed_other_file(work, capsys):
    base = ["peer", "assign", "w01", "--submitters", "subs.csv", "--groups", "groups.csv"]
    assert cli(base + ["--seed", "7", "--out", "a.csv"], capsys)[0] == 0
    assert cli(base + ["--seed", "7", "--out", "b.csv"], capsys)[0] == 0
    assert cli(base + ["--seed", "8", "--out", "c.csv"], capsys)[0] == 0
    a, b, c = ((work / f).read_bytes() for f in ("a.csv", "b.csv", "c.csv"))
    assert a == b and a != c
    lines = a.decode().splitlines()
    assert lines[0] == "lab,reviewer_id,author_id" and len(lines) == 1 + 30 * 3
    assert lines[1:] == sorted(lines[1:])
    rc, out, _ = cli(["peer", "verify", "a.csv", "--groups", "groups.csv"], capsys)
    assert rc == 0 and "OK" in out


def test_same_bytes_in_separate_processes_with_other_string_hashing(work):
    """Python salts str hashes per process; the output must not depend on that."""
    script = ("import sys; from dlcourse.teach.peer.cli import register; import argparse; p = argparse.ArgumentParser(); "
              "register(p.add_subparsers(dest='command')); a = p.parse_args(sys.argv[1:]); a.run(a)")
    src = str(Path(__file__).resolve().parents[1] / "src")
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": src}
        subprocess.run([sys.executable, "-c", script, "peer", "assign", "w01", "--submitters", "subs.csv",
                        "--groups", "groups.csv", "--out", f"p{hash_seed}.csv"], env=env, check=True,
                       capture_output=True, cwd=work)
        outputs.append((work / f"p{hash_seed}.csv").read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == 91


def test_summary_names_every_deviation(work, capsys):
    write(work / "three.csv", "student_id\na\nb\nc\n")
    rc, out, _ = cli(["peer", "assign", "w01", "--submitters", "three.csv", "--out", "o.csv"], capsys)
    assert rc == 0
    assert "reviews per hand-in: min 2, max 2" in out and "deviations from k=3: 3" in out
    for sid in "abc":
        assert f"    {sid}: reviews 2, gets 2 reviewer(s): only 2 other student(s)" in out


def test_history_is_avoided_and_counted(work, capsys):
    base = ["peer", "assign", "{lab}", "--submitters", "subs.csv", "--groups", "groups.csv", "--history", "hist"]
    (work / "hist").mkdir()
    for week in (1, 2, 3):
        argv = [part.format(lab=f"w{week:02d}") for part in base] + ["--out", f"hist/w{week:02d}.csv"]
        rc, out, _ = cli(argv, capsys)
        assert rc == 0 and "repeats from history: 0" in out
    earlier = {(r["reviewer_id"], r["author_id"]) for week in (1, 2) for r in rows(work / f"hist/w{week:02d}.csv")}
    third = {(r["reviewer_id"], r["author_id"]) for r in rows(work / "hist/w03.csv")}
    assert not earlier & third


def test_submitters_default_to_graded_hand_ins(work, capsys):
    write(work / "class" / "grades.csv", "student_id,lab,score,max_score,passed,late,cell1\n"
          + "".join(f"s{i:02d},w01,3,4,True,False,1\n" for i in range(6)) + "s99,w02,1,4,False,False,0\n")
    rc, out, _ = cli(["peer", "assign", "w01", "--class-dir", "class", "-k", "2", "--out", "o.csv"], capsys)
    assert rc == 0
    assert {r["reviewer_id"] for r in rows(work / "o.csv")} == {f"s{i:02d}" for i in range(6)}


BAD_INPUTS = {
    "missing column": ("bad.csv", "id\ns1\ns2\n", ["--submitters", "bad.csv"], "lacks column"),
    "empty file": ("bad.csv", "", ["--submitters", "bad.csv"], "is empty"),
    "duplicate student": ("bad.csv", "student_id\ns1\ns2\ns1\n", ["--submitters", "bad.csv"], "appears twice"),
    "two groups": ("bad.csv", "student_id,group\ns00,g1\ns00,g2\n", ["--submitters", "subs.csv", "--groups",
                                                                     "bad.csv"], "two groups"),
    "k zero": (None, None, ["--submitters", "subs.csv", "-k", "0"], "at least one"),
    "k too large": (None, None, ["--submitters", "subs.csv", "-k", "31"], "larger than possible"),
    "missing file": (None, None, ["--submitters", "nope.csv"], "not found"),
    "missing history": (None, None, ["--submitters", "subs.csv", "--history", "nope"], "not found"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_leaves_the_output_alone(work, capsys, case):
    name, text, options, message = BAD_INPUTS[case]
    if name:
        write(work / name, text)
    out = write(work / "out.csv", "KEEP ME\n")
    before = sorted(os.listdir(work))
    rc, _, err = cli(["peer", "assign", "w01", *options, "--out", "out.csv"], capsys)
    assert rc == 2
    assert len(err.strip().splitlines()) == 1 and message in err and "; " in err
    assert out.read_text() == "KEEP ME\n" and sorted(os.listdir(work)) == before


def test_add_drop_refusals_leave_the_output_alone(work, capsys):
    assert cli(["peer", "assign", "w01", "--submitters", "subs.csv", "--out", "a.csv"], capsys)[0] == 0
    write(work / "late.csv", "student_id\ns03\n")
    out = write(work / "out.csv", "KEEP ME\n")
    rc, _, err = cli(["peer", "add", "w01", "--assignments", "a.csv", "--late", "late.csv", "--out", "out.csv"],
                     capsys)
    assert rc == 2 and "already in the assignment" in err
    rc, _, err = cli(["peer", "drop", "w01", "--assignments", "a.csv", "--students", "zz", "--out", "out.csv"], capsys)
    assert rc == 2 and "unknown student" in err
    rc, _, err = cli(["peer", "drop", "w02", "--assignments", "a.csv", "--students", "s01", "--out", "out.csv"], capsys)
    assert rc == 2 and "is for lab w01" in err
    assert out.read_text() == "KEEP ME\n"


def test_add_and_drop_through_the_cli(work, capsys):
    assert cli(["peer", "assign", "w01", "--submitters", "subs.csv", "--groups", "groups.csv", "--out", "a.csv"],
               capsys)[0] == 0
    write(work / "late.csv", "student_id\nlate1\n")
    rc, out, _ = cli(["peer", "add", "w01", "--assignments", "a.csv", "--late", "late.csv", "--groups", "groups.csv",
                      "--out", "b.csv"], capsys)
    assert rc == 0 and "late1" in (work / "b.csv").read_text()
    assert "reviews per reviewer: min 3, max 4" in out and "(late: late1)" in out
    verify_line = out.strip().splitlines()[-1].split("check it: dlcourse ")[1].split()
    assert cli(verify_line, capsys)[0] == 0                      # the printed verify line passes
    rc, out, _ = cli(["peer", "add", "w01", "--assignments", "a.csv", "--late", "late.csv", "--groups", "groups.csv",
                      "--rebalance", "--out", "c.csv"], capsys)
    assert rc == 0 and "reviews per reviewer: min 3, max 3" in out and out.count("changed pair:") == 3
    rc, out, _ = cli(["peer", "drop", "w01", "--assignments", "a.csv", "--students", "s05", "--groups", "groups.csv",
                      "--out", "d.csv"], capsys)
    assert rc == 0 and not any(r["reviewer_id"] == "s05" for r in rows(work / "d.csv"))
    verify_line = out.strip().splitlines()[-1].split("check it: dlcourse ")[1].split()
    assert cli(verify_line, capsys)[0] == 0


def test_verify_fails_on_a_broken_file(work, capsys):
    assert cli(["peer", "assign", "w01", "--submitters", "subs.csv", "--groups", "groups.csv", "--out", "a.csv"],
               capsys)[0] == 0
    lines = (work / "a.csv").read_text().splitlines()
    reviewer = lines[1].split(",")[1]
    write(work / "bad.csv", "\n".join(lines[:1] + [f"w01,{reviewer},{reviewer}"] + lines[2:]) + "\n")
    rc, out, _ = cli(["peer", "verify", "bad.csv", "--groups", "groups.csv"], capsys)
    assert rc == 1
    violations = [line for line in out.splitlines() if line.startswith("VIOLATION")]
    assert any("reviews themselves" in line for line in violations)
    assert any("instead of 3" in line for line in violations)


def test_import_stores_reviews_and_reviews_done_counts_them(work, capsys):
    assert cli(["peer", "assign", "w01", "--submitters", "subs.csv", "--out", "a.csv"], capsys)[0] == 0
    pairs = [(r["reviewer_id"], r["author_id"]) for r in rows(work / "a.csv")]
    s00 = [p for p in pairs if p[0] == "s00"]
    s01 = [p for p in pairs if p[0] == "s01"]
    write(work / "done.csv", "reviewer_id,author_id,score\n" + "".join(f"{r},{a},4\n" for r, a in s00 + s01[:1]))
    rc, out, _ = cli(["peer", "import", "w01", "done.csv", "--assignments", "a.csv", "--class-dir", "class"], capsys)
    assert rc == 0 and "stored 4 review(s)" in out and "still missing" in out
    stored = work / "class" / "reviews" / "w01.csv"
    assert stored.read_text().splitlines()[0] == "reviewer_id,author_id,score"
    assert reviews_done(work / "class") == {("s00", "w01"): 3, ("s01", "w01"): 1}
    # a re-import replaces the lab's file; a bad one changes nothing
    write(work / "done.csv", "reviewer_id,author_id\n" + "".join(f"{r},{a}\n" for r, a in s01))
    assert cli(["peer", "import", "w01", "done.csv", "--class-dir", "class"], capsys)[0] == 0
    assert reviews_done(work / "class") == {("s01", "w01"): 3}
    before = stored.read_bytes()
    write(work / "stray.csv", "reviewer_id,author_id\ns00,s00\n")
    rc, _, err = cli(["peer", "import", "w01", "stray.csv", "--class-dir", "class"], capsys)
    assert rc == 2 and "own hand-in" in err and stored.read_bytes() == before
    unassigned = next(f"s00,{a}" for a in (f"s{i:02d}" for i in range(1, 30)) if ("s00", a) not in pairs)
    write(work / "stray.csv", f"reviewer_id,author_id\n{unassigned}\n")
    rc, _, err = cli(["peer", "import", "w01", "stray.csv", "--assignments", "a.csv", "--class-dir", "class"], capsys)
    assert rc == 2 and "not assigned" in err and stored.read_bytes() == before
    assert not [p for p in stored.parent.iterdir() if p.name.endswith(".tmp")]


def test_reviews_done_counts_distinct_reviews_per_lab(tmp_path):
    assert reviews_done(tmp_path) == {}
    write(tmp_path / "reviews" / "w01.csv", "reviewer_id,author_id,score\na,b,1\na,b,2\na,c,\nb,a,\n")
    write(tmp_path / "reviews" / "w02.csv", "reviewer_id,author_id,score\na,c,\n")
    assert reviews_done(tmp_path) == {("a", "w01"): 2, ("b", "w01"): 1, ("a", "w02"): 1}


def test_export_formats_and_anonymous_codes(work, capsys):
    write(work / "tiny.csv", "student_id\na\nb\nc\nd\n")
    write(work / "roster.csv", "student_id,name,email,group\na,Ann Lee,ann@x.org,\nb,Bo Ek,bo@x.org,\n"
          "c,Cy Fox,cy@x.org,\nd,Di Hu,di@x.org,\n")
    assert cli(["peer", "assign", "w01", "--submitters", "tiny.csv", "-k", "2", "--out", "a.csv"], capsys)[0] == 0
    assigned = {(r["reviewer_id"], r["author_id"]) for r in rows(work / "a.csv")}
    rc, out, _ = cli(["peer", "export", "a.csv", "--format", "csv", "--roster", "roster.csv"], capsys)
    exported = list(csv.DictReader(out.splitlines()))
    assert rc == 0 and [r["reviewer_id"] for r in exported] == ["a", "b", "c", "d"]
    names = {"a": "Ann Lee", "b": "Bo Ek", "c": "Cy Fox", "d": "Di Hu"}
    for r in exported:
        assert r["email"].endswith("@x.org") and r["count"] == "2"
        assert all(names[a] in r["to_review"] for rv, a in assigned if rv == r["reviewer_id"])
    rc, out, _ = cli(["peer", "export", "a.csv", "--format", "markdown", "--roster", "roster.csv", "--anonymous"],
                     capsys)
    assert rc == 0 and "## Ann Lee (a)" in out
    body = out.split("## Ann Lee (a)")[1].split("##")[0]
    assert not any(name in body for name in names.values()) and body.count("- hand-in H") == 2
    again = cli(["peer", "export", "a.csv", "--format", "markdown", "--roster", "roster.csv", "--anonymous"], capsys)[1]
    assert again == out                                          # stable codes
    rc, _, _ = cli(["peer", "export", "a.csv", "--format", "email", "--roster", "roster.csv", "--out", "mail"], capsys)
    mails = sorted((work / "mail").iterdir())
    assert rc == 0 and [m.name for m in mails] == ["a.eml", "b.eml", "c.eml", "d.eml"]
    text = mails[0].read_text()
    assert "To: Ann Lee <ann@x.org>" in text and "Subject: Peer review for w01" in text
    write(work / "short_roster.csv", "student_id,name,email\na,Ann Lee,ann@x.org\n")
    rc, _, err = cli(["peer", "export", "a.csv", "--format", "csv", "--roster", "short_roster.csv"], capsys)
    assert rc == 2 and "not in the roster" in err


def test_anonymous_codes_depend_on_lab_and_author_only():
    from dlcourse.teach.peer.export import anonymous_code, anonymous_codes
    assert anonymous_code("w01", "a") == anonymous_code("w01", "a") != anonymous_code("w02", "a")
    assert anonymous_code("w01", "a") != anonymous_code("w01", "b")
    assert anonymous_code("w01", "a", salt="secret") != anonymous_code("w01", "a")
    codes = anonymous_codes("w01", [f"s{i}" for i in range(2000)])
    assert len(set(codes.values())) == 2000


def test_lab_names_resolve_inside_a_course_repository(tmp_path, monkeypatch, capsys):
    (tmp_path / "labs" / "w02_ffnn_numpy").mkdir(parents=True)
    (tmp_path / "grading").mkdir()
    monkeypatch.delenv("DLCOURSE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "subs.csv", "student_id\na\nb\nc\nd\n")
    rc, _, _ = cli(["peer", "assign", "2", "--submitters", "subs.csv", "-k", "2", "--out", "a.csv"], capsys)
    assert rc == 0 and {r["lab"] for r in rows(tmp_path / "a.csv")} == {"w02_ffnn_numpy"}
    rc, _, err = cli(["peer", "assign", "w09", "--submitters", "subs.csv", "--out", "b.csv"], capsys)
    assert rc == 2 and "unknown lab" in err and not (tmp_path / "b.csv").exists()


def test_the_dlcourse_entry_point_runs_peer(work, capsys):
    try:
        from dlcourse.teach.cli import main
        main(["--help"])
    except SystemExit:
        pass
    except ModuleNotFoundError as err:                          # another subcommand not written yet
        pytest.skip(f"dlcourse.teach.cli not importable yet: {err}")
    capsys.readouterr()
    assert main(["peer", "assign", "w01", "--submitters", "subs.csv", "--out", "o.csv"]) == 0
    assert main(["peer", "assign", "w01", "--submitters", "subs.csv", "-k", "0", "--out", "p.csv"]) == 2
    assert (work / "o.csv").exists() and not (work / "p.csv").exists()
