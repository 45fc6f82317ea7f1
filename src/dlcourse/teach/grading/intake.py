"""Intake: hand-ins as a learning platform delivers them -> one notebook per student in the class folder.

Accepted: a folder with one sub-folder or one zip per student, loose notebooks named after students,
or one zip of everything. The teacher's originals are only read, never changed, moved or deleted.
"""
from __future__ import annotations

import csv
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import CourseError

IGNORED_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".git"}
MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024


@dataclass
class Handin:
    """What intake found for one student: the notebook taken (path) or the reason none was (problem)."""

    student_id: str
    origin: str                       # the folder, zip or file it came from, as the teacher named it
    notebook: Path | None = None      # the file taken (inside a scratch copy for zips)
    taken_name: str = ""              # its name as handed in, e.g. 'Copy of lab2 (1).ipynb'
    submitted_at: datetime | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.notebook is not None and not self.problem


def read_roster(path: Path) -> dict[str, dict]:
    """roster.csv (column student_id; optional name, email, group) -> {student_id: row}."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        raise CourseError(f"roster {path} not found: create it (column student_id) or leave it out") from None
    if not rows or "student_id" not in rows[0]:
        raise CourseError(f"roster {path} has no student_id column: add a header line starting with student_id")
    roster: dict[str, dict] = {}
    for row in rows:
        sid = (row.get("student_id") or "").strip()
        if not sid:
            continue
        if sid in roster:
            raise CourseError(f"roster {path} lists {sid} twice: keep one row per student")
        roster[sid] = {k: (v or "").strip() for k, v in row.items()}
    return roster


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s_\-.()\[\],]+", name) if t]


def student_of(name: str, roster: dict | None) -> str | None:
    """The student a folder/zip/file name belongs to: a roster id found in it, else its first token."""
    stem = Path(name).stem if name.lower().endswith((".zip", ".ipynb")) else name
    if roster:
        if stem in roster:
            return stem
        hits = [t for t in _tokens(stem) if t in roster] or [s for s in roster if len(s) >= 4 and s in stem]
        return hits[0] if len(set(hits)) == 1 else None
    tokens = _tokens(stem)
    return tokens[0] if tokens else None


def _usable(path: Path) -> bool:
    return not (set(path.parts) & IGNORED_PARTS) and not path.name.startswith("._")


def _lab_keys(lab: str) -> list[str]:
    num = int(lab[1:3])
    return [lab.lower(), f"w{num:02d}", f"week{num}", f"week {num}", f"week_{num}", f"lab{num}", f"lab {num}",
            f"lab_{num}", lab.split("_", 1)[-1].lower()]


def choose_notebook(files: list[Path], lab: str) -> tuple[Path | None, str]:
    """The one notebook among a student's files, or the reason there is none."""
    notebooks = [f for f in files if f.suffix.lower() == ".ipynb" and _usable(f)]
    if not notebooks:
        others = [f.name for f in files if _usable(f)]
        return None, ("empty hand-in" if not others else f"no notebook (.ipynb) among: {', '.join(sorted(others)[:5])}")
    if len(notebooks) == 1:
        return notebooks[0], ""
    keys = _lab_keys(lab)
    named = [f for f in notebooks if any(k in f.name.lower() for k in keys)]
    if len(named) == 1:
        return named[0], ""
    names = ", ".join(sorted(f.name for f in notebooks)[:5])
    return None, f"several candidate notebooks ({names}): hand in exactly one"


def _extract(zip_path: Path, dest: Path) -> dict[Path, datetime]:
    """Extract a zip safely (no absolute paths, no '..'); returns each file's time stamp."""
    stamps = {}
    try:
        with zipfile.ZipFile(zip_path) as zf:
            for info in zf.infolist():
                parts = Path(info.filename).parts
                if info.is_dir() or not parts or info.filename.startswith("/") or ".." in parts:
                    continue
                target = dest.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, target.open("wb") as out:
                    shutil.copyfileobj(src, out)
                stamps[target] = datetime(*info.date_time, tzinfo=timezone.utc)
    except zipfile.BadZipFile:
        raise CourseError(f"{zip_path.name} is not a valid zip file") from None
    return stamps


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


@contextmanager
def scan(source: Path, lab: str, roster: dict | None = None):
    """Yield one Handin per student found in `source` (zips are read from a scratch copy)."""
    source = Path(source)
    if not source.exists():
        raise CourseError(f"hand-in folder {source} does not exist: give the folder or zip your learning platform exported")
    with tempfile.TemporaryDirectory(prefix="dlcourse-intake-") as tmp:
        scratch = Path(tmp)
        stamps: dict[Path, datetime] = {}
        if source.is_file():
            if source.suffix.lower() != ".zip":
                raise CourseError(f"{source} is neither a folder nor a zip file: give the hand-in folder or zip")
            stamps.update(_extract(source, scratch / "all"))
            base = scratch / "all"
            entries = sorted(p for p in base.iterdir() if _usable(p))
            if len(entries) == 1 and entries[0].is_dir():  # a zip with one top folder
                base = entries[0]
        else:
            base = source
        found: dict[str, Handin] = {}
        unknown: list[Handin] = []
        for entry in sorted(p for p in base.iterdir() if _usable(p)):
            if entry.is_file() and entry.suffix.lower() not in (".zip", ".ipynb"):
                continue
            sid = student_of(entry.name, roster)
            if sid is None:
                unknown.append(Handin(student_id="?", origin=entry.name,
                                      problem="unknown student: no roster id in this name (check roster.csv)"))
                continue
            if entry.is_dir():
                files = [p for p in entry.rglob("*") if p.is_file()]
            elif entry.suffix.lower() == ".zip":
                dest = scratch / "zips" / entry.stem
                try:
                    stamps.update(_extract(entry, dest))
                except CourseError as err:
                    found.setdefault(sid, Handin(sid, entry.name, problem=str(err)))
                    continue
                files = [p for p in dest.rglob("*") if p.is_file()]
            else:
                files = [entry]
            if sid in found:
                found[sid].problem = f"several hand-ins for this student ({found[sid].origin}, {entry.name})"
                found[sid].notebook = None
                continue
            notebook, problem = choose_notebook(files, lab)
            h = Handin(sid, entry.name, notebook, notebook.name if notebook else "", problem=problem)
            if notebook is not None:
                if notebook.stat().st_size > MAX_NOTEBOOK_BYTES:
                    h.problem, h.notebook = f"notebook larger than {MAX_NOTEBOOK_BYTES // 2**20} MiB", None
                else:
                    h.submitted_at = stamps.get(notebook) or _mtime(notebook)
            found[sid] = h
        yield [found[s] for s in sorted(found)] + unknown


def admit(handin: Handin, submitted: Path, lab: str) -> bool:
    """Copy the hand-in to submitted/<student>/<lab>/<lab>.ipynb (+ timestamp.txt); False when unchanged."""
    dest_dir = submitted / handin.student_id / lab
    dest = dest_dir / f"{lab}.ipynb"
    data = handin.notebook.read_bytes()
    stamp = (handin.submitted_at or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M:%S.%f %Z")
    if dest.exists() and dest.read_bytes() == data:
        return False
    if dest_dir.exists():
        shutil.rmtree(dest_dir)
    dest_dir.mkdir(parents=True)
    dest.write_bytes(data)
    (dest_dir / "timestamp.txt").write_text(stamp + "\n")
    return True
