"""`dlcourse doctor`: check that this machine can run the labs and grade them, and say what to fix."""
from __future__ import annotations

import importlib
import shutil
import sys

CHECKS = [("numpy", True), ("torch", True), ("torchvision", True), ("matplotlib", True), ("tqdm", True),
          ("gymnasium", True), ("nbgrader", False), ("jupyterlab", False), ("sqlalchemy", False)]


def run(args) -> int:
    problems = 0
    print(f"python      {sys.version.split()[0]} ({sys.executable})")
    for name, student in CHECKS:
        try:
            module = importlib.import_module(name)
            print(f"{name:<11} {getattr(module, '__version__', 'ok')}")
        except ImportError:
            problems += student
            extra = "" if student else "[teacher]"
            print(f"{name:<11} MISSING: pip install -e '.{extra}'" if extra else f"{name:<11} MISSING: pip install -e .")
    try:
        from ..device import describe, pick_device

        print(f"device      {describe(pick_device())}")
    except Exception as err:  # a broken CUDA set-up, a bad DLCOURSE_DEVICE
        problems += 1
        print(f"device      PROBLEM: {err}")
    from ..settings import data_dir, fast_mode, offline

    print(f"data cache  {data_dir()} (DLCOURSE_DATA)")
    print(f"fast mode   {'on' if fast_mode() else 'off'} (DLCOURSE_FAST); offline {'on' if offline() else 'off'}")
    for tool, what in (("bwrap", "sandboxed grading"), ("sbatch", "SLURM scale-out"), ("bsub", "LSF scale-out")):
        print(f"{tool:<11} {'found' if shutil.which(tool) else 'not found'} ({what}, optional)")
    problems += course_problems()
    print("all good" if not problems else f"{problems} problem(s): fix the lines marked above")
    return 1 if problems else 0


def course_problems() -> int:
    """Rules of the course repository here (if any) that cannot be met; prints each."""
    from .course import Course
    from .errors import CourseError
    from .paths import repo_root

    try:
        course = Course.load(repo_root())
    except CourseError as err:
        print(f"course      {err}" if "no course repository" not in str(err) else "course      (not in a course repository)")
        return 0 if "no course repository" in str(err) else 1
    need, have = course.rules.labs_for_project, len(course.labs)
    if need > have:
        print(f"course      PROBLEM: project access needs {need} labs passed but labs/ holds {have}: "
              f"lower labs_for_project in {course.file}")
        return 1
    print(f"course      {course.name}: {have} labs, project access with {need} passed")
    return 0


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check this machine's set-up for the labs and for grading")
    p.set_defaults(run=run)
