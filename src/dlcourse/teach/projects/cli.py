"""`dlcourse projects render|allocate`: the project catalogue and the allocation of groups to projects."""
from __future__ import annotations

import argparse
from pathlib import Path

from ... import settings
from ..errors import CourseError
from ..files import write_atomic

HELP = """\
  dlcourse projects render [--catalogue FILE] [--check]
      Validate the catalogue (one line per bad entry) and write README.md and catalogue.html beside it;
      --check writes nothing and fails, naming each file, when they are stale.
  dlcourse projects allocate --choices CHOICES.csv --out ALLOCATION.csv [--catalogue FILE] [--seed N]
                             [--roster FILE] [--status FILE] [--class-dir DIR] [--ignore-eligibility]
      CHOICES.csv: group,members,choice_1..choice_N (members separated by spaces or semicolons).
      Writes group,members,project,rank (empty project and rank: left out) and prints a summary.
      Fewest groups left out first, then as many 1st choices as possible, then 2nd, ...; ties by --seed.
      Groups with a member not project_eligible in status.csv are left out unless --ignore-eligibility;
      the roster and status files default to the class folder's roster.csv and status.csv when they exist.
"""


def _root() -> Path | None:
    from ..paths import repo_root

    try:
        return repo_root()
    except CourseError:
        return None


def _catalogue_path(given: str | None) -> Path:
    if given:
        return Path(given)
    root = _root()
    return (root / "projects" / "catalogue.toml") if root else Path("projects") / "catalogue.toml"


def run_render(args) -> int:
    from . import catalogue, render

    path = _catalogue_path(args.catalogue)
    cat = catalogue.load(path)
    if args.check:
        stale = render.stale(cat, path.parent)
        if stale:
            raise CourseError(f"stale: {', '.join(str(p) for p in stale)}; run `dlcourse projects render`")
        print(f"{path.parent}/README.md and catalogue.html are up to date ({len(cat.projects)} proposals)")
        return 0
    changed = render.stale(cat, path.parent)
    for file, text in render.rendered(cat, path.parent).items():
        if file in changed:
            write_atomic(file, text)
    print(f"{len(cat.projects)} proposals; "
          + (f"wrote {', '.join(str(p) for p in changed)}" if changed else "rendered files already up to date"))
    return 0


def _class_dir(given: str | None) -> Path | None:
    if given:
        return Path(given)
    if settings.text("DLCOURSE_CLASS"):
        return Path(settings.text("DLCOURSE_CLASS"))
    root = _root()
    return root / "grading" / "class" if root else None


def run_allocate(args) -> int:
    import sys

    from . import allocate, catalogue

    cat = catalogue.load(_catalogue_path(args.catalogue))
    folder = _class_dir(args.class_dir)
    roster_path = Path(args.roster) if args.roster else (folder / "roster.csv" if folder else None)
    status_path = Path(args.status) if args.status else (folder / "status.csv" if folder else None)
    roster = None
    if args.roster or (roster_path and roster_path.exists()):
        roster = {r["student_id"] for r in allocate.read_ids(roster_path, "roster")}
    groups = allocate.read_choices(args.choices, cat, roster)
    out = Path(args.out)
    if out.resolve() == Path(args.choices).resolve():
        raise CourseError("--out must not be the choices file")

    excluded: dict[str, str] = {}
    if args.status or (status_path and status_path.exists()):
        eligible = allocate.read_eligibility(status_path)
        for g in groups:
            bad = [m for m in g.members if not eligible.get(m, False)]
            if bad:
                why = ", ".join(f"{m} {'is not in status.csv' if m not in eligible else 'has not passed enough labs'}"
                                for m in bad)
                if args.ignore_eligibility:
                    print(f"note: {g.name} kept although not eligible ({why}): --ignore-eligibility", file=sys.stderr)
                else:
                    excluded[g.name] = f"not eligible: {why}"
    elif not args.ignore_eligibility:
        print(f"note: no status file ({status_path or 'no class folder'}): project eligibility not checked; "
              "run `dlcourse status` first or give --status FILE", file=sys.stderr)

    problem = allocate.Problem.from_catalogue([g for g in groups if g.name not in excluded], cat)
    result = allocate.solve(problem, seed=args.seed)
    result.update({name: None for name in excluded})
    write_atomic(out, allocate.allocation_csv(groups, result))
    print(allocate.summary(groups, result, cat, excluded, args.seed))
    print(f"wrote {out}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("projects", help="the project catalogue (render) and allocation from ranked choices",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    ps = p.add_subparsers(dest="projects_command", metavar="ACTION", required=True)
    r = ps.add_parser("render", help="catalogue.toml -> README.md and catalogue.html (--check: fail when stale)")
    r.add_argument("--catalogue", metavar="FILE", help="default: projects/catalogue.toml of the repository")
    r.add_argument("--check", action="store_true", help="write nothing; fail when the rendered files are stale")
    r.set_defaults(run=run_render)
    a = ps.add_parser("allocate", help="allocate projects to groups from their ranked choices")
    a.add_argument("--choices", required=True, metavar="CSV", help="group,members,choice_1,...,choice_N")
    a.add_argument("--out", required=True, metavar="CSV", help="where to write group,members,project,rank")
    a.add_argument("--catalogue", metavar="FILE", help="default: projects/catalogue.toml of the repository")
    a.add_argument("--seed", type=int, default=0, help="breaks ties between equally good allocations (default 0)")
    a.add_argument("--roster", metavar="CSV", help="student ids that exist (default: class folder roster.csv)")
    a.add_argument("--status", metavar="CSV", help="project_eligible per student (default: class folder status.csv)")
    a.add_argument("--class-dir", metavar="DIR", help="class folder (default DLCOURSE_CLASS, else grading/class)")
    a.add_argument("--ignore-eligibility", action="store_true", help="allocate groups whatever status.csv says")
    a.set_defaults(run=run_allocate)
