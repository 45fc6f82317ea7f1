"""projects/catalogue.toml: the term's project proposals, parsed and validated.

Layout (one TOML file the teacher edits each term):

    [term]        name, selection_deadline, intro (a paragraph shown above the table)
    [themes]      tag = "Label": the only theme tags a proposal may use
    [[supervisor]] id, name, affiliation, contact, external (bool), max_groups (optional, across proposals)
    [[project]]   id, title, supervisors (supervisor ids), kind ("internal" | "external" | "own"),
                  themes (tags), description (paragraphs separated by blank lines),
                  data ("available" | "confidential" | "bring-your-own"), data_notes (optional),
                  prerequisites (list), capacity (groups, >= 1), links (list of URLs; may be empty)

Every problem is one line naming the entry; all of them are reported at once.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CourseError

CATALOGUE = Path("projects") / "catalogue.toml"
KINDS = ("internal", "external", "own")
DATA = ("available", "confidential", "bring-your-own")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PROJECT_KEYS = {"id", "title", "supervisors", "kind", "themes", "description", "data", "data_notes",
                "prerequisites", "capacity", "links"}
PROJECT_REQUIRED = ("id", "title", "supervisors", "kind", "themes", "description", "data", "prerequisites",
                    "capacity")
SUPERVISOR_KEYS = {"id", "name", "affiliation", "contact", "external", "max_groups"}
SUPERVISOR_REQUIRED = ("id", "name", "affiliation", "contact")


@dataclass(frozen=True)
class Supervisor:
    id: str
    name: str
    affiliation: str
    contact: str
    external: bool = False
    max_groups: int | None = None


@dataclass(frozen=True)
class Project:
    id: str
    title: str
    supervisors: tuple[str, ...]
    kind: str
    themes: tuple[str, ...]
    description: str
    data: str
    prerequisites: tuple[str, ...]
    capacity: int
    links: tuple[str, ...] = ()
    data_notes: str = ""


@dataclass(frozen=True)
class Catalogue:
    term: dict
    themes: dict[str, str]
    supervisors: dict[str, Supervisor]
    projects: dict[str, Project] = field(default_factory=dict)  # in file order

    def supervisors_of(self, project_id: str) -> list[Supervisor]:
        return [self.supervisors[s] for s in self.projects[project_id].supervisors]


def _is_str_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def parse(data: dict, source: str = "catalogue.toml") -> Catalogue:
    """A Catalogue from parsed TOML; CourseError listing every bad entry, one line each."""
    problems: list[str] = []
    unknown_top = sorted(set(data) - {"term", "themes", "supervisor", "project"})
    if unknown_top:
        problems.append(f"unknown top-level key(s) {', '.join(unknown_top)}: use [term], [themes], "
                        "[[supervisor]] and [[project]]")
    term = data.get("term", {})
    if not isinstance(term, dict):
        problems.append("[term] must be a table (name, selection_deadline, intro)")
        term = {}
    themes = data.get("themes", {})
    if not isinstance(themes, dict) or not themes or not all(isinstance(v, str) for v in themes.values()):
        problems.append('[themes] must list the allowed theme tags, e.g. generative = "Generative models"')
        themes = themes if isinstance(themes, dict) else {}

    supervisors: dict[str, Supervisor] = {}
    for i, entry in enumerate(data.get("supervisor", []), 1):
        label = f"supervisor '{entry.get('id')}'" if isinstance(entry, dict) and entry.get("id") else f"supervisor #{i}"
        if not isinstance(entry, dict):
            problems.append(f"{label}: must be a [[supervisor]] table")
            continue
        missing = [k for k in SUPERVISOR_REQUIRED if not (isinstance(entry.get(k), str) and entry[k].strip())]
        unknown = sorted(set(entry) - SUPERVISOR_KEYS)
        mg = entry.get("max_groups")
        if missing:
            problems.append(f"{label}: missing field(s) {', '.join(missing)}")
        elif unknown:
            problems.append(f"{label}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(SUPERVISOR_KEYS))})")
        elif entry["id"] in supervisors:
            problems.append(f"{label}: duplicate id (supervisor #{i}); give each supervisor its own id")
        elif mg is not None and (not _is_int(mg) or mg < 1):
            problems.append(f"{label}: max_groups must be an integer >= 1 (got {mg!r}); leave it out for no limit")
        elif not isinstance(entry.get("external", False), bool):
            problems.append(f"{label}: external must be true or false")
        else:
            supervisors[entry["id"]] = Supervisor(entry["id"], entry["name"].strip(), entry["affiliation"].strip(),
                                                  entry["contact"].strip(), entry.get("external", False), mg)

    projects: dict[str, Project] = {}
    for i, entry in enumerate(data.get("project", []), 1):
        label = f"project '{entry.get('id')}'" if isinstance(entry, dict) and entry.get("id") else f"project #{i}"
        if not isinstance(entry, dict):
            problems.append(f"{label}: must be a [[project]] table")
            continue
        problem = _project_problem(entry, themes, supervisors, projects, data.get("supervisor", []))
        if problem:
            problems.append(f"{label}: {problem}")
            continue
        projects[entry["id"]] = Project(
            id=entry["id"], title=entry["title"].strip(), supervisors=tuple(entry["supervisors"]),
            kind=entry["kind"], themes=tuple(entry["themes"]), description=entry["description"].strip(),
            data=entry["data"], prerequisites=tuple(entry["prerequisites"]), capacity=entry["capacity"],
            links=tuple(entry.get("links", [])), data_notes=entry.get("data_notes", "").strip())
    if not problems and not projects:
        problems.append("no [[project]] entries: add at least one proposal")
    if problems:
        raise CourseError(f"{source} has {len(problems)} problem{'s' * (len(problems) > 1)}:\n"
                          + "\n".join(f"  {p}" for p in problems))
    return Catalogue(term, dict(themes), supervisors, projects)


def _project_problem(entry: dict, themes: dict, supervisors: dict, seen: dict, raw_sups: list) -> str:
    missing = [k for k in PROJECT_REQUIRED if k not in entry or entry[k] in ("", None)]
    if missing:
        return f"missing field(s) {', '.join(missing)}"
    unknown = sorted(set(entry) - PROJECT_KEYS)
    if unknown:
        return f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(PROJECT_KEYS))})"
    pid = entry["id"]
    if not isinstance(pid, str) or not ID_RE.match(pid):
        return "id must be lower-case letters, digits and dashes (it is what students type on the form)"
    if pid in seen:
        return "duplicate id: another proposal already uses it; ids must be unique"
    for key in ("title", "description"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            return f"{key} must be a non-empty string"
    cap = entry["capacity"]
    if not _is_int(cap) or cap < 1:
        return f"capacity must be an integer >= 1 (got {cap!r}): how many groups can take this project"
    if entry["kind"] not in KINDS:
        return f"kind must be one of {', '.join(KINDS)} (got {entry['kind']!r})"
    if entry["data"] not in DATA:
        return f"data must be one of {', '.join(DATA)} (got {entry['data']!r})"
    if not _is_str_list(entry["themes"]) or not entry["themes"]:
        return "themes must be a non-empty list of theme tags"
    bad = [t for t in entry["themes"] if t not in themes]
    if bad:
        return f"unknown theme(s) {', '.join(bad)}: use tags from [themes] ({', '.join(themes)}) or add them there"
    if not _is_str_list(entry["supervisors"]) or not entry["supervisors"]:
        return "supervisors must be a non-empty list of supervisor ids"
    known_ids = {s.get("id") for s in raw_sups if isinstance(s, dict)}
    bad = [s for s in entry["supervisors"] if s not in known_ids]
    if bad:
        return f"unknown supervisor(s) {', '.join(bad)}: add a [[supervisor]] with that id"
    if len(set(entry["supervisors"])) != len(entry["supervisors"]):
        return "lists a supervisor twice"
    if not isinstance(entry["prerequisites"], list) or not all(isinstance(x, str) for x in entry["prerequisites"]):
        return "prerequisites must be a list of strings (may be empty)"
    if not isinstance(entry.get("links", []), list) or not all(isinstance(x, str) for x in entry.get("links", [])):
        return "links must be a list of URLs (may be empty)"
    if not isinstance(entry.get("data_notes", ""), str):
        return "data_notes must be a string"
    return ""


def load(path: str | Path) -> Catalogue:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseError(f"catalogue {path} not found: give --catalogue FILE or create projects/catalogue.toml") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise CourseError(f"{path} is not valid TOML ({err}): fix the line it names") from None
    return parse(data, str(path))
