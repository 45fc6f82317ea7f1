"""Recognisers of learning-platform downloads, one per platform, by the names the platforms give.

Each turns one top-level entry of a download (a folder or a file) into a Piece: who it names (ids, a
person's name), the platform's own time, the group of entries that form one attempt. Entries no platform
claims are a plain folder (or zip, or notebook) per student.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .times import localize, parse_stamp

_TS = r"\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}|\d{14}"
MOODLE = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_assignsubmission_(?P<plugin>[a-z]+)_(?P<file>.*)$")
CANVAS = re.compile(r"^(?P<name>[^\W\d_][^\W_]*?)(?P<late>_LATE)?_(?P<uid>\d+)_(?P<sub>\d+)_(?P<file>.+)$")
ATTEMPT = re.compile(rf"^(?:(?P<assign>.+)_)?(?P<user>[^_]+)_attempt_(?P<ts>{_TS})(?:_(?P<file>.+)|(?P<receipt>\.txt))?$")
BRIGHTSPACE = re.compile(r"^(?P<a>\d+)-(?P<b>\d+) - (?P<name>.+?) - (?P<when>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? "
                         r"\d{1,2}:?\d{2} ?[AaPp][Mm])(?: - (?P<file>.+))?$")


@dataclass
class Piece:
    """One entry of a download (or several that form one attempt): what it says about its student."""

    origin: str                                        # its name in the download
    platform: str = "plain folder"
    files: list[Path] = field(default_factory=list)
    ids: list[tuple[str | None, str]] = field(default_factory=list)   # (platform, user number/username)
    name: str = ""                                     # the person's name the platform wrote
    free: str = ""                                     # a plain name: id, e-mail or person's name
    own_id: str | None = None                          # an id that needs no roster (username, plain folder)
    when: datetime | None = None                       # the platform's own time of the attempt
    late: bool = False                                 # the platform marked it late
    group: str = ""                                    # entries with the same group are one attempt
    handed_in_as: dict[Path, str] = field(default_factory=dict)   # flat files: the name before the platform's prefix


def _brightspace_time(text: str, tz) -> datetime | None:
    text = re.sub(r"(\d{1,2}):?(\d{2}) ?([AaPp][Mm])$", r"\1:\2 \3", text.replace(".", ""))
    return parse_stamp(text, tz)


def _receipt_name(path: Path) -> str:
    """The student's name from a Blackboard receipt ('Name: Ana Núñez (anunez)')."""
    try:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip().lower().startswith("name:"):
                return re.sub(r"\([^)]*\)", "", line.split(":", 1)[1]).strip()
    except OSError:
        pass
    return ""


def recognise(entry: Path, tz) -> Piece | None:
    """The piece `entry` is (None: nothing to take, e.g. Brightspace's index.html)."""
    name = entry.name
    is_dir = entry.is_dir()
    files = sorted(p for p in entry.rglob("*") if p.is_file()) if is_dir else [entry]
    piece = _recognise(entry, name, is_dir, files, tz)
    if piece is not None and not is_dir:
        for pat in (MOODLE, BRIGHTSPACE, ATTEMPT, CANVAS):
            hit = pat.match(name)
            if hit and hit.groupdict().get("file"):
                piece.handed_in_as[entry] = hit["file"]
                break
    return piece


def _recognise(entry: Path, name: str, is_dir: bool, files: list[Path], tz) -> Piece | None:
    m = MOODLE.match(name)
    if m:
        return Piece(name, "Moodle", files, ids=[("moodle", m["pid"])], name=m["name"],
                     group=f"moodle:{m['name']}_{m['pid']}")
    m = BRIGHTSPACE.match(name)
    if m:
        when = _brightspace_time(m["when"], tz)
        return Piece(name, "Brightspace", files, ids=[("brightspace", m["b"]), ("d2l", m["b"]),
                                                       ("brightspace", m["a"]), ("d2l", m["a"])],
                     name=m["name"], when=when, group=f"brightspace:{m['a']}-{m['b']}:{m['when']}")
    m = ATTEMPT.match(name)
    if m:
        platform = "Blackboard" if m["assign"] or m["receipt"] else "nbgrader"
        stamp = parse_stamp(m["ts"], tz)
        piece = Piece(name, platform, files, ids=[("blackboard", m["user"])], own_id=m["user"], when=stamp,
                      group=f"attempt:{m['user']}:{m['ts']}")
        if not is_dir and m["receipt"]:
            piece.name = _receipt_name(entry)
        return piece
    m = CANVAS.match(name) if not is_dir else None
    if m:
        return Piece(name, "Canvas", files, ids=[("canvas", m["uid"])], name=m["name"], late=bool(m["late"]),
                     group=f"canvas:{m['uid']}:{m['sub']}")
    if not is_dir and entry.suffix.lower() not in (".zip", ".ipynb"):
        return None
    stem = entry.stem if not is_dir else name
    return Piece(name, "plain folder", files, free=stem, own_id=stem if not re.search(r"\s", stem) else None,
                 group=f"plain:{name}")


def merge(pieces: list[Piece]) -> list[Piece]:
    """Entries of one attempt (flat files of one student and time, Moodle's online text beside its files)
    joined into one piece."""
    out: dict[str, Piece] = {}
    for p in pieces:
        if p.group in out:
            q = out[p.group]
            if not _has_notebook(q.files) and _has_notebook(p.files):
                q.origin = p.origin          # name the attempt after its notebook's entry
            q.files += p.files
            q.handed_in_as.update(p.handed_in_as)
            q.name = q.name or p.name
            q.late = q.late or p.late
            if p.platform == "Blackboard":
                q.platform = "Blackboard"
        else:
            out[p.group] = p
    return list(out.values())


def _has_notebook(files: list[Path]) -> bool:
    return any(f.suffix.lower() == ".ipynb" for f in files)


def needs_roster(piece: Piece) -> bool:
    """The platform names this student by name or its own user number only, never by university id."""
    return piece.own_id is None


def localize_all(stamps: dict[Path, datetime], tz) -> dict[Path, datetime]:
    return {k: localize(v, tz) for k, v in stamps.items()}
