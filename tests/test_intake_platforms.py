"""Intake of learning-platform downloads as teachers really have them: every roster column matches, the
latest attempt is taken, times come from the platform, timestamp.txt, zip entries read in the course's time
zone, and the originals are never changed."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import platform_samples as ps
import pytest

from dlcourse.teach.errors import CourseError
from dlcourse.teach.grading import intake
from dlcourse.teach.grading.times import parse_stamp

UTC = timezone.utc


def digest(path: Path) -> dict[str, str]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def take(source: Path, tmp_path: Path, roster: dict | None, **kw):
    """Scan + admit into a temporary submitted/ folder: (matched by student, unmatched, marker by student)."""
    before = digest(source)
    submitted = tmp_path / "submitted"
    with intake.scan(source, ps.LAB, roster, **kw) as found:
        for h in found:
            if h.ok:
                intake.admit(h, submitted, ps.LAB)
    assert digest(source) == before, "intake changed the teacher's download"
    matched = {h.student_id: h for h in found if h.student_id != "?"}
    unmatched = [h for h in found if h.student_id == "?"]
    markers = {p.parts[-3]: ps.marker_of(p) for p in submitted.glob(f"*/{ps.LAB}/{ps.LAB}.ipynb")}
    return matched, unmatched, markers


def stamp_of(tmp_path: Path, sid: str) -> datetime:
    return parse_stamp((tmp_path / "submitted" / sid / ps.LAB / "timestamp.txt").read_text())


@pytest.fixture
def roster(tmp_path) -> dict:
    return intake.read_roster(ps.write_roster(tmp_path / "roster.csv"))


def test_moodle(tmp_path, roster):
    matched, unmatched, markers = take(ps.moodle(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers == {"s101": "s101", "s102": "s102", "s104": "s104"}
    assert matched["s101"].platform == "Moodle" and not matched["s101"].notes, "online text is no second hand-in"
    assert matched["s102"].taken_name == f"Copy of {ps.LAB} (1).ipynb"
    assert "no notebook" in matched["s103"].problem and "onlinetext.html" in matched["s103"].problem
    # zone-less zip time 23:30 read in Copenhagen (CEST, +02:00), not UTC
    assert matched["s101"].submitted_at == datetime(2026, 9, 14, 21, 30, tzinfo=UTC)
    assert matched["s101"].time_source == "zip entry"
    assert stamp_of(tmp_path, "s101") == datetime(2026, 9, 14, 21, 30, tzinfo=UTC)
    assert len(unmatched) == 2 and {h.origin.split("_")[0] for h in unmatched} == {"Max Mustermann", "Erika Musterfrau"}
    assert all("unknown student" in h.problem for h in unmatched)


def test_moodle_platform_id_column_wins(tmp_path, roster):
    roster["s105"]["moodle_id"] = "1034525"     # 'Max Mustermann' is Wei Li's Moodle account
    matched, unmatched, markers = take(ps.moodle(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers["s105"] == "max" and len(unmatched) == 1


def test_canvas(tmp_path, roster):
    matched, unmatched, markers = take(ps.canvas(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers == {"s101": "s101", "s102": "s102", "s103": "s103", "s104": "s104"}
    assert "late" in matched["s102"].notes and not matched["s102"].problem
    assert matched["s103"].taken_name == f"{ps.LAB}-1.ipynb"
    assert matched["s101"].submitted_at == datetime(2026, 9, 14, 21, 30, tzinfo=UTC)
    assert len(unmatched) == 2 and len({h.origin for h in unmatched}) == 2


def test_blackboard_latest_attempt_and_receipt_name(tmp_path, roster):
    matched, unmatched, markers = take(ps.blackboard(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers == {"s101": "s101", "s102": "s102", "s104": "s104"}
    h = matched["s101"]
    assert h.platform == "Blackboard" and h.time_source == "Blackboard record"
    assert h.submitted_at == datetime(2026, 9, 14, 21, 30, tzinfo=UTC)     # the name's time, in Copenhagen
    assert "1 other attempt" in h.notes and "2026-09-08" in h.notes and not h.problem
    assert matched["s104"].matched_by == "name"      # username unknown, the receipt's name matched
    assert [u.origin for u in unmatched] == [f"Week 2 Lab_ghost7_attempt_2026-09-14-08-00-00_{ps.LAB}.ipynb"]


def test_blackboard_without_roster_keeps_usernames(tmp_path):
    matched, unmatched, markers = take(ps.blackboard(tmp_path / "dl"), tmp_path, None, tz=ps.TZ)
    assert set(markers) == {"jnunez", "s102", "mdubois2", "ghost7"} and markers["jnunez"] == "s101"


def test_brightspace(tmp_path, roster):
    matched, unmatched, markers = take(ps.brightspace(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers == {"s101": "s101", "s105": "s105"} and not unmatched, "index.html is no hand-in"
    assert matched["s101"].submitted_at == datetime(2026, 9, 14, 21, 30, tzinfo=UTC)
    assert matched["s105"].submitted_at == datetime(2026, 9, 14, 22, 5, tzinfo=UTC)
    assert "1 other attempt" in matched["s101"].notes


def test_zip_collect_archive_plus_loose_late_files(tmp_path, roster):
    matched, unmatched, markers = take(ps.zip_collect(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers == {"s101": "s101", "s102": "s102"} and not unmatched
    assert matched["s102"].submitted_at == datetime(2026, 9, 16, 6, 0, tzinfo=UTC)
    assert "1 other attempt" in matched["s102"].notes


def test_plain_folders_by_id_name_email(tmp_path, roster):
    matched, unmatched, markers = take(ps.plain(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers == {"s101": "s101", "s102": "s102", "s103": "s103", "s104": "s104"} and not unmatched
    assert matched["s101"].time_source == "timestamp.txt"
    assert matched["s101"].submitted_at == datetime(2026, 9, 14, 21, 3, tzinfo=UTC)   # 14:03 PDT
    assert matched["s104"].submitted_at == datetime(2026, 9, 14, 21, 30, tzinfo=UTC)


def test_ambiguous_names_are_reported_not_guessed(tmp_path):
    rows = ps.ROSTER + [{"student_id": "s106", "name": "Anna Berg", "email": "anna.berg2@student.uni.dk",
                         "blackboard_username": ""}]
    roster = intake.read_roster(ps.write_roster(tmp_path / "roster.csv", rows))
    matched, unmatched, markers = take(ps.canvas(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert "s102" not in markers and "s106" not in markers
    amb = [h for h in unmatched if h.candidates]
    assert len(amb) == 1 and amb[0].candidates == ["s102", "s106"] and "ambiguous" in amb[0].problem
    roster["s102"]["canvas_id"] = "48214"      # the platform's id column settles it
    matched, unmatched, markers = take(ps.canvas(tmp_path / "dl"), tmp_path, roster, tz=ps.TZ)
    assert markers["s102"] == "s102"


@pytest.mark.parametrize("build", [ps.moodle, ps.canvas, ps.brightspace])
def test_names_only_without_roster_are_refused(tmp_path, build):
    with pytest.raises(CourseError) as err:
        with intake.scan(build(tmp_path / "dl"), ps.LAB, None, tz=ps.TZ):
            pass
    msg = str(err.value)
    assert "roster" in msg and "id pattern" in msg and "\n" not in msg


def test_explicit_id_pattern_without_roster(tmp_path):
    matched, unmatched, markers = take(ps.moodle(tmp_path / "dl"), tmp_path, None, tz=ps.TZ,
                                       id_pattern=r"_(?P<id>\d+)_assignsubmission")
    assert markers["1034521"] == "s101" and len(markers) == 5
    with pytest.raises(CourseError, match="named group 'id'"):
        with intake.scan(tmp_path / "dl", ps.LAB, None, id_pattern=r"\d+"):
            pass


def test_rerun_with_corrected_time_updates_stamp(tmp_path, roster):
    source = ps.plain(tmp_path / "dl")
    take(source, tmp_path, roster, tz="UTC")
    first = stamp_of(tmp_path, "s104")
    take(source, tmp_path, roster, tz=ps.TZ)
    assert stamp_of(tmp_path, "s104") == datetime(2026, 9, 14, 21, 30, tzinfo=UTC) != first


@pytest.mark.parametrize("text, expected", [
    ("2026-09-14 21:03:00.000000 UTC", datetime(2026, 9, 14, 21, 3, tzinfo=UTC)),
    ("2026-09-14 14:03:00.000000 America/Los_Angeles", datetime(2026, 9, 14, 21, 3, tzinfo=UTC)),
    ("2026-09-14T23:30:00+02:00", datetime(2026, 9, 14, 21, 30, tzinfo=UTC)),
    ("2026-09-14 23:30:00", datetime(2026, 9, 14, 21, 30, tzinfo=UTC)),       # zone-less: the course's zone
    ("2026-09-14-23-30-00", datetime(2026, 9, 14, 21, 30, tzinfo=UTC)),
    ("not a time", None),
])
def test_parse_stamp(text, expected):
    assert parse_stamp(text, ps.TZ) == expected


def test_moodle_download_graded_end_to_end(tiny, tmp_path, capsys):
    """`dlcourse grade LAB --from moodle.zip` with a name-only roster: grades match the hand-ins."""
    import csv

    from test_grading import read_grades, solved_with
    from tiny_course import LAB

    from dlcourse.teach.cli import main

    toml = tiny / "grading" / "course.toml"
    toml.write_text(toml.read_text().replace("[course]\n", '[course]\ntimezone = "Europe/Copenhagen"\n', 1))
    good = solved_with(tiny)
    f, t = "assignsubmission_file_", "assignsubmission_onlinetext_"
    when = (2026, 9, 14, 23, 30, 0)
    download = ps.write_zip(tmp_path / "moodle.zip", [
        (f"José Núñez-García_1034521_{f}/{LAB}.ipynb", good, when),
        (f"José Núñez-García_1034521_{t}/onlinetext.html", "<p>done</p>", when),
        (f"Anna Berg_1034522_{f}/Copy of {LAB}.ipynb", good.replace("return a + b", "return a - b"), when),
        (f"Søren Østergård_1034523_{t}/onlinetext.html", "<p>no file</p>", when),
        (f"Max Mustermann_1034525_{f}/{LAB}.ipynb", good, when),
        (f"Erika Musterfrau_1034526_{f}/{LAB}.ipynb", good, when),
    ])
    roster = ps.write_roster(tmp_path / "roster.csv")
    before = digest(download)
    assert main(["grade", LAB, "--from", str(download), "--roster", str(roster), "--workers", "2"]) == 0
    assert digest(download) == before
    out = capsys.readouterr().out
    grades = read_grades(tiny / "grading" / "class")
    assert grades["s101"]["score"] == "3" and grades["s102"]["score"] == "2"
    assert grades["s101"]["late"] == "false"
    with (tiny / "grading" / "class" / "intake" / f"{LAB}.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    unknown = [r for r in rows if r["student_id"] == "?"]
    assert len(unknown) == 2 and len({r["origin"] for r in unknown}) == 2
    s101 = next(r for r in rows if r["student_id"] == "s101")
    assert s101["submitted_at"].startswith("2026-09-14T23:30:00+02:00")
    assert "intake: 2 notebooks taken" in out


def test_plain_names_without_roster_are_not_cut_to_first_names(tmp_path):
    matched, unmatched, markers = take(ps.plain(tmp_path / "dl"), tmp_path, None, tz=ps.TZ)
    assert set(markers) == {"s101", "sost@student.uni.dk"}
    assert sorted(h.origin for h in unmatched) == ["Anna Berg", "Dubois Marie-Claire.zip"]
    assert all("add a roster" in h.problem for h in unmatched)
