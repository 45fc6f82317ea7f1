"""Intake: hand-ins as a learning platform delivers them -> the lab's notebook(s) per student in the class folder.

Accepted: downloads of Moodle, Canvas, Blackboard, Brightspace/D2L and nbgrader's zip_collect layout (see
platforms.py), a folder with one sub-folder, zip or notebook per student, or one zip of any of these; a
folder may also hold one archive plus loose late files. Students are matched against every roster column
(matching.py); several attempts of one student: the latest is taken, the others reported. The teacher's
originals are only read, never changed, moved or deleted. A lab of several notebooks is taken whole: each
notebook is found by its name (renamed copies accepted, see choose_notebooks), the missing ones are reported.

A hand-in's time comes, in this order, from the platform's own record (the attempt time in a name, the
Brightspace folder time), a timestamp.txt in the hand-in, the zip entry (read in the course's time zone),
the file's modification time.
"""
from __future__ import annotations

import csv
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import CourseError
from ..notebooks import read as read_notebook
from .matching import Roster
from .platforms import Piece, merge, recognise
from .times import parse_stamp, write_stamp, zone

__all__ = ["Handin", "read_roster", "scan", "admit", "choose_notebook", "choose_notebooks", "parse_stamp"]

IGNORED_PARTS = {"__MACOSX", ".ipynb_checkpoints", ".git", ".DS_Store"}
MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024


@dataclass
class Handin:
    """What intake found for one student: the notebook taken (path) or the reason none was (problem)."""

    student_id: str                   # '?' when the hand-in matched no roster student
    origin: str                       # the folder, zip or file it came from, as the teacher named it
    notebook: Path | None = None      # the file taken (inside a scratch copy for zips)
    taken_name: str = ""              # its name as handed in, e.g. 'Copy of lab2 (1).ipynb'
    submitted_at: datetime | None = None
    problem: str = ""                 # why nothing was taken (blocks this hand-in)
    notes: str = ""                   # worth knowing, blocks nothing: other attempts, a platform's late mark
    platform: str = ""                # 'Moodle', 'Canvas', 'Blackboard', 'Brightspace', 'nbgrader', 'plain folder'
    time_source: str = ""             # where submitted_at came from
    candidates: list[str] = field(default_factory=list)   # roster students an ambiguous name fits
    matched_by: str = ""              # the roster column that matched
    notebooks: dict[str, Path] = field(default_factory=dict)  # a lab of several notebooks: {notebook: file taken}
    missing: list[str] = field(default_factory=list)          # ... and those of its notebooks not found
    taken_names: dict[str, str] = field(default_factory=dict)  # ... and each file's name as handed in

    @property
    def ok(self) -> bool:
        return self.notebook is not None and not self.problem


def read_roster(path: Path) -> dict[str, dict]:
    """roster.csv (column student_id; optional name, email, group, platform ids) -> {student_id: row}."""
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
        roster[sid] = {k: (v or "").strip() for k, v in row.items() if k is not None}
    return roster


def student_of(name: str, roster: dict | None) -> str | None:
    """The student a plain folder/zip/file name belongs to (None: nobody, or several)."""
    stem = Path(name).stem if name.lower().endswith((".zip", ".ipynb")) else name
    if not roster:
        return None if re.search(r"\s", stem) or not stem else stem
    return Roster(roster).match(free=stem).student_id


def _usable(path: Path) -> bool:
    return not (set(path.parts) & IGNORED_PARTS) and not path.name.startswith(("._", "~$"))


def _lab_keys(lab: str) -> list[str]:
    keys = [lab.lower(), lab.split("_", 1)[-1].lower()]
    num = re.match(r"^[a-z]*?(\d+)", lab.lower())
    if num:
        n = int(num[1])
        keys += [f"w{n:02d}", f"week{n}", f"week {n}", f"week_{n}", f"lab{n}", f"lab {n}", f"lab_{n}"]
    return keys


def _notebooks_in(files: list[Path]) -> tuple[list[Path], str]:
    """The usable notebooks among a student's files, and the reason when there is none."""
    notebooks = [f for f in files if f.suffix.lower() == ".ipynb" and _usable(f)]
    if notebooks:
        return notebooks, ""
    others = [f.name for f in files if _usable(f) and f.name != "timestamp.txt"]
    return [], "empty hand-in" if not others else f"no notebook (.ipynb) among: {', '.join(sorted(others)[:5])}"


def choose_notebook(files: list[Path], lab: str, name: str | None = None) -> tuple[Path | None, str]:
    """The one notebook among a student's files, or the reason there is none; `name`: the lab's notebook's name
    when it is not named after the lab."""
    notebooks, why = _notebooks_in(files)
    if not notebooks:
        return None, why
    if len(notebooks) == 1:
        return notebooks[0], ""
    keys = _lab_keys(lab) + ([name.lower()] if name and name != lab else [])
    named = [f for f in notebooks if any(k in f.name.lower() for k in keys)]
    if len(named) == 1:
        return named[0], ""
    names = ", ".join(sorted(f.name for f in notebooks)[:5])
    return None, f"several candidate notebooks ({names}): hand in exactly one"


_COPY_MARKS = re.compile(r"^(?:copy of |kopie van |kopi af |kopia )+|(?:[ _-]*\(\d+\)|[ _-]copy\d*|[ _-]kopi\d*|-\d+)+$",
                         re.IGNORECASE)


def _keys(name: str) -> list[str]:
    """How a handed-in file's name may spell a notebook's name, best first: as it is, without the marks of a
    copy ('Copy of', ' (1)', '-Copy1'), and the ends of either after a platform's or student's prefix."""
    stem = name[:-6] if name.lower().endswith(".ipynb") else name
    stem = stem.strip().lower()
    bare = _COPY_MARKS.sub("", stem).strip()
    return [stem, bare]


def _fits(key: str, notebook: str) -> int | None:
    """How well a name key fits `notebook` (0 best), None when it does not."""
    if key == notebook:
        return 0
    if key.endswith(notebook) and key[-len(notebook) - 1] in " _-":
        return 1
    return None


def choose_notebooks(files: list[Path], lab: str, names: list[str], handed_in_as: dict | None = None
                     ) -> tuple[dict[str, Path], list[str], str]:
    """A lab of several notebooks: ({notebook: file}, notebooks not found, problem). Each notebook is found by
    its name; renamed copies ('problem1 (1).ipynb', 'problem1-Copy1.ipynb', a platform's or student's prefix)
    are taken when nothing fits better; two files that fit one notebook equally well are a problem."""
    handed_in_as = handed_in_as or {}
    notebooks, why = _notebooks_in(files)
    if not notebooks:
        return {}, list(names), why
    taken, missing, clashes = {}, [], []
    for nb in names:
        want = nb.lower()
        ranked = []
        for f in notebooks:
            fits = [r * 2 + i for i, k in enumerate(_keys(handed_in_as.get(f, f.name)))
                    if (r := _fits(k, want)) is not None]
            if fits:
                ranked.append((min(fits), f))
        if not ranked:
            missing.append(nb)
            continue
        best = min(r for r, _ in ranked)
        top = [f for r, f in ranked if r == best]
        if len(top) > 1:
            clashes.append(f"{nb}.ipynb ({', '.join(sorted(handed_in_as.get(f, f.name) for f in top))})")
        else:
            taken[nb] = top[0]
    if clashes:
        return {}, missing, f"several files fit one notebook: {'; '.join(clashes)}: hand in one of each"
    if not taken:
        got = ", ".join(sorted(handed_in_as.get(f, f.name) for f in notebooks)[:5])
        want = ", ".join(f"{nb}.ipynb" for nb in names)
        return {}, missing, f"none of the lab's notebooks ({want}) among: {got}"
    return taken, missing, ""


def _unusable(found: dict[str, Path]) -> dict[str, str]:
    """{notebook: why} for the files that are no readable notebook (corrupt JSON, not a notebook)."""
    out = {}
    for nb, path in found.items():
        try:
            read_notebook(path)
        except CourseError as err:
            out[nb] = str(err).split(": ", 1)[-1]
    return out


def _extract(zip_path: Path, dest: Path, tz) -> dict[Path, datetime]:
    """Extract a zip safely (no absolute paths, no '..'); returns each file's time (zone-less: read in tz)."""
    stamps = {}
    where = zone(tz)
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
                try:
                    stamps[target] = datetime(*info.date_time, tzinfo=where)
                except ValueError:
                    pass
    except (zipfile.BadZipFile, OSError):
        raise CourseError(f"{zip_path.name} is not a valid zip file") from None
    return stamps


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def _platform_names(names: list[str]) -> bool:
    """Do these top-level names look like a platform's download (not one student's own files)?"""
    from . import platforms

    pats = (platforms.MOODLE, platforms.BRIGHTSPACE, platforms.ATTEMPT, platforms.CANVAS)
    return any(p.match(n) for n in names for p in pats)


def _top_names(zip_path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(zip_path) as zf:
            names = [n for n in zf.namelist() if n and not n.startswith("__MACOSX")]
    except (zipfile.BadZipFile, OSError):
        return []
    tops = sorted({n.split("/", 1)[0] for n in names})
    if len(tops) == 1 and any("/" in n for n in names):
        tops = sorted({n.split("/")[1] for n in names if n.count("/") >= 1 and n.split("/")[1]})
    return tops


def _entries(base: Path, scratch: Path, stamps: dict, tz, prefix: str = "") -> list[tuple[str, Path]]:
    """(origin, path) of the top-level entries; an archive of a platform's download is opened in place."""
    out = []
    items = sorted(p for p in base.iterdir() if _usable(p))
    if len(items) == 1 and items[0].is_dir() and not _platform_names([items[0].name]) and prefix:
        return _entries(items[0], scratch, stamps, tz, f"{prefix}{items[0].name}/")
    for p in items:
        if p.is_file() and p.suffix.lower() == ".zip" and _platform_names(_top_names(p)):
            dest = scratch / f"archive-{len(stamps)}-{p.stem}"
            stamps.update(_extract(p, dest, tz))
            out += _entries(dest, scratch, stamps, tz, f"{prefix}{p.name}/")
        else:
            out.append((prefix + p.name, p))
    return out


def _open_zips(files: list[Path], scratch: Path, stamps: dict, tz) -> tuple[list[Path], str]:
    """Files of a piece with any zip among them opened (one level)."""
    out, problem = [], ""
    for f in files:
        if f.suffix.lower() == ".zip":
            dest = scratch / f"zip-{len(stamps)}-{abs(hash(str(f)))}"
            try:
                stamps.update(_extract(f, dest, tz))
            except CourseError as err:
                problem = str(err)
                continue
            out += sorted(p for p in dest.rglob("*") if p.is_file())
        else:
            out.append(f)
    return out, problem


def _time_of(piece: Piece, notebook: Path, files: list[Path], stamps: dict, tz) -> tuple[datetime, str]:
    if piece.when is not None:
        return piece.when, f"{piece.platform} record"
    txts = sorted((f for f in files if f.name == "timestamp.txt"),
                  key=lambda f: (f.parent != notebook.parent, len(f.parts)))
    for t in txts:
        stamp = parse_stamp(t.read_text(encoding="utf-8", errors="replace"), tz)
        if stamp is not None:
            return stamp, "timestamp.txt"
    if notebook in stamps:
        return stamps[notebook], "zip entry"
    return _mtime(notebook), "file time"


def _who(piece: Piece, book: Roster | None, id_re: re.Pattern | None) -> tuple[str | None, str, list[str], str]:
    """(student_id, how, candidates, problem)."""
    if id_re is not None:
        hit = id_re.search(piece.origin)
        if hit and hit.group("id"):
            sid = hit.group("id")
            if book is None:
                return sid, "id pattern", [], ""
            found = book.match(ids=[(None, sid)])
            if found.student_id:
                return found.student_id, "id pattern", [], ""
        elif book is None:
            return None, "", [], "no id in this name: the id pattern did not match"
    if book is None:
        if piece.own_id:
            return piece.own_id, "name", [], ""
        return None, "", [], ("no roster, and this name is no id: add a roster (student_id,name,email) or "
                              "pass an id pattern")
    found = book.match(ids=piece.ids, name=piece.name, free=piece.free or (piece.own_id or ""))
    if found.student_id:
        return found.student_id, found.how, [], ""
    if found.ambiguous:
        who = piece.name or piece.free or piece.origin
        cands = ", ".join(book.label(s) for s in found.candidates)
        return None, found.how, found.candidates, (f"ambiguous: '{who}' fits several roster students ({cands}); "
                                                   "nothing guessed: add the platform's id column to the roster")
    who = piece.name or piece.free or piece.own_id or piece.origin
    return None, "", [], f"unknown student: '{who}' matches no roster student_id, name, e-mail or platform id"


def _fmt(when: datetime | None, tz) -> str:
    return when.astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M %Z") if when else "no time"


@contextmanager
def scan(source: Path, lab: str, roster: dict | None = None, *, tz: str = "UTC", id_pattern: str | None = None,
         notebooks: list[str] | None = None):
    """Yield one Handin per student found in `source` (zips are read from a scratch copy), then one per
    hand-in matched to nobody. `tz`: the course's time zone, for times without one (zip entries, names);
    `id_pattern`: a regex with a named group `id` that finds the student id in an entry's name; `notebooks`:
    the lab's notebook names (default: one, named after the lab); of several, each is found by its name."""
    source = Path(source)
    zone(tz)
    id_re = None
    if id_pattern:
        try:
            id_re = re.compile(id_pattern)
        except re.error as err:
            raise CourseError(f"id pattern {id_pattern!r} is no valid regex: {err}") from None
        if "id" not in id_re.groupindex:
            raise CourseError(f"id pattern {id_pattern!r} has no named group 'id': write e.g. '(?P<id>s\\d+)'")
    if not source.exists():
        raise CourseError(f"hand-in folder {source} does not exist: give the folder or zip your learning platform exported")
    book = Roster(roster) if roster else None
    with tempfile.TemporaryDirectory(prefix="dlcourse-intake-") as tmp:
        scratch = Path(tmp)
        stamps: dict[Path, datetime] = {}
        if source.is_file():
            if source.suffix.lower() != ".zip":
                raise CourseError(f"{source} is neither a folder nor a zip file: give the hand-in folder or zip")
            stamps.update(_extract(source, scratch / "all", tz))
            entries = _entries(scratch / "all", scratch, stamps, tz, prefix="/")
            entries = [(o.lstrip("/").split("/", 1)[-1] if o.count("/") > 1 else o.lstrip("/"), p)
                       for o, p in entries]
        else:
            entries = _entries(source, scratch, stamps, tz)
        pieces = []
        for origin, path in entries:
            piece = recognise(path, tz)
            if piece is not None:
                piece.origin = origin
                pieces.append(piece)
        pieces = merge(pieces)
        if book is None and id_re is None:
            named = [p for p in pieces if p.own_id is None and p.platform != "plain folder"]
            if named:
                raise CourseError(f"{named[0].platform} names students by name or platform number only "
                                  f"('{named[0].origin}'), and there is no roster: add a roster "
                                  "(roster.csv with student_id,name,email) or pass an explicit id pattern "
                                  "(a regex with a named group 'id')")
        by_student: dict[str, list[Handin]] = {}
        unknown: list[Handin] = []
        for piece in pieces:
            sid, how, cands, problem = _who(piece, book, id_re)
            h = Handin(sid or "?", piece.origin, platform=piece.platform, matched_by=how, candidates=cands,
                       problem=problem)
            if piece.late:
                h.notes = f"marked late by {piece.platform}"
            if sid is None:
                unknown.append(h)
                continue
            files, zproblem = _open_zips(piece.files, scratch, stamps, tz)
            if notebooks is not None and len(notebooks) > 1:
                h.notebooks, h.missing, h.problem = choose_notebooks(files, lab, notebooks, piece.handed_in_as)
                unusable = _unusable(h.notebooks)
                if unusable:   # the others are graded; nbgrader would stop at the first notebook it cannot read
                    h.missing = sorted(h.missing + list(unusable))
                    h.notebooks = {nb: p for nb, p in h.notebooks.items() if nb not in unusable}
                    note = "; ".join(f"{nb}.ipynb unusable, scored 0: {why}" for nb, why in unusable.items())
                    h.notes = f"{h.notes}; {note}" if h.notes else note
                    if not h.notebooks:
                        h.problem = note
                notebook = next(iter(h.notebooks.values()), None)
                big = [p for p in h.notebooks.values() if p.stat().st_size > MAX_NOTEBOOK_BYTES]
                if big:
                    h.problem, h.notebooks = f"notebook larger than {MAX_NOTEBOOK_BYTES // 2**20} MiB", {}
                if h.notebooks:
                    h.notebook = notebook
                    h.taken_names = {nb: piece.handed_in_as.get(p, p.name) for nb, p in h.notebooks.items()}
                    h.taken_name = "; ".join(h.taken_names.values())
            else:
                notebook, h.problem = choose_notebook(files, lab, (notebooks or [lab])[0])
                if notebook is not None:
                    if notebook.stat().st_size > MAX_NOTEBOOK_BYTES:
                        h.problem = f"notebook larger than {MAX_NOTEBOOK_BYTES // 2**20} MiB"
                    else:
                        h.notebook, h.taken_name = notebook, piece.handed_in_as.get(notebook, notebook.name)
                        if notebooks and notebooks[0] != lab:   # a lab whose one notebook is not named after it
                            h.notebooks, h.taken_names = {notebooks[0]: notebook}, {notebooks[0]: h.taken_name}
            if zproblem and notebook is None:
                h.problem = zproblem
            if notebook is not None:
                h.submitted_at, h.time_source = _time_of(piece, notebook, files, stamps, tz)
            by_student.setdefault(sid, []).append(h)
        found = []
        for sid in sorted(by_student):
            tries = by_student[sid]
            if len(tries) == 1:
                found.append(tries[0])
                continue
            order = sorted(tries, key=lambda h: (h.ok, h.submitted_at or datetime.min.replace(tzinfo=timezone.utc),
                                                 h.origin))
            take, others = order[-1], order[:-1]
            listed = "; ".join(f"{o.origin} ({_fmt(o.submitted_at, tz)}{', ' + o.problem if o.problem else ''})"
                               for o in reversed(others))
            note = f"{len(others)} other attempt(s), took the latest ({take.origin}): {listed}"
            take.notes = f"{take.notes}; {note}" if take.notes else note
            found.append(take)
        yield found + unknown


def admit(handin: Handin, submitted: Path, lab: str) -> bool:
    """Copy the hand-in to submitted/<student>/<lab>/ (<lab>.ipynb, or each notebook of a lab of several under its
    own name, + timestamp.txt, in UTC); False when neither the notebooks nor the time changed (a corrected time
    alone updates timestamp.txt)."""
    dest_dir = submitted / handin.student_id / lab
    wanted = {f"{nb}.ipynb": p.read_bytes() for nb, p in handin.notebooks.items()} or \
        {f"{lab}.ipynb": handin.notebook.read_bytes()}
    stamp = write_stamp(handin.submitted_at or datetime.now(timezone.utc)) + "\n"
    stamp_file = dest_dir / "timestamp.txt"
    have = {p.name: p.read_bytes() for p in dest_dir.glob("*.ipynb")} if dest_dir.exists() else {}
    if have == wanted:
        if stamp_file.exists() and stamp_file.read_text() == stamp:
            return False
        stamp_file.write_text(stamp)
        return True
    if dest_dir.exists():
        shutil.rmtree(dest_dir)
    dest_dir.mkdir(parents=True)
    for name, data in wanted.items():
        (dest_dir / name).write_bytes(data)
    stamp_file.write_text(stamp)
    return True
