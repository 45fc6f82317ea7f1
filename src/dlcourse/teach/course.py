"""The course settings, `grading/course.toml`, read once and typed; every command takes its defaults from here."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import CourseError
from .grading.rules import Rules, parse_rules
from .paths import GRADING, lab_names

COURSE_FILE = "course.toml"


@dataclass(frozen=True)
class Course:
    """One course repository and its settings. The defaults below are the only ones."""

    root: Path
    name: str = "Deep learning"
    student_repository: str = ""    # the public repository students install from and open in Colab
    release_tag: str = "main"       # the term's tag of that repository
    timezone: str = "UTC"           # IANA name: zone-less times (zip entries) are read in it
    gradebook: str = ""             # SQLAlchemy URL; '' = SQLite in the class folder
    labs: list[str] = field(default_factory=list)
    rules: Rules = Rules()

    @property
    def file(self) -> Path:
        return self.root / GRADING / COURSE_FILE

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @classmethod
    def load(cls, root: Path) -> "Course":
        """Read `root`/grading/course.toml; a missing or bad file is a one-line CourseError."""
        path = root / GRADING / COURSE_FILE
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CourseError(f"{path} is missing: restore it from the repository") from None
        except tomllib.TOMLDecodeError as err:
            raise CourseError(f"{path} is not valid TOML ({err}): fix the line it names") from None
        return parse_course(root, data, lab_names(root))


def parse_course(root: Path, data: dict, labs: list[str]) -> Course:
    """A Course from parsed TOML (pure)."""
    c = data.get("course", {})
    known = {"name", "student_repository", "release_tag", "timezone", "gradebook"}
    unknown = sorted(set(c) - known)
    if unknown:
        raise CourseError(f"[course] in course.toml has unknown key(s) {', '.join(unknown)}: "
                          f"use {', '.join(sorted(known))}")
    timezone = str(c.get("timezone", Course.timezone))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CourseError(f"[course] timezone {timezone!r} is not an IANA time zone: write e.g. "
                          "\"Europe/Copenhagen\"") from None
    return Course(root=root, name=str(c.get("name", Course.name)),
                  student_repository=str(c.get("student_repository", "")).rstrip("/"),
                  release_tag=str(c.get("release_tag", Course.release_tag)), timezone=timezone,
                  gradebook=str(c.get("gradebook", "")), labs=labs, rules=parse_rules(data, labs))
