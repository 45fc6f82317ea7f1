"""Realistic learning-platform downloads, built by the tests: Moodle, Canvas, Blackboard, Brightspace,
nbgrader's zip_collect layout and a plain folder per student. Each notebook carries a marker (who, which
attempt) in its metadata, so a test can tell which one intake took."""
from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

LAB = "w02_ffnn_numpy"
TZ = "Europe/Copenhagen"

ROSTER = [
    # student_id, name, email, extra platform columns
    {"student_id": "s101", "name": "José Núñez-García", "email": "jose.nunez@student.uni.dk",
     "blackboard_username": "jnunez"},
    {"student_id": "s102", "name": "Anna Berg", "email": "anna.berg@student.uni.dk", "blackboard_username": ""},
    {"student_id": "s103", "name": "Søren Østergård", "email": "sost@student.uni.dk", "blackboard_username": ""},
    {"student_id": "s104", "name": "Marie-Claire Dubois", "email": "mcd@student.uni.dk", "blackboard_username": ""},
    {"student_id": "s105", "name": "Wei Li", "email": "wei.li@student.uni.dk", "blackboard_username": ""},
]


def write_roster(path: Path, rows=ROSTER, extra: dict[str, dict] | None = None) -> Path:
    rows = [dict(r, **(extra or {}).get(r["student_id"], {})) for r in rows]
    cols = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, cols)
        w.writeheader()
        w.writerows(rows)
    return path


def notebook(marker: str) -> str:
    return json.dumps({"cells": [], "metadata": {"marker": marker}, "nbformat": 4, "nbformat_minor": 5})


def marker_of(path: Path) -> str:
    return json.loads(path.read_text())["metadata"]["marker"]


def write_zip(path: Path, members: list[tuple[str, str | bytes, tuple]]) -> Path:
    """A zip whose entries carry zone-less clock times (as every zip does): (name, data, date_time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, when in members:
            zf.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return path


def moodle(box: Path) -> Path:
    """'Download all submissions' with folders; online text beside the file folder; two strangers."""
    f, t = "assignsubmission_file_", "assignsubmission_onlinetext_"
    return write_zip(box / "DL-2026-W02 FFNN in NumPy-1234.zip", [
        (f"José Núñez-García_1034521_{f}/{LAB}.ipynb", notebook("s101"), (2026, 9, 14, 23, 30, 0)),
        (f"José Núñez-García_1034521_{t}/onlinetext.html", "<p>See my notebook</p>", (2026, 9, 14, 23, 31, 0)),
        (f"Anna Berg_1034522_{f}/Copy of {LAB} (1).ipynb", notebook("s102"), (2026, 9, 13, 10, 0, 0)),
        (f"Søren Østergård_1034523_{t}/onlinetext.html", "<p>I could not upload</p>", (2026, 9, 14, 9, 0, 0)),
        (f"Marie Claire Dubois_1034524_{f}/{LAB}.ipynb", notebook("s104"), (2026, 9, 15, 0, 30, 0)),
        (f"Max Mustermann_1034525_{f}/{LAB}.ipynb", notebook("max"), (2026, 9, 14, 12, 0, 0)),
        (f"Erika Musterfrau_1034526_{f}/{LAB}.ipynb", notebook("erika"), (2026, 9, 14, 12, 0, 0)),
    ])


def canvas(box: Path) -> Path:
    """Flat files 'lastnamefirstname_userid_submissionid_file', late ones with _LATE_."""
    return write_zip(box / "submissions.zip", [
        (f"nunezgarciajose_48213_6789012_{LAB}.ipynb", notebook("s101"), (2026, 9, 14, 23, 30, 0)),
        (f"berganna_LATE_48214_6789013_{LAB}.ipynb", notebook("s102"), (2026, 9, 16, 8, 0, 0)),
        (f"østergårdsøren_48215_6789014_{LAB}-1.ipynb", notebook("s103"), (2026, 9, 14, 22, 0, 0)),
        (f"duboismarieclaire_48216_6789015_{LAB}.ipynb", notebook("s104"), (2026, 9, 14, 20, 0, 0)),
        (f"doejohn_49999_6789016_{LAB}.ipynb", notebook("doe"), (2026, 9, 14, 20, 0, 0)),
        (f"roejane_49998_6789017_{LAB}.ipynb", notebook("roe"), (2026, 9, 14, 20, 0, 0)),
    ])


def _receipt(name: str, user: str, when: str) -> str:
    return (f"Name: {name} ({user})\nAssignment: Week 2 Lab\nDate Submitted: {when}\nCurrent Mark: Needs Grading\n"
            "\nSubmission Field:\nThere is no student submission text data for this assignment.\n")


def blackboard(box: Path) -> Path:
    """'Assignment_username_attempt_time_file' with a .txt receipt per attempt; two attempts of jnunez."""
    a = "Week 2 Lab"
    z = (2026, 9, 20, 12, 0, 0)   # the download's time: not the attempt's
    return write_zip(box / "gradebook_2026-W02_Week20220Lab_2026-09-20-12-00-00.zip", [
        (f"{a}_jnunez_attempt_2026-09-08-10-00-00_{LAB}.ipynb", notebook("s101-first"), z),
        (f"{a}_jnunez_attempt_2026-09-08-10-00-00.txt", _receipt("José Núñez-García", "jnunez", "x"), z),
        (f"{a}_jnunez_attempt_2026-09-14-23-30-00_{LAB}.ipynb", notebook("s101"), z),
        (f"{a}_jnunez_attempt_2026-09-14-23-30-00.txt", _receipt("José Núñez-García", "jnunez", "x"), z),
        (f"{a}_s102_attempt_2026-09-13-09-00-00_{LAB}.ipynb", notebook("s102"), z),
        (f"{a}_s102_attempt_2026-09-13-09-00-00.txt", _receipt("Anna Berg", "s102", "x"), z),
        (f"{a}_mdubois2_attempt_2026-09-14-08-00-00_{LAB}.ipynb", notebook("s104"), z),
        (f"{a}_mdubois2_attempt_2026-09-14-08-00-00.txt", _receipt("Marie-Claire Dubois", "mdubois2", "x"), z),
        (f"{a}_ghost7_attempt_2026-09-14-08-00-00_{LAB}.ipynb", notebook("ghost"), z),
    ])


def brightspace(box: Path) -> Path:
    """Folders 'subid-userid - Firstname Lastname - Mon D, YYYY HMM PM' and index.html; two attempts."""
    return write_zip(box / "W02 FFNN Download Sep 20, 2026 1200 PM.zip", [
        (f"123456-78910 - José Núñez-García - Sep 14, 2026 1130 PM/{LAB}.ipynb", notebook("s101"),
         (2026, 9, 20, 12, 0, 0)),
        (f"123401-78910 - José Núñez-García - Sep 10, 2026 915 AM/{LAB}.ipynb", notebook("s101-first"),
         (2026, 9, 20, 12, 0, 0)),
        (f"123457-78911 - Wei Li - Sep 15, 2026 1205 AM/{LAB}.ipynb", notebook("s105"), (2026, 9, 20, 12, 0, 0)),
        ("index.html", "<html><body>Submissions</body></html>", (2026, 9, 20, 12, 0, 0)),
    ])


def zip_collect(box: Path) -> Path:
    """nbgrader's zip_collect layout: one archive plus loose late files, '{student}_attempt_{time}_{file}'."""
    folder = box / "downloaded" / "ps1"
    write_zip(folder / "archive.zip", [
        (f"s101_attempt_2026-09-14-23-30-00_{LAB}.ipynb", notebook("s101"), (2026, 9, 15, 0, 0, 0)),
        (f"s102_attempt_2026-09-13-09-00-00_{LAB}.ipynb", notebook("s102-first"), (2026, 9, 15, 0, 0, 0)),
    ])
    (folder / f"s102_attempt_2026-09-16-08-00-00_{LAB}.ipynb").write_text(notebook("s102"))
    return folder


def plain(box: Path) -> Path:
    """A folder per student named by id, name or e-mail; one timestamp.txt with a named zone."""
    folder = box / "handins"
    (folder / "s101").mkdir(parents=True)
    (folder / "s101" / "lab.ipynb").write_text(notebook("s101"))
    (folder / "s101" / "timestamp.txt").write_text("2026-09-14 14:03:00.000000 America/Los_Angeles\n")
    (folder / "Anna Berg").mkdir()
    (folder / "Anna Berg" / f"{LAB}.ipynb").write_text(notebook("s102"))
    (folder / "sost@student.uni.dk").mkdir()
    (folder / "sost@student.uni.dk" / f"{LAB}.ipynb").write_text(notebook("s103"))
    write_zip(folder / "Dubois Marie-Claire.zip", [(f"work/{LAB}.ipynb", notebook("s104"), (2026, 9, 14, 23, 30, 0))])
    return folder
