"""`dlcourse`: the teacher's console command. Each subcommand lives in its own module with a `register`."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import CourseError

# module that registers each subcommand; a module that cannot be imported (a missing optional
# dependency) leaves its subcommand out with a note instead of breaking the others
SUBCOMMANDS = {
    "release": "dlcourse.teach.release",
    "grade": "dlcourse.teach.grading.cli",
    "feedback": "dlcourse.teach.grading.cli",
    "status": "dlcourse.teach.grading.cli",
    "report": "dlcourse.teach.grading.cli",
    "demo": "dlcourse.teach.demo",
    "peer": "dlcourse.teach.peer.cli",
    "doctor": "dlcourse.teach.doctor",
    "projects": "dlcourse.teach.projects.cli",
    "publish": "dlcourse.teach.publish",
    "challenge": "dlcourse.teach.challenge",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dlcourse", description="Course platform for 02456-style deep learning labs.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in dict.fromkeys(SUBCOMMANDS.values()):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if not err.name or not err.name.startswith("dlcourse"):
                print(f"dlcourse: note: {module_name} unavailable ({err}); install with: pip install -e '.[teacher]'",
                      file=sys.stderr)
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except CourseError as err:
        print(f"dlcourse {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"dlcourse {args.command}: interrupted; nothing finished is lost, run it again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
