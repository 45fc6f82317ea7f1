"""The class tables: grades.csv (student x lab), status.csv (student), built from the grading records."""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from .autograde import Outcome, load_outcome
from .rules import Rules
from .times import parse_stamp

# score/max_score: the autograded points (what passing uses); total/total_max: every graded cell, the
# teacher-graded ones counted once graded (the formgrader's and the feedback page's total)
GRADE_COLUMNS = ["student_id", "lab", "score", "max_score", "total", "total_max", "passed", "late", "late_by_hours"]


@dataclass
class Row:
    outcome: Outcome
    late: bool
    score: float
    passed: bool
    late_by: timedelta = timedelta(0)


def judge(outcome: Outcome, rules: Rules, reviews: int = 0) -> Row:
    """Apply the course rules to one graded hand-in."""
    rule = rules.lab(outcome.lab)
    stamp = parse_stamp(outcome.submitted_at)
    late_by = stamp - rule.deadline if rule.deadline and stamp and stamp > rule.deadline else timedelta(0)
    late = late_by > timedelta(0)
    score = outcome.score
    if late and rules.late_policy == "zero":
        score = 0.0
    elif late and rules.late_policy == "per_day":
        days = math.ceil(late_by / timedelta(days=1))
        score = max(0.0, outcome.score * (1 - rules.late_penalty_per_day * days))
    passed = outcome.max_score > 0 and score >= rule.pass_fraction * outcome.max_score
    if rules.reviews_count_for_pass and reviews < rules.reviews_required:
        passed = False
    return Row(outcome, late, score, passed, late_by)


def with_manual(outcome: Outcome, graded: dict[str, float | None]) -> Outcome:
    """`outcome` with the teacher-graded cells (answers, tasks) as the gradebook has them now (`graded`:
    cell -> points, None while awaiting a human); autograded cells and the record on disk stay as they are."""
    mine = {k: v for k, v in graded.items() if k in outcome.manual_cells}
    if not mine or outcome.status != "graded":
        return outcome
    cells = outcome.cells | mine
    pending = [k for k in outcome.manual_cells if k in cells and cells[k] is None]
    return replace(outcome, cells=cells, needs_manual=pending)


def load_outcomes(class_dir: Path, labs: list[str]) -> list[Outcome]:
    out = []
    for lab in labs:
        folder = class_dir / "results" / lab
        for path in sorted(folder.glob("*.json")) if folder.exists() else []:
            outcome = load_outcome(path)
            if outcome is not None:
                out.append(outcome)
    return out


def grades_csv(rows: list[Row]) -> str:
    """grades.csv text: the fixed columns, then one column per graded cell (its grade id)."""
    cells = list(dict.fromkeys(c for r in rows for c in r.outcome.cells))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(GRADE_COLUMNS + cells)
    for r in sorted(rows, key=lambda r: (r.outcome.student_id, r.outcome.lab)):
        o = r.outcome
        values = [("" if o.cells.get(c) is None else f"{o.cells[c]:g}") if c in o.cells else "" for c in cells]
        writer.writerow([o.student_id, o.lab, f"{r.score:g}", f"{o.max_score:g}", f"{o.total:g}",
                         f"{o.total_max:g}", str(r.passed).lower(),
                         str(r.late).lower(), f"{r.late_by.total_seconds() / 3600:.1f}" if r.late else ""] + values)
    return buf.getvalue()


@dataclass
class StudentStatus:
    student_id: str
    passed: dict[str, bool]
    labs_passed: int
    reviews_done: int
    project_eligible: bool


def student_status(rows: list[Row], students: list[str], labs: list[str], rules: Rules,
                   reviews: dict[tuple[str, str], int]) -> list[StudentStatus]:
    """One status per student: labs passed, reviews written, project access."""
    passed = {(r.outcome.student_id, r.outcome.lab): r.passed for r in rows}
    out = []
    for sid in students:
        per_lab = {lab: passed.get((sid, lab), False) for lab in labs}
        n = sum(per_lab.values())
        done = sum(v for (s, _), v in reviews.items() if s == sid)
        out.append(StudentStatus(sid, per_lab, n, done, n >= rules.labs_for_project))
    return out


def status_csv(statuses: list[StudentStatus], labs: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["student_id", *labs, "labs_passed", "reviews_done", "project_eligible"])
    for s in statuses:
        writer.writerow([s.student_id, *(str(s.passed[lab]).lower() for lab in labs), s.labs_passed,
                         s.reviews_done, str(s.project_eligible).lower()])
    return buf.getvalue()


def _renamed(h, lab: str) -> list[str]:
    """The files of a hand-in taken under another name than the lab's notebook's."""
    if h.taken_names:
        return [f"'{name}' as {nb}.ipynb" for nb, name in h.taken_names.items() if name != f"{nb}.ipynb"]
    return [f"'{h.taken_name}'"] if h.taken_name and h.taken_name != f"{lab}.ipynb" else []


def format_table(rows: list[Row], found: dict) -> str:
    """The per-student table printed after grading; `found`: intake's Handin per student."""
    lines = [f"{'student':<14} {'status':<8} {'score':>9}  {'passed':<6} {'late':<5} note"]
    for r in sorted(rows, key=lambda r: r.outcome.student_id):
        o = r.outcome
        h = found.get(o.student_id)
        note = o.message
        renamed = _renamed(h, o.lab) if h else []
        if renamed:
            note = f"took {', '.join(renamed)}" + (f"; {note}" if note else "")
        if h and h.notes:
            note = f"{h.notes}; {note}" if note else h.notes
        if o.needs_manual:
            note = (note + "; " if note else "") + (f"{len(o.needs_manual)} answer(s) to grade by hand "
                                                    f"(total so far {o.total:g}/{o.total_max:g})")
        late = f"{r.late_by.total_seconds() / 3600:.0f}h" if r.late else "no"
        lines.append(f"{o.student_id:<14} {o.status:<8} {r.score:>4g}/{o.max_score:<4g}  "
                     f"{'yes' if r.passed else 'no':<6} {late:<5} {note}")
    graded = {r.outcome.student_id for r in rows}
    for sid, h in sorted(found.items()):
        if sid not in graded and h.problem:
            lines.append(f"{sid:<14} {'no hand-in' if h.problem == 'no hand-in' else 'refused':<8} {'-':>9}  "
                         f"{'no':<6} {'-':<5} {h.origin + ': ' if h.origin else ''}{h.problem}")
    return "\n".join(lines)
