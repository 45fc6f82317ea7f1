"""Where things live in the course repository: the labs and the release (the class folder: classfolder.py)."""
from __future__ import annotations

from pathlib import Path

from .. import settings
from .errors import CourseError

LABS = "labs"
WEEKS = "weeks"
GRADING = "grading"
HEADER = "header.ipynb"   # in a lab folder: put before every notebook of the lab at release (nbgrader's header)


def repo_root(start: Path | None = None) -> Path:
    """The course repository: `DLCOURSE_ROOT`, else the nearest folder above `start` holding labs/ and grading/."""
    if settings.text("DLCOURSE_ROOT"):
        return Path(settings.text("DLCOURSE_ROOT")).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / LABS).is_dir() and (folder / GRADING).is_dir():
            return folder
    raise CourseError(f"no course repository found above {here}: run this inside the course repository "
                      "or set DLCOURSE_ROOT")


def labs_dir(root: Path | None = None) -> Path:
    return (root or repo_root()) / LABS


def weeks_dir(root: Path | None = None) -> Path:
    return (root or repo_root()) / WEEKS


def is_course_week(name: str) -> bool:
    """The course's own labs are named wNN_topic; the prefix orders the weeks."""
    return name[:1] == "w" and name[1:3].isdigit()


def lab_notebooks(lab: str, root: Path | None = None) -> list[str]:
    """The names (without .ipynb) of a lab's notebooks: every notebook of its folder but the header."""
    folder = labs_dir(root) / lab
    return sorted(p.stem for p in folder.glob("*.ipynb") if p.name != HEADER) if folder.is_dir() else []


def lab_names(root: Path | None = None) -> list[str]:
    """Every lab: a folder of labs/ holding nbgrader source notebooks; the course's weeks first, in week order,
    then other labs (a teacher's own material, e.g. nbgrader's 'ps1' with problem1.ipynb, problem2.ipynb) by name."""
    base = labs_dir(root)
    if not base.is_dir():
        return []
    found = [p.name for p in base.iterdir() if p.is_dir() and (is_course_week(p.name) or lab_notebooks(p.name, root))]
    return sorted(found, key=lambda n: (not is_course_week(n), n))


def resolve_lab(name: str, root: Path | None = None) -> str:
    """Turn 'w02', '2', '02' or 'w02_ffnn_numpy' into the lab folder name, or say which labs exist."""
    names = lab_names(root)
    key = name.strip().lower().rstrip("/").split("/")[-1]
    if key.isdigit():
        key = f"w{int(key):02d}"
    matches = [n for n in names if n == key or n.split("_")[0] == key]
    if len(matches) != 1:
        raise CourseError(f"unknown lab '{name}': a lab is a folder labs/<name>/ holding its nbgrader "
                          f"source notebooks (.ipynb); this course has {', '.join(names) or 'none yet'}")
    return matches[0]
