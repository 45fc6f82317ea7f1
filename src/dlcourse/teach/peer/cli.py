"""`dlcourse peer`: who reviews whom each week, checked, exported, and the completed reviews counted.

Every student who handed in a lab reviews k (default: reviews_required in course.toml, 3) other hand-ins and gets k reviewers; the lab counts
as passed once their reviews are done.

  dlcourse peer assign LAB [--submitters FILE] [--groups FILE] [--history DIR] [-k K] [--seed N] --out FILE
      Submitters: CSV with a student_id column; without it, the students with a graded hand-in for LAB in
      <class_dir>/grades.csv (--class-dir DIR). Groups: CSV student_id,group (nobody reviews their own group;
      students not listed work alone). History: folder of earlier weeks' assignment files (*.csv); their pairs
      are not repeated where avoidable (rows of LAB itself are ignored). Output: CSV lab,reviewer_id,author_id,
      sorted. The same inputs and seed give the same bytes; the default seed is 0 and LAB enters the seed too.
  dlcourse peer add LAB --assignments FILE --late FILE --out FILE [--rebalance] [--groups/--history/-k/--seed]
      Late hand-ins (CSV student_id) get k reviewers and review k hand-ins; every existing pair is kept. Late
      students review each other first; the rest falls on existing students, at most one extra each where
      possible, and the summary names who got more and why. --rebalance instead CHANGES existing pairs: a pair
      r->a becomes r->x and x->a for a late student x (or r->x and y->a for two late students), so that
      everyone keeps exactly k (each changed pair is listed). k defaults to the most common number of
      reviewers per hand-in in FILE.
  dlcourse peer drop LAB --assignments FILE --students ID [ID ...] --out FILE [--remove-their-handins]
      Dropped students stop reviewing; the hand-ins they had get new reviewers (the extra load spread evenly).
      Their own hand-in is still reviewed, or removed with --remove-their-handins (its reviewers then get
      another hand-in where one fits). Pairs not touching them are kept. Same --groups/--history/-k/--seed.
  dlcourse peer verify FILE [--groups FILE] [--history DIR] [-k K] [--dropped ID ...] [--allow-extra]
                         [--base FILE]
      Checks any assignment file against every rule and prints each violation on one line; exit status 1 when
      a rule is broken that could have been met (a history repeat or reciprocal pair counts as avoidable when
      swapping two pairs removes it). Unavoidable shortfalls are printed as notes. For files from `peer add`
      or `peer drop` give --base (the assignment they started from: its pairs were kept on purpose) and
      --allow-extra (and --dropped for drop); both commands print the exact verify line to run.
  dlcourse peer export FILE --format csv|markdown|email [--roster FILE] [--anonymous [--salt TEXT]] [--out PATH]
      One message per reviewer listing the hand-ins to review, by name from the roster (student_id,name,email,
      group) or by id; --anonymous lists stable codes (a hash of lab and author id, keyed by --salt; without a
      salt anyone who knows the ids can recompute them). csv and markdown go to --out FILE or the screen;
      email writes one <reviewer_id>.eml per reviewer into --out DIR and needs the roster's emails.
  dlcourse peer import LAB FILE [--assignments FILE] [--class-dir DIR]
      Completed reviews (CSV reviewer_id,author_id[,score]) are checked (and against the assignment when
      given) and stored as <class_dir>/reviews/<LAB>.csv, replacing that lab's earlier import atomically.

Rules of an assignment: nobody reviews themselves or their own group; every hand-in gets exactly k reviewers
and every reviewer exactly k hand-ins whenever that is possible, otherwise the largest possible number of
reviews with nobody above k and the shortfall spread evenly, each affected student named with the reason
(e.g. 3 students with k=3 give 2 reviews each; a group holding more than half the class cannot be fully
reviewed by the others); no pair from an earlier week and no reciprocal pair (a reviews b, b reviews a) where
avoidable. Bad input (missing or empty file, missing column, duplicate or unknown student, a student in two
groups, k below 1 or above the class size) stops with one line and exit status 2, and no output file is
written or changed: outputs are written only at the end, through a temporary file and a rename.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import CourseError
from ..files import write_atomic
from ..paths import labs_dir, repo_root, resolve_lab
from . import assign as ops
from . import check, export, model, reviews


def lab_name(name: str) -> str:
    """The lab folder name when inside a course repository, else LAB as given (peer review works on files)."""
    try:
        root = repo_root()
    except CourseError:
        return name.strip()
    if not labs_dir(root).is_dir():
        return name.strip()
    return resolve_lab(name, root)


def _inputs(args, lab: str) -> tuple[dict[str, str], set[model.Pair]]:
    groups = model.read_groups(args.groups) if args.groups else {}
    history = model.read_history(args.history, skip_lab=lab) if args.history else set()
    return groups, history


def _file_lab(args, file: model.AssignmentFile) -> str:
    """The lab of an input assignment, which must be LAB."""
    if file.lab != args.lab.strip() and file.lab != lab_name(args.lab):
        raise CourseError(f"{file.path} is for lab {file.lab}, not {args.lab}; give the assignment of this lab")
    return file.lab


def _finish(plan: ops.Plan, history, out: str, title: str, verify_hint: str) -> int:
    lines = check.summary(plan, history, title)
    write_atomic(out, model.assignment_text(plan.lab, plan.pairs))
    print("\n".join(lines))
    print(f"  check it: dlcourse peer verify {out}{verify_hint}")
    return 0


def _options(args) -> str:
    parts = [f" --groups {args.groups}" if args.groups else "", f" --history {args.history}" if args.history else ""]
    return "".join(parts)


def _base(args) -> str:
    """`--base FILE` for the verify hint, unless the output replaced the input."""
    same = Path(args.out).resolve() == Path(args.assignments).resolve()
    return "" if same else f" --base {args.assignments}"


def course_or_none():
    """The course of the current repository, or None outside one (peer works on plain files too)."""
    from ..course import Course

    try:
        return Course.load(repo_root())
    except CourseError:
        return None


def class_folder(given: str | None) -> Path:
    from ..classfolder import ClassFolder

    course = course_or_none()
    if course is None and not given:
        raise CourseError("no course repository here: give --class-dir DIR (or run inside the course repository)")
    return ClassFolder.open(course, given).path if course else Path(given).resolve()


def default_k() -> int:
    """reviews_required of course.toml (the course rules' default outside a course repository)."""
    from ..grading.rules import Rules

    course = course_or_none()
    return (course.rules if course else Rules()).reviews_required


def run_assign(args) -> int:
    lab = lab_name(args.lab)
    args.k = default_k() if args.k is None else args.k
    if args.submitters:
        students = model.read_students(args.submitters)
    else:
        students = model.read_graded_students(class_folder(args.class_dir), lab)
    groups, history = _inputs(args, lab)
    plan = ops.assign(lab, students, groups, history, args.k, args.seed)
    ignored = sorted(set(groups) - set(students))
    if ignored:
        plan.notes.append(f"{len(ignored)} student(s) of the groups file handed nothing in and were left out")
    return _finish(plan, history, args.out, f"peer assign {lab}: wrote {args.out}", _options(args) + f" -k {args.k}")


def run_add(args) -> int:
    file = model.read_assignment(args.assignments)
    lab = _file_lab(args, file)
    late = model.read_students(args.late, "late")
    groups, history = _inputs(args, lab)
    pairs = file.pairs()
    k = args.k if args.k is not None else ops.infer_k(pairs)
    plan = ops.add_late(lab, pairs, late, groups, history, k, args.seed, args.rebalance)
    hint = _options(args) + f" -k {k}" + _base(args) + ("" if args.rebalance else " --allow-extra")
    return _finish(plan, history, args.out, f"peer add {lab}: {len(late)} late hand-in(s); wrote {args.out}", hint)


def run_drop(args) -> int:
    file = model.read_assignment(args.assignments)
    lab = _file_lab(args, file)
    groups, history = _inputs(args, lab)
    pairs = file.pairs()
    k = args.k if args.k is not None else ops.infer_k(pairs)
    plan = ops.drop(lab, pairs, args.students, groups, history, k, args.seed, args.remove_their_handins)
    hint = (_options(args) + f" -k {k}" + _base(args) + f" --dropped {' '.join(sorted(set(args.students)))}"
            " --allow-extra")
    return _finish(plan, history, args.out, f"peer drop {lab}: {len(set(args.students))} student(s) dropped; "
                   f"wrote {args.out}", hint)


def run_verify(args) -> int:
    file = model.read_assignment(args.file)
    args.k = default_k() if args.k is None else args.k
    groups, history = _inputs(args, file.lab)
    kept = set(model.read_assignment(args.base).pairs()) if args.base else set()
    verdict = check.verify(file, groups, history, args.k, args.dropped or (), args.allow_extra, kept)
    s = check.stats(list({(r, a) for _, r, a in file.rows}),
                    sorted(file.students() - set(args.dropped or ())), sorted({a for _, _, a in file.rows}), history)
    print(f"peer verify {file.path} ({file.lab}): {len(file.students())} students, k = {args.k}; reviews per "
          f"hand-in {s.in_min}-{s.in_max}, per reviewer {s.out_min}-{s.out_max}; repeats from history "
          f"{s.repeats}; reciprocal pairs {s.reciprocal}")
    for line in verdict.violations:
        print(f"VIOLATION: {line}")
    for line in verdict.notes:
        print(f"note: {line}")
    if verdict.violations:
        print(f"{len(verdict.violations)} violation(s) that could have been avoided")
        return 1
    print("OK: every rule is met as far as possible")
    return 0


def run_export(args) -> int:
    file = model.read_assignment(args.file)
    roster = export.read_roster(args.roster) if args.roster else None
    msgs = export.messages(file, roster, args.anonymous, args.salt or "")
    if args.format == "email":
        if not args.out:
            raise CourseError("--format email writes one file per reviewer: give --out DIR")
        if roster is None:
            raise CourseError("--format email needs --roster FILE with the students' e-mail addresses")
        files = export.as_emails(msgs)
        folder = Path(args.out)
        if folder.exists() and not folder.is_dir():
            raise CourseError(f"{folder} is a file; --format email needs a folder for --out")
        for name, text in files.items():
            write_atomic(folder / name, text)
        print(f"peer export: wrote {len(files)} e-mail(s) to {folder}")
        return 0
    text = export.as_csv(msgs) if args.format == "csv" else export.as_markdown(msgs)
    if args.out:
        write_atomic(args.out, text)
        print(f"peer export: wrote {len(msgs)} message(s) to {args.out}")
    else:
        print(text, end="")
    return 0


def run_import(args) -> int:
    lab = lab_name(args.lab)
    assignment = model.read_assignment(args.assignments) if args.assignments else None
    if assignment is not None and assignment.lab not in {lab, args.lab.strip()}:
        raise CourseError(f"assignment file {assignment.path} is for lab {assignment.lab}, not {lab}; "
                          "give the assignment of this lab")
    rows = reviews.read_completed(args.file, assignment.lab if assignment else lab, assignment)
    target = reviews.reviews_file(class_folder(args.class_dir), lab)
    write_atomic(target, reviews.reviews_text(rows))
    print(f"peer import {lab}: stored {len(rows)} review(s) by {len({r for r, _, _ in rows})} reviewer(s) "
          f"in {target}")
    if assignment is not None:
        missing = reviews.missing_reviews(assignment, rows)
        if missing:
            listed = ", ".join(f"{r} ({n})" for r, n in list(missing.items())[:20])
            print(f"  {sum(missing.values())} assigned review(s) still missing: {listed}"
                  + (" ..." if len(missing) > 20 else ""))
        else:
            print("  every assigned review is in")
    return 0


def _history_options(p: argparse.ArgumentParser, k_help: str) -> None:
    p.add_argument("--groups", metavar="FILE", help="CSV student_id,group: nobody reviews their own group")
    p.add_argument("--history", metavar="DIR", help="folder of earlier weeks' assignment CSVs")
    p.add_argument("-k", type=int, default=None, metavar="K", help=f"reviews per student (default: {k_help})")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default 0)")


def register(subparsers) -> None:
    """Add `peer` and its actions to the `dlcourse` command."""
    peer = subparsers.add_parser("peer", help="peer review: assign, add, drop, verify, export, import",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    peer.set_defaults(run=lambda args: peer.print_help() or 2)
    actions = peer.add_subparsers(dest="peer_command", metavar="ACTION")

    p = actions.add_parser("assign", help="a fresh assignment for a lab")
    p.add_argument("lab", metavar="LAB")
    p.add_argument("--submitters", metavar="FILE", help="CSV with student_id (default: graded hand-ins of LAB)")
    p.add_argument("--class-dir", metavar="DIR", help="class folder holding grades.csv")
    _history_options(p, "reviews_required in grading/course.toml")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(run=run_assign)

    p = actions.add_parser("add", help="give late hand-ins reviewers and reviews, keeping existing pairs")
    p.add_argument("lab", metavar="LAB")
    p.add_argument("--assignments", required=True, metavar="FILE")
    p.add_argument("--late", required=True, metavar="FILE", help="CSV with student_id of the late hand-ins")
    _history_options(p, "as in the assignment file")
    p.add_argument("--rebalance", action="store_true",
                   help="split existing pairs r->a into r->x, x->a so everyone keeps exactly k (changes pairs)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(run=run_add)

    p = actions.add_parser("drop", help="students who dropped out stop reviewing; their hand-ins get new reviewers")
    p.add_argument("lab", metavar="LAB")
    p.add_argument("--assignments", required=True, metavar="FILE")
    p.add_argument("--students", required=True, nargs="+", metavar="ID")
    p.add_argument("--remove-their-handins", action="store_true", help="also stop reviewing their own hand-ins")
    _history_options(p, "as in the assignment file")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(run=run_drop)

    p = actions.add_parser("verify", help="check an assignment file against every rule")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--groups", metavar="FILE")
    p.add_argument("--history", metavar="DIR")
    p.add_argument("-k", type=int, default=None, metavar="K",
                   help="reviews per student (default: reviews_required in grading/course.toml)")
    p.add_argument("--dropped", nargs="+", metavar="ID", help="students who dropped out (they review nobody)")
    p.add_argument("--allow-extra", action="store_true", help="accept more than k (files from add or drop)")
    p.add_argument("--base", metavar="FILE", help="the assignment that add or drop started from: its pairs were "
                   "kept on purpose, so only repeats or reciprocal pairs fixable without them count")
    p.set_defaults(run=run_verify)

    p = actions.add_parser("export", help="one message per reviewer")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", required=True, choices=export.FORMATS)
    p.add_argument("--roster", metavar="FILE", help="CSV student_id,name,email,group")
    p.add_argument("--anonymous", action="store_true", help="stable codes instead of the authors' identities")
    p.add_argument("--salt", metavar="TEXT", help="secret mixed into the anonymous codes")
    p.add_argument("--out", metavar="FILE|DIR")
    p.set_defaults(run=run_export)

    p = actions.add_parser("import", help="store completed reviews for a lab")
    p.add_argument("lab", metavar="LAB")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--assignments", metavar="FILE", help="check the reviews against this assignment")
    p.add_argument("--class-dir", metavar="DIR")
    p.set_defaults(run=run_import)
