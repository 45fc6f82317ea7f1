"""`dlcourse challenge LAB`: the data challenge's leaderboard (the work is done in leaderboard.py).

Kept apart so that `dlcourse --help` does not import NumPy.
"""
from __future__ import annotations

import json

from .classfolder import ClassFolder
from .course import Course
from .errors import CourseError
from .paths import repo_root, resolve_lab

DESCRIPTION = ("Score every graded hand-in of a lab's data challenge on the hidden test labels (public and private "
               "parts) and write leaderboard.csv and leaderboard.html (accuracy against training energy) into "
               "<class>/challenge/<lab>/.")


def run(args) -> int:
    from .leaderboard import _fmt, collect_entries, load_labels, score_entries, write_leaderboard

    root = repo_root()
    lab = resolve_lab(args.lab, root)
    folder = ClassFolder.open(Course.load(root), args.class_dir).path
    y_test, public, fingerprint = load_labels(root, lab)
    entries = collect_entries(folder, lab, fingerprint)
    if not entries:
        raise CourseError(f"no graded hand-ins of {lab} in {folder / 'autograded'}: run `dlcourse grade {lab}` first")
    scores = score_entries(entries, y_test, public, by="public" if args.public_only else "private")
    csv_path, html_path = write_leaderboard(folder, lab, scores, public, args.public_only)
    key = "public" if args.public_only else "private"
    for s in scores[:10]:
        acc = getattr(s, key)
        print(f"{s.rank or '-':>4}  {s.student_id:<20} {key} {_fmt(acc) or '-':>7}  "
              f"{_fmt(s.watt_hours, 3) or '?':>7} Wh  {s.problem}")
    print(json.dumps({"entries": len(scores), "csv": str(csv_path), "html": str(html_path)}))
    return 0


def register(sub) -> None:
    p = sub.add_parser("challenge", help="score a lab's data-challenge hand-ins and write the leaderboard",
                       description=DESCRIPTION)
    p.add_argument("lab", help="the lab, e.g. w06")
    p.add_argument("--class-dir", default=None, help="the class folder (default: grading/class or $DLCOURSE_CLASS)")
    p.add_argument("--public-only", action="store_true",
                   help="rank on the public part and leave the private accuracies out (to show during the week)")
    p.set_defaults(run=run)
