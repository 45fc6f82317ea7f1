"""The class folder (roster, hand-ins, gradebook, records, tables, reports): its layout, spelled once here."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from .. import settings
from .course import Course

SQLITE_TIMEOUT_S = 120  # a generous busy timeout lets parallel graders take turns writing to SQLite


def sqlite_url(file: Path) -> str:
    return f"sqlite:///{file}?timeout={SQLITE_TIMEOUT_S}"


def is_sqlite(db_url: str) -> bool:
    return db_url.split(":", 1)[0].split("+", 1)[0] == "sqlite"


def sqlite_file(db_url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases)."""
    if not is_sqlite(db_url):
        return None
    path = db_url.split(":///", 1)[-1].split("?", 1)[0]
    return Path(path) if path else None


def with_driver(db_url: str) -> str:
    """A PostgreSQL URL without a driver gets the installed one: SQLAlchemy 2.1 assumes psycopg (3) for a bare
    postgresql://, 2.0 psycopg2, and the teacher's extra may hold either."""
    scheme, sep, rest = db_url.partition("://")
    if scheme not in ("postgresql", "postgres") or not sep:
        return db_url
    have = [d for d in ("psycopg", "psycopg2") if importlib.util.find_spec(d)]
    return f"postgresql+{have[0]}://{rest}" if len(have) == 1 else f"postgresql://{rest}"


@dataclass(frozen=True)
class ClassFolder:
    """Where a class's data lives, and which gradebook it uses."""

    path: Path
    db_url: str = ""

    def __post_init__(self):
        object.__setattr__(self, "path", Path(self.path).resolve())
        object.__setattr__(self, "db_url", with_driver(self.db_url) or self.default_db_url)

    @classmethod
    def open(cls, course: Course, folder: str | Path | None = None, db: str | None = None) -> "ClassFolder":
        """The class folder: `folder`, else DLCOURSE_CLASS, else grading/class; the gradebook: `db`, else
        DLCOURSE_DB, else course.toml's `gradebook`, else SQLite in the folder. The same for every command."""
        path = Path(folder or settings.text("DLCOURSE_CLASS") or course.root / "grading" / "class")
        return cls(path, db or settings.text("DLCOURSE_DB") or course.gradebook)

    @property
    def default_db_url(self) -> str:
        return sqlite_url(self.path / "gradebook.db")

    @property
    def uses_default_db(self) -> bool:
        return self.db_url == self.default_db_url

    # nbgrader's folders (relative names: nbgrader's CourseDirectory takes them so)
    SUBMITTED, AUTOGRADED, FEEDBACK, RELEASE = "submitted", "autograded", "feedback", "release"

    @property
    def roster(self) -> Path:
        return self.path / "roster.csv"

    @property
    def submitted(self) -> Path:
        return self.path / self.SUBMITTED

    @property
    def feedback(self) -> Path:
        return self.path / self.FEEDBACK

    @property
    def release(self) -> Path:
        return self.path / self.RELEASE

    @property
    def work(self) -> Path:
        """Grading's own scratch files (settings, markers, worker logs)."""
        return self.path / ".work"

    @property
    def grades_csv(self) -> Path:
        return self.path / "grades.csv"

    @property
    def status_csv(self) -> Path:
        return self.path / "status.csv"

    @property
    def report_html(self) -> Path:
        return self.path / "report.html"

    @property
    def peer(self) -> Path:
        return self.path / "peer"

    @property
    def shards(self) -> Path:
        return self.path / "shards"

    def results(self, lab: str) -> Path:
        """One JSON record per graded hand-in."""
        return self.path / "results" / lab

    def intake_report(self, lab: str) -> Path:
        return self.path / "intake" / f"{lab}.csv"

    def cluster(self, lab: str) -> Path:
        return self.path / "cluster" / lab

    def challenge(self, lab: str) -> Path:
        return self.path / "challenge" / lab


def default_db_url(class_dir: str | Path) -> str:
    """The SQLite gradebook of the class folder `class_dir`."""
    return ClassFolder(Path(class_dir)).default_db_url
