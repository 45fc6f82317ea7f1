"""`dlcourse grade | feedback | status | report`: parse the options, call the grading desk, print."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import CourseError
from . import autograde, desk, tables


def _limits(args) -> dict:
    return dict(cell_timeout=args.cell_timeout, notebook_timeout=args.timeout, memory_mb=args.memory_mb,
                sandbox=not args.no_sandbox)


def run_grade(args) -> int:
    course, folder = desk.open_course(args.class_dir, args.db)
    lab = desk.open_lab(args.lab, args.class_dir, args.db, **_limits(args))
    if args.slurm or args.lsf or args.merge_shards:
        from . import cluster  # intake here, grading in a cluster job array, then a merge

        return cluster.run(args, lab, lambda: intake_step(args, lab, course, folder))
    found = intake_step(args, lab, course, folder)
    students = args.student or None
    if args.shard:
        students = desk.shard(students or autograde.submitted_students(lab), args.shard)
    done = []

    def tick(outcome):
        done.append(outcome)
        print(f"  graded {outcome.student_id}: {outcome.status} {outcome.score:g}/{outcome.max_score:g} "
              f"({outcome.seconds:.1f} s)", flush=True)

    outcomes = desk.grade_lab(lab, students, workers=args.workers, force=args.force, on_done=tick)
    rows = desk.rebuild_tables(course, folder)
    ours = [r for r in rows if r.outcome.lab == lab.name and r.outcome.student_id in {o.student_id for o in outcomes}]
    print(tables.format_table(ours, found))
    print(f"{lab.name}: {len(outcomes)} hand-ins, {len(done)} graded now, {len(outcomes) - len(done)} unchanged; "
          f"{sum(r.passed for r in ours)} passed. Grades: {folder.grades_csv}")
    return 0


def intake_step(args, lab, course, folder) -> dict:
    """Take the hand-ins of --from in (printing a summary); returns what was found, by student."""
    found = {}
    if args.from_path:
        roster = desk.read_roster(folder, args.roster)
        handins = desk.take_in(lab, Path(args.from_path), roster, course.timezone, args.id_pattern)
        desk.register_students(lab, roster)
        found = desk.by_student(handins)
        ok = sum(h.ok for h in handins)
        print(f"intake: {ok} notebooks taken, {len(handins) - ok} problems (see {folder.intake_report(lab.name)})")
    if not args.student and not autograde.submitted_students(lab):
        where = "in what --from gave" if args.from_path else f"in {lab.submitted}: give them with --from PATH"
        raise CourseError(f"no hand-ins for {lab.name} {where}")
    return found


def run_feedback(args) -> int:
    lab = desk.open_lab(args.lab, args.class_dir, args.db)
    pages = desk.write_feedback(lab, args.student)
    print(f"{len(pages)} feedback pages in {lab.folder.feedback} (one per student: <student>/{lab.name}/)")
    return 0


def run_status(args) -> int:
    course, folder = desk.open_course(args.class_dir, args.db)
    statuses = desk.write_status(course, folder, desk.read_roster(folder, args.roster))
    eligible = sum(s.project_eligible for s in statuses)
    print(f"{len(statuses)} students; a lab passes with {course.rules.default.pass_fraction:.0%} of its autograded "
          f"points (course.toml); project access needs {course.rules.labs_for_project} of {len(course.labs)} labs passed")
    if course.rules.labs_for_project > len(course.labs):
        print(f"warning: project access needs {course.rules.labs_for_project} labs passed but the course has only "
              f"{len(course.labs)}: lower labs_for_project in {course.file}")
    for lab in course.labs:
        n = sum(s.passed[lab] for s in statuses)
        print(f"  {lab:<24} passed by {n:>4} ({100 * n / len(statuses):.0f}%)")
    print(f"{eligible} students may start the project. Table: {folder.status_csv}")
    return 0


def run_report(args) -> int:
    from .report import write_report

    course, folder = desk.open_course(args.class_dir, args.db)
    rows = desk.rebuild_tables(course, folder)
    if not rows:
        raise CourseError(f"nothing graded yet in {folder.path}: run `dlcourse grade LAB --from PATH` first")
    path = write_report(course, folder, rows, Path(args.out) if args.out else folder.report_html,
                        desk.read_roster(folder))
    print(f"report: {path}")
    return 0


def _common(p, lab: bool = True) -> None:
    if lab:
        p.add_argument("lab", help="the lab, e.g. w02 or w02_ffnn_numpy")
    p.add_argument("--class-dir", help="class folder (default grading/class, or $DLCOURSE_CLASS)")
    p.add_argument("--db", help="gradebook as an SQLAlchemy URL (default: $DLCOURSE_DB, else course.toml's "
                                "gradebook, else SQLite in the class folder)")


def register(sub) -> None:
    from .cluster import add_options  # --slurm, --lsf, --shards, --partition, --time, --wait

    g = sub.add_parser("grade", help="take in hand-ins and autograde them (parallel, incremental)",
                       description=autograde.__doc__)
    _common(g)
    g.add_argument("--from", dest="from_path", metavar="PATH",
                   help="hand-ins as exported by the learning platform: a folder or a zip")
    g.add_argument("--roster", help="roster CSV (default <class-dir>/roster.csv when it exists)")
    g.add_argument("--id-pattern", help="without a roster: a regex with a named group 'id' that finds the student id "
                                        "in a hand-in's name, e.g. '(?P<id>s\\d{6})'")
    g.add_argument("--workers", type=int, default=os.cpu_count(), help="parallel graders (default: one per core)")
    g.add_argument("--force", action="store_true", help="regrade everything, not only new or changed hand-ins")
    g.add_argument("--student", action="append", help="grade only this student (repeatable)")
    g.add_argument("--cell-timeout", type=int, default=autograde.CELL_TIMEOUT_S, help="seconds per cell")
    g.add_argument("--timeout", type=int, default=autograde.NOTEBOOK_TIMEOUT_S, help="seconds per notebook")
    g.add_argument("--memory-mb", type=int, default=autograde.MEMORY_LIMIT_MB, help="memory per hand-in (MB)")
    g.add_argument("--shard", help="grade only shard I/N of the hand-ins (used by cluster job arrays)")
    g.add_argument("--no-sandbox", action="store_true",
                   help="run student code unsandboxed (by default a bubblewrap sandbox gives it no network "
                        "and no file of the class but its own folder)")
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
