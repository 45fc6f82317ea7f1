"""The grading desk: intake, autograding, the class tables and feedback as plain functions.

No argument parsing and no printing: `grading/cli.py`, `cluster.py` and `demo.py` call these.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import replace
from pathlib import Path

from ..classfolder import ClassFolder
from ..course import Course
from ..errors import CourseError
from ..files import write_atomic
from ..paths import repo_root, resolve_lab
from . import autograde, intake, tables


def open_course(class_dir: str | Path | None = None, db: str | None = None) -> tuple[Course, ClassFolder]:
    """The course of the current repository and its class folder (see ClassFolder.open)."""
    course = Course.load(repo_root())
    return course, ClassFolder.open(course, class_dir, db)


def open_lab(name: str, class_dir: str | Path | None = None, db: str | None = None, **limits) -> autograde.Lab:
    """The lab `name` ('w02', '2', 'w02_ffnn_numpy') of the current course, with grading limits."""
    course, folder = open_course(class_dir, db)
    lab = resolve_lab(name, course.root)
    return autograde.Lab(course.root, lab, folder.path, db_url=folder.db_url,
                         deadline=course.rules.lab(lab).deadline, **limits)


def read_roster(folder: ClassFolder, given: str | Path | None = None) -> dict | None:
    """The roster (`given`, else roster.csv of the class folder), or None when there is none."""
    path = Path(given) if given else folder.roster
    if given or path.exists():
        return intake.read_roster(path)
    return None


def take_in(lab: autograde.Lab, source: Path, roster: dict | None, timezone: str = "UTC",
            id_pattern: str | None = None) -> list[intake.Handin]:
    """Copy the hand-ins found in `source` into the class folder; writes intake/<lab>.csv; returns all found
    (and one 'no hand-in' row per roster student without one)."""
    with intake.scan(source, lab.name, roster, tz=timezone, id_pattern=id_pattern,
                     notebooks=lab.notebooks) as found:
        for h in found:
            if h.ok:
                intake.admit(h, lab.submitted, lab.name)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["student_id", "origin", "notebook", "submitted_at", "problem", "platform", "time_source", "notes",
                    "candidates"])
        for h in found:
            missing = f"not found: {', '.join(nb + '.ipynb' for nb in h.missing)}" if h.notebooks and h.missing else ""
            notes = "; ".join(n for n in (h.notes, missing) if n)
            w.writerow([h.student_id, h.origin, h.taken_name, h.submitted_at.isoformat() if h.submitted_at else "",
                        h.problem, h.platform, h.time_source, notes, " ".join(h.candidates)])
        write_atomic(lab.folder.intake_report(lab.name), buf.getvalue())
        missing = sorted(set(roster or {}) - {h.student_id for h in found})
        return found + [intake.Handin(s, "", problem="no hand-in") for s in missing]


def register_students(lab: autograde.Lab, roster: dict | None) -> None:
    """Names and e-mails of the roster into nbgrader's gradebook, so the formgrader shows them."""
    if not roster:
        return
    from nbgrader.api import Gradebook

    autograde.prepare(lab)
    with Gradebook(lab.db_url) as gb:
        for sid, row in roster.items():
            first, _, last = (row.get("name") or "").strip().rpartition(" ")
            gb.update_or_create_student(sid, first_name=first or None, last_name=last or None,
                                        email=row.get("email") or None)


def by_student(handins: list[intake.Handin]) -> dict[str, intake.Handin]:
    """Intake's findings keyed by student; a hand-in matched to nobody keeps a row of its own (keyed by origin)."""
    return {(h.student_id if h.student_id not in ("", "?") else f"? {h.origin}"): h for h in handins}


def shard(students: list[str], spec: str) -> list[str]:
    """The students of shard 'i/n' (1-based): every n-th student of the sorted list, starting at i."""
    try:
        i, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise CourseError(f"--shard takes I/N, e.g. 3/8, got {spec!r}") from None
    if not 1 <= i <= n:
        raise CourseError(f"--shard {spec}: I must be between 1 and N")
    return sorted(students)[i - 1::n]


def may_be_the_machine(outcome: autograde.Outcome) -> bool:
    """True when a busy machine, not the student's code, may have decided this outcome: a time limit hit, or a
    kernel that died or did not answer."""
    return outcome.status in ("timeout", "failed") or "limit per cell" in outcome.message


def grade_lab(lab: autograde.Lab, students: list[str] | None = None, workers: int | None = None,
              force: bool = False, on_done=None) -> list[autograde.Outcome]:
    """Autograde the lab's new or changed hand-ins (all with `force`).

    A hand-in stopped by a time limit (or whose kernel died) is graded once more, alone: a busy machine must
    not cost a correct student points. Either way it stays listed for a human look.
    """
    outcomes = autograde.grade(lab, students, workers=workers or os.cpu_count(), force=force, on_done=on_done)
    again = [o.student_id for o in outcomes if may_be_the_machine(o)]
    if not again:
        return outcomes
    second = {o.student_id: o for o in autograde.grade(lab, again, workers=1, force=True)}
    out = []
    for o in outcomes:
        if o.student_id in second:
            o = second[o.student_id]
            note = "graded twice: stopped by a time limit or a dead kernel, then graded again alone"
            o = replace(o, message=f"{o.message}; {note}" if o.message else note)
            autograde.write_json(lab.record_path(o.student_id), o.__dict__)
        out.append(o)
    return out


def class_rows(course: Course, folder: ClassFolder) -> list[tables.Row]:
    """Every graded hand-in of the class with the course rules applied."""
    from ..peer.reviews import reviews_done

    reviews = reviews_done(folder.path)
    return [tables.judge(o, course.rules, reviews.get((o.student_id, o.lab), 0))
            for o in refresh_manual(course, folder, tables.load_outcomes(folder.path, course.labs))]


def refresh_manual(course: Course, folder: ClassFolder, outcomes: list[autograde.Outcome]) -> list[autograde.Outcome]:
    """The outcomes with what teachers have graded by hand in the formgrader since autograding (read from the
    gradebook): so `total` in grades.csv, status and the report is the formgrader's total."""
    labs = sorted({o.lab for o in outcomes if o.manual_cells})
    graded = {}
    for name in labs:
        lab = autograde.Lab(course.root, name, folder.path, db_url=folder.db_url)
        manual = {k for o in outcomes if o.lab == name for k in o.manual_cells}
        graded[name] = autograde.manual_grades(lab, manual)
    return [tables.with_manual(o, graded.get(o.lab, {}).get(o.student_id, {})) for o in outcomes]


def rebuild_tables(course: Course, folder: ClassFolder) -> list[tables.Row]:
    """Rebuild grades.csv from every lab's records; returns the rows."""
    rows = class_rows(course, folder)
    write_atomic(folder.grades_csv, tables.grades_csv(rows))
    return rows


def write_status(course: Course, folder: ClassFolder, roster: dict | None) -> list[tables.StudentStatus]:
    """status.csv: every roster student and everyone graded, labs passed, reviews done, project access."""
    from ..peer.reviews import reviews_done

    rows = class_rows(course, folder)
    students = sorted(set(roster or {}) | {r.outcome.student_id for r in rows})
    if not students:
        raise CourseError(f"no students yet in {folder.path}: grade a lab first (dlcourse grade LAB --from PATH)")
    rebuild_tables(course, folder)
    statuses = tables.student_status(rows, students, course.labs, course.rules, reviews_done(folder.path))
    write_atomic(folder.status_csv, tables.status_csv(statuses, course.labs))
    return statuses


def write_feedback(lab: autograde.Lab, student: str | None = None) -> list[Path]:
    """nbgrader's feedback pages for the lab's graded hand-ins, without the hidden tests' code."""
    from .feedback import feedback_preprocessors
    from .nbconfig import nbgrader_api, nbgrader_error

    if not autograde.submitted_students(lab):
        raise CourseError(f"nothing graded for {lab.name} yet: run `dlcourse grade {lab.name}` first")
    autograde.prepare(lab)
    values = lab.nbgrader_settings() | {"GenerateFeedback": {"preprocessors": feedback_preprocessors()}}
    done = nbgrader_api(values).generate_feedback(lab.name, student_id=student, force=True)
    if not done["success"]:
        raise CourseError(f"nbgrader could not write feedback: {nbgrader_error(done)}")
    return sorted(lab.folder.feedback.glob(f"*/{lab.name}/*.html"))
