"""`dlcourse grade | feedback | status | report`: the teacher's grading desk."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..errors import CourseError
from ..files import write_atomic
from ..paths import class_dir, lab_names, repo_root, resolve_lab
from . import autograde, intake, tables
from .rules import load_rules


def _lab(args) -> autograde.Lab:
    root = repo_root()
    name = resolve_lab(args.lab, root)
    return autograde.Lab(root, name, class_dir(root, args.class_dir), db_url=getattr(args, "db", None) or "",
                         cell_timeout=getattr(args, "cell_timeout", autograde.CELL_TIMEOUT_S),
                         notebook_timeout=getattr(args, "timeout", autograde.NOTEBOOK_TIMEOUT_S),
                         memory_mb=getattr(args, "memory_mb", autograde.MEMORY_LIMIT_MB),
                         sandbox=not getattr(args, "no_sandbox", False))


def _roster(folder: Path, given: str | None) -> dict | None:
    path = Path(given) if given else folder / "roster.csv"
    if given or path.exists():
        return intake.read_roster(path)
    return None


def take_in(lab: autograde.Lab, source: Path, roster: dict | None) -> list[intake.Handin]:
    """Copy the hand-ins found in `source` into the class folder; writes intake/<lab>.csv; returns all found."""
    with intake.scan(source, lab.name, roster) as found:
        for h in found:
            if h.ok:
                intake.admit(h, lab.submitted, lab.name)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["student_id", "origin", "notebook", "submitted_at", "problem"])
        for h in found:
            w.writerow([h.student_id, h.origin, h.taken_name, h.submitted_at.isoformat() if h.submitted_at else "",
                        h.problem])
        write_atomic(lab.class_dir / "intake" / f"{lab.name}.csv", buf.getvalue())
        missing = sorted(set(roster or {}) - {h.student_id for h in found})
        return found + [intake.Handin(s, "", problem="no hand-in") for s in missing]


def class_rows(root: Path, folder: Path) -> list[tables.Row]:
    """Every graded hand-in of the class with the course rules applied."""
    labs = lab_names(root)
    rules = load_rules(root, labs)
    reviews = _reviews(folder)
    return [tables.judge(o, rules, reviews.get((o.student_id, o.lab), 0)) for o in tables.load_outcomes(folder, labs)]


def write_grades(root: Path, folder: Path) -> list[tables.Row]:
    """Rebuild grades.csv from every lab's records; returns the rows."""
    rows = class_rows(root, folder)
    write_atomic(folder / "grades.csv", tables.grades_csv(rows))
    return rows


def _reviews(folder: Path) -> dict[tuple[str, str], int]:
    from ..peer.reviews import reviews_done

    return reviews_done(folder)


def format_table(rows: list[tables.Row], found: dict[str, intake.Handin]) -> str:
    """The per-student table printed after grading."""
    lines = [f"{'student':<14} {'status':<8} {'score':>9}  {'passed':<6} {'late':<5} note"]
    for r in sorted(rows, key=lambda r: r.outcome.student_id):
        o = r.outcome
        h = found.get(o.student_id)
        note = o.message
        if h and h.taken_name and h.taken_name != f"{o.lab}.ipynb":
            note = f"took '{h.taken_name}'" + (f"; {note}" if note else "")
        if o.needs_manual:
            note = (note + "; " if note else "") + f"{len(o.needs_manual)} written answer(s) to grade by hand"
        lines.append(f"{o.student_id:<14} {o.status:<8} {r.score:>4g}/{o.max_score:<4g}  "
                     f"{'yes' if r.passed else 'no':<6} {'yes' if r.late else 'no':<5} {note}")
    graded = {r.outcome.student_id for r in rows}
    for sid, h in sorted(found.items()):
        if sid not in graded and h.problem:
            lines.append(f"{sid:<14} {'no hand-in' if h.problem == 'no hand-in' else 'refused':<8} {'-':>9}  "
                         f"{'no':<6} {'-':<5} {h.origin + ': ' if h.origin else ''}{h.problem}")
    return "\n".join(lines)


def run_grade(args) -> int:
    if getattr(args, "slurm", False) or getattr(args, "lsf", False) or getattr(args, "merge_shards", None):
        from . import cluster  # intake here, grading in a cluster job array, then a merge

        return cluster.run(args)
    lab = _lab(args)
    if args.from_path and not Path(args.from_path).exists():
        raise CourseError(f"hand-in folder {args.from_path} does not exist: give the folder or zip your learning "
                          "platform exported")
    roster = _roster(lab.class_dir, args.roster)
    found = {}
    if args.from_path:
        for h in take_in(lab, Path(args.from_path), roster):
            found[h.student_id] = h
        ok = sum(h.ok for h in found.values())
        print(f"intake: {ok} notebooks taken, {len(found) - ok} problems (see {lab.class_dir / 'intake' / (lab.name + '.csv')})")
    students = args.student or None
    if students is None and not autograde.submitted_students(lab):
        raise CourseError(f"no hand-ins for {lab.name} in {lab.submitted}: give them with --from PATH")
    if getattr(args, "shard", None):
        students = shard(students or autograde.submitted_students(lab), args.shard)
    done = []

    def tick(outcome):
        done.append(outcome)
        print(f"  graded {outcome.student_id}: {outcome.status} {outcome.score:g}/{outcome.max_score:g} "
              f"({outcome.seconds:.1f} s)", flush=True)

    outcomes = autograde.grade(lab, students, workers=args.workers, force=args.force, on_done=tick)
    rows = write_grades(lab.root, lab.class_dir)
    ours = [r for r in rows if r.outcome.lab == lab.name and r.outcome.student_id in {o.student_id for o in outcomes}]
    print(format_table(ours, found))
    print(f"{lab.name}: {len(outcomes)} hand-ins, {len(done)} graded now, {len(outcomes) - len(done)} unchanged; "
          f"{sum(r.passed for r in ours)} passed. Grades: {lab.class_dir / 'grades.csv'}")
    return 0


def shard(students: list[str], spec: str) -> list[str]:
    """The students of shard 'i/n' (1-based): every n-th student of the sorted list, starting at i."""
    try:
        i, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise CourseError(f"--shard takes I/N, e.g. 3/8, got {spec!r}") from None
    if not 1 <= i <= n:
        raise CourseError(f"--shard {spec}: I must be between 1 and N")
    return sorted(students)[i - 1::n]


def run_feedback(args) -> int:
    from .nbconfig import nbgrader_api, nbgrader_error

    lab = _lab(args)
    if not autograde.submitted_students(lab):
        raise CourseError(f"nothing graded for {lab.name} yet: run `dlcourse grade {lab.name}` first")
    autograde.prepare(lab)
    done = nbgrader_api(lab.nbgrader_settings()).generate_feedback(lab.name, student_id=args.student, force=True)
    if not done["success"]:
        raise CourseError(f"nbgrader could not write feedback: {nbgrader_error(done)}")
    pages = sorted((lab.class_dir / "feedback").glob(f"*/{lab.name}/*.html"))
    print(f"{len(pages)} feedback pages in {lab.class_dir / 'feedback'} (one per student: <student>/{lab.name}/)")
    return 0


def run_status(args) -> int:
    root = repo_root()
    folder = class_dir(root, args.class_dir)
    labs = lab_names(root)
    rules = load_rules(root, labs)
    rows = class_rows(root, folder)
    roster = _roster(folder, args.roster) or {}
    students = sorted(set(roster) | {r.outcome.student_id for r in rows})
    if not students:
        raise CourseError(f"no students yet in {folder}: grade a lab first (dlcourse grade LAB --from PATH)")
    write_grades(root, folder)
    statuses = tables.student_status(rows, students, labs, rules, _reviews(folder))
    write_atomic(folder / "status.csv", tables.status_csv(statuses, labs))
    eligible = sum(s.project_eligible for s in statuses)
    print(f"{len(students)} students; project access needs {rules.labs_for_project} of {len(labs)} labs passed")
    for lab in labs:
        n = sum(s.passed[lab] for s in statuses)
        print(f"  {lab:<24} passed by {n:>4} ({100 * n / len(students):.0f}%)")
    print(f"{eligible} students may start the project. Table: {folder / 'status.csv'}")
    return 0


def run_report(args) -> int:
    from .report import write_report

    root = repo_root()
    folder = class_dir(root, args.class_dir)
    rows = class_rows(root, folder)
    if not rows:
        raise CourseError(f"nothing graded yet in {folder}: run `dlcourse grade LAB --from PATH` first")
    write_grades(root, folder)
    path = write_report(root, folder, rows, Path(args.out) if args.out else folder / "report.html")
    print(f"report: {path}")
    return 0


def _common(p, lab: bool = True) -> None:
    if lab:
        p.add_argument("lab", help="the lab, e.g. w02 or w02_ffnn_numpy")
    p.add_argument("--class-dir", help="class folder (default grading/class, or $DLCOURSE_CLASS)")


def register(sub) -> None:
    g = sub.add_parser("grade", help="take in hand-ins and autograde them (parallel, incremental)",
                       description=autograde.__doc__)
    _common(g)
    g.add_argument("--from", dest="from_path", metavar="PATH",
                   help="hand-ins as exported by the learning platform: a folder or a zip")
    g.add_argument("--roster", help="roster CSV (default <class-dir>/roster.csv when it exists)")
    g.add_argument("--workers", type=int, default=os.cpu_count(), help="parallel graders (default: one per core)")
    g.add_argument("--force", action="store_true", help="regrade everything, not only new or changed hand-ins")
    g.add_argument("--student", action="append", help="grade only this student (repeatable)")
    g.add_argument("--db", help="gradebook as an SQLAlchemy URL (default: SQLite in the class folder)")
    g.add_argument("--cell-timeout", type=int, default=autograde.CELL_TIMEOUT_S, help="seconds per cell")
    g.add_argument("--timeout", type=int, default=autograde.NOTEBOOK_TIMEOUT_S, help="seconds per notebook")
    g.add_argument("--memory-mb", type=int, default=autograde.MEMORY_LIMIT_MB, help="memory per hand-in (MB)")
    g.add_argument("--shard", help="grade only shard I/N of the hand-ins (used by cluster job arrays)")
    g.add_argument("--no-sandbox", action="store_true",
                   help="run student code unsandboxed (by default a bubblewrap sandbox gives it no network "
                        "and no file of the class but its own folder)")
    from .cluster import add_options  # --slurm, --lsf, --shards, --partition, --time, --wait

    add_options(g)
    g.set_defaults(run=run_grade)

    f = sub.add_parser("feedback", help="write one feedback HTML per student (nbgrader's feedback)")
    _common(f)
    f.add_argument("--student", help="only this student")
    f.set_defaults(run=run_feedback)

    s = sub.add_parser("status", help="who passed which lab, reviews done, project access -> status.csv")
    _common(s, lab=False)
    s.add_argument("--roster", help="roster CSV (default <class-dir>/roster.csv when it exists)")
    s.set_defaults(run=run_status)

    r = sub.add_parser("report", help="one self-contained HTML report with plots for the teacher")
    _common(r, lab=False)
    r.add_argument("--out", help="where to write the report (default <class-dir>/report.html)")
    r.set_defaults(run=run_report)
