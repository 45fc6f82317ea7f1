"""`dlcourse demo`: a small synthetic class handed in, graded through nbgrader and tabulated.

The students, each made from the released notebook of the lab:
  ada     every exercise solved                     fatima  solved, but handed in as 'Copy of lab (1).ipynb'
  ben     the first half solved                     gus     solved, one test cell deleted (nbgrader restores it)
  chloe   notebook JSON broken (truncated file)      hana    an empty hand-in folder
  dev     an infinite loop in the first exercise    (not in the roster: an unknown folder name)
Nothing in labs/ or weeks/ is touched; everything is written to the demo class folder.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

from . import notebooks
from .paths import GRADING, repo_root, resolve_lab, weeks_dir

DEMO_LAB = "w02"
MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def solution_text(source: str) -> str:
    """A solution cell's source without the nbgrader markers: what a student who solved it would write."""
    return "\n".join(line for line in source.splitlines() if not MARKER.match(line))


def solved(release_nb, source_nb, how_many: int | None = None):
    """The released notebook with the first `how_many` (default: all) solution cells filled in from the source."""
    answers = {notebooks.nbgrader_meta(c).get("grade_id"): c.source for c in source_nb.cells
               if notebooks.nbgrader_meta(c).get("solution")}
    nb = json.loads(json.dumps(release_nb))  # deep copy
    done = 0
    for cell in nb["cells"]:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in answers and (how_many is None or done < how_many):
            cell["source"] = solution_text(answers[gid])
            done += 1
    return notebooks.from_dict(nb)


def build_class(lab: str, release_nb, source_nb, inbox: Path) -> list[str]:
    """Write the synthetic hand-ins into `inbox` (one folder per student); returns the roster."""
    n_solutions = sum(1 for c in source_nb.cells if notebooks.nbgrader_meta(c).get("solution")
                      and c.cell_type == "code")
    full = solved(release_nb, source_nb)

    def put(student: str, name: str, nb=None, text: str | None = None) -> None:
        folder = inbox / student
        folder.mkdir(parents=True, exist_ok=True)
        if nb is not None or text is not None:
            (folder / name).write_text(text if text is not None else notebooks.dumps(nb), encoding="utf-8")

    own = f"{lab}.ipynb"
    put("ada", own, full)
    put("ben", own, solved(release_nb, source_nb, max(1, n_solutions // 2)))
    put("chloe", own, text=notebooks.dumps(full)[: len(notebooks.dumps(full)) // 2])
    looping = notebooks.from_dict(json.loads(json.dumps(full)))
    first = next(c for c in looping.cells if notebooks.nbgrader_meta(c).get("solution") and c.cell_type == "code")
    first.source = "while True:  # oops\n    pass\n" + first.source
    put("dev", own, looping)
    put("fatima", "Copy of lab (1).ipynb", full)
    deleted = notebooks.from_dict(json.loads(json.dumps(full)))
    tests = [c for c in deleted.cells if c in notebooks.autograded_tests(deleted)]
    deleted.cells.remove(tests[0])
    put("gus", own, deleted)
    put("hana", "")
    put("zz_unknown_folder", own, full)
    return ["ada", "ben", "chloe", "dev", "fatima", "gus", "hana"]


def run(args) -> int:
    from .classfolder import ClassFolder
    from .course import Course
    from .grading import autograde, desk, tables

    root = repo_root()
    lab = resolve_lab(args.lab, root)
    folder = Path(args.class_dir).resolve() if args.class_dir else root / GRADING / "demo-class"
    release_nb = notebooks.read(weeks_dir(root) / lab / f"{lab}.ipynb")
    source_nb = notebooks.read(root / "labs" / lab / f"{lab}.ipynb")
    if folder.exists():
        shutil.rmtree(folder)  # the demo class is rebuilt from scratch every time
    inbox = folder / "inbox" / lab
    roster = build_class(lab, release_nb, source_nb, inbox)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "roster.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id", "name"])
        w.writerows([s, s.capitalize()] for s in roster)
    print(f"demo class: {len(roster)} students handing in {lab} (see `dlcourse demo --help` for who does what)")
    course, demo = Course.load(root), ClassFolder(folder)  # its own SQLite gradebook, whatever the class uses
    graded = autograde.Lab(root, lab, demo.path, cell_timeout=args.cell_timeout, notebook_timeout=args.timeout)
    found = desk.by_student(desk.take_in(graded, inbox, desk.read_roster(demo), course.timezone))
    desk.grade_lab(graded, workers=args.workers, force=True,
                   on_done=lambda o: print(f"  graded {o.student_id}: {o.status} {o.score:g}/{o.max_score:g}",
                                           flush=True))
    rows = [r for r in desk.rebuild_tables(course, demo) if r.outcome.lab == lab]
    print(tables.format_table(rows, found))
    print(f"demo finished: {sum(r.passed for r in rows)} of {len(roster)} students passed; grades in "
          f"{demo.grades_csv}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("demo", help="grade a small synthetic class end to end (the main job)",
                       description=__doc__, formatter_class=__import__("argparse").RawDescriptionHelpFormatter)
    p.add_argument("--lab", default=DEMO_LAB, help=f"lab to hand in (default {DEMO_LAB})")
    p.add_argument("--class-dir", help="demo class folder (default grading/demo-class)")
    p.add_argument("--workers", type=int, default=None, help="parallel graders (default: one per core)")
    p.add_argument("--cell-timeout", type=int, default=20, help="seconds per cell (the looping student hits it)")
    p.add_argument("--timeout", type=int, default=300, help="seconds per notebook")
    p.set_defaults(run=run)
