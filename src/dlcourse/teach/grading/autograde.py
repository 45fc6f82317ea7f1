"""Autograding through nbgrader: parallel worker processes, time-limited, sandboxed, incremental.

A crash, a time-out or a corrupt file costs that student the points, never the class. Each finished
hand-in leaves a record (results/<lab>/<student>.json), so an interrupted run resumes where it stopped
and a re-run grades only what is new or changed.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

from .. import notebooks
from ..classfolder import ClassFolder, sqlite_file
from ..errors import CourseError
from ..files import write_atomic
from ..paths import lab_notebooks
from ..release import header_of, stage_sources
from . import sandbox
from .nbconfig import CELL_TIMEOUT_S, grading_env, nbgrader_api, nbgrader_error, settings
from .worker import Worker

NOTEBOOK_TIMEOUT_S = 600
MEMORY_LIMIT_MB = 4096


@dataclass
class Lab:
    """What grading one lab needs to know: where things are and the limits."""

    root: Path
    name: str
    class_dir: Path
    db_url: str = ""
    cell_timeout: int = CELL_TIMEOUT_S
    notebook_timeout: int = NOTEBOOK_TIMEOUT_S
    memory_mb: int = MEMORY_LIMIT_MB
    sandbox: bool = True         # run student code in a bubblewrap sandbox (when bwrap works here)
    deadline: datetime | None = None  # told to nbgrader's gradebook as the due date

    def __post_init__(self):
        self.folder = ClassFolder(self.class_dir, self.db_url)
        self.class_dir, self.db_url = self.folder.path, self.folder.db_url

    @cached_property
    def notebooks(self) -> list[str]:
        """The lab's notebook names (without .ipynb): one for the course's own labs, several for some (read once:
        Lab.key asks for every graded cell)."""
        return lab_notebooks(self.name, self.root) or [self.name]

    @property
    def multi(self) -> bool:
        return len(self.notebooks) > 1

    @property
    def sources(self) -> list[Path]:
        return [self.root / "labs" / self.name / f"{nb}.ipynb" for nb in self.notebooks]

    @property
    def source(self) -> Path:
        """The lab's main source notebook (the one named after it, else its first)."""
        main = self.root / "labs" / self.name / f"{self.name}.ipynb"
        return main if main.exists() else self.sources[0]

    @property
    def submitted(self) -> Path:
        return self.folder.submitted

    def handin(self, student: str, notebook: str | None = None) -> Path:
        """Where the student's copy of `notebook` (default: the lab's first notebook) lies in the class folder."""
        return self.submitted / student / self.name / f"{notebook or self.notebooks[0]}.ipynb"

    def handins(self, student: str) -> dict[str, Path]:
        """The lab's notebooks this student handed in: {notebook: path}."""
        return {nb: p for nb in self.notebooks if (p := self.handin(student, nb)).exists()}

    def key(self, notebook: str, grade_id: str) -> str:
        """A graded cell's name in records and grades.csv: its grade id, 'notebook/grade_id' in a lab of several
        notebooks (nbgrader's grade ids are unique per notebook only)."""
        return f"{notebook}/{grade_id}" if self.multi else grade_id

    def source_sha(self) -> str:
        """A hash of the lab's sources (the notebook's own hash for a lab of one)."""
        if not self.multi:
            return sha256(self.source)
        return _combined({nb: sha256(p) for nb, p in zip(self.notebooks, self.sources)})

    def handin_sha(self, student: str) -> str:
        """A hash of what the student handed in ('' when nothing)."""
        if not self.multi:
            path = self.handin(student)
            return sha256(path) if path.exists() else ""
        found = self.handins(student)
        return _combined({nb: sha256(p) for nb, p in found.items()}) if found else ""

    def record_path(self, student: str) -> Path:
        return self.folder.results(self.name) / f"{student}.json"

    @property
    def db_tag(self) -> str:
        """'' for the class's own SQLite gradebook, else a short tag of `db_url`: graders writing to
        different gradebooks (cluster shards) never share a settings file or a prepare marker."""
        if self.folder.uses_default_db:
            return ""
        return "-" + hashlib.sha256(self.db_url.encode()).hexdigest()[:10]

    def nbgrader_settings(self, kernel_name: str = "") -> dict:
        return settings(labs=self.root / "labs", root=self.class_dir, release=self.folder.release,
                        db_url=self.db_url, cell_timeout=self.cell_timeout, kernel_name=kernel_name)


@dataclass
class Outcome:
    """One graded hand-in: autograded score, per-cell scores, what happened."""

    student_id: str
    lab: str
    status: str                  # graded | corrupt | wrong-lab | timeout | failed
    score: float
    max_score: float
    cells: dict[str, float | None] = field(default_factory=dict)  # grade_id -> points (None: awaits a human)
    message: str = ""
    seconds: float = 0.0
    handin_sha: str = ""
    source_sha: str = ""
    submitted_at: str = ""
    needs_manual: list[str] = field(default_factory=list)
    manual_max: float = 0.0      # points of the cells a teacher grades (written answers, task cells)
    manual_cells: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # notebooks of the lab not handed in (a lab of several)

    @property
    def total(self) -> float:
        """Every graded cell's points so far: autograded plus those a teacher has graded."""
        return self.score + sum(self.cells.get(k) or 0.0 for k in self.manual_cells)

    @property
    def total_max(self) -> float:
        return self.max_score + self.manual_max


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _combined(hashes: dict[str, str]) -> str:
    return hashlib.sha256("".join(f"{k}:{v}\n" for k, v in sorted(hashes.items())).encode()).hexdigest()


def cell_points(nb) -> tuple[dict[str, float], dict[str, float]]:
    """(autograded test cells, manually graded cells: answers and tasks) of a source notebook: grade_id -> points."""
    auto, manual = {}, {}
    for cell in notebooks.graded_cells(nb):
        meta = notebooks.nbgrader_meta(cell)
        is_test = cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")
        (auto if is_test else manual)[meta["grade_id"]] = float(meta["points"])
    return auto, manual


def lab_points(lab: Lab) -> tuple[dict[str, float], dict[str, float]]:
    """cell_points over every notebook of the lab, keyed by Lab.key."""
    auto, manual = {}, {}
    for nb, path in zip(lab.notebooks, lab.sources):
        a, m = cell_points(notebooks.read(path))
        auto |= {lab.key(nb, k): v for k, v in a.items()}
        manual |= {lab.key(nb, k): v for k, v in m.items()}
    return auto, manual


def write_json(path: Path, data: dict) -> None:
    """Write atomically: a killed run never leaves half a file."""
    write_atomic(path, json.dumps(data, indent=1, sort_keys=True))


def load_outcome(path: Path) -> Outcome | None:
    try:
        return Outcome(**json.loads(path.read_text(encoding="utf-8")))
    except (FileNotFoundError, json.JSONDecodeError, TypeError):
        return None


def source_marker(lab: Lab) -> Path:
    """Where `prepare` notes which source the gradebook knows (not beside the student records)."""
    return lab.folder.work / f"{lab.name}.source{lab.db_tag}.json"


def prepare(lab: Lab) -> str:
    """Make sure the gradebook knows the lab's current source notebook; returns the source's hash."""
    if not lab.source.exists():
        raise CourseError(f"{lab.source} is missing: the lab has no source notebook to grade against")
    source_sha = lab.source_sha()
    marker = source_marker(lab)
    wanted = {"source_sha": source_sha, "db_url": lab.db_url,
              "deadline": lab.deadline.isoformat() if lab.deadline else None}
    try:
        if json.loads(marker.read_text()) == wanted:
            return source_sha
    except (FileNotFoundError, json.JSONDecodeError):
        pass
    lab.class_dir.mkdir(parents=True, exist_ok=True)
    values = lab.nbgrader_settings()
    if header_of(lab.root, lab.name) is not None:  # nbgrader must not take the header for one of the lab's notebooks
        staged = lab.folder.work / "sources"
        shutil.rmtree(staged / lab.name, ignore_errors=True)
        stage_sources(lab.root, [lab.name], staged)
        values["CourseDirectory"]["source_directory"] = str(staged)
    done = nbgrader_api(values).generate_assignment(lab.name, force=True, create=True)
    if not done["success"]:
        raise CourseError(f"nbgrader could not register {lab.name} in the gradebook: {nbgrader_error(done)}")
    from nbgrader.api import Gradebook

    with Gradebook(lab.db_url) as gb:  # nbgrader keeps due dates as UTC without a zone
        due = lab.deadline.astimezone(timezone.utc).replace(tzinfo=None) if lab.deadline else None
        gb.update_or_create_assignment(lab.name, duedate=due)
    write_json(marker, wanted)
    return source_sha


def _limit_memory(mb: int):
    def apply():
        import resource

        limit = mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    return apply


def read_scores(lab: Lab, student: str, auto: dict, manual: dict) -> tuple[dict, list[str]]:
    """Per-cell scores of a graded submission from the gradebook, every notebook of the lab."""
    from nbgrader.api import Gradebook, MissingEntry

    cells, pending = {}, []
    with Gradebook(lab.db_url) as gb:
        for name in lab.notebooks:
            try:
                nb = gb.find_submission_notebook(name, lab.name, student)
            except MissingEntry:
                continue
            for grade in nb.grades:
                key = lab.key(name, grade.name)
                if key in auto:
                    cells[key] = float(grade.score or 0.0)
                elif key in manual:
                    cells[key] = _hand_score(grade)
                    if grade.needs_manual_grade:
                        pending.append(key)
    return cells, pending


def _hand_score(grade) -> float | None:
    """The points of a hand-graded cell in the gradebook, None while it awaits a human."""
    return None if grade.needs_manual_grade else float(grade.score or 0.0)


def manual_grades(lab: Lab, manual) -> dict[str, dict[str, float | None]]:
    """What teachers have graded by hand in the formgrader so far: {student: {cell key: points, None while it
    awaits a human}} for the cells in `manual` (keys of answers, tasks) of every submission in the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    db = sqlite_file(lab.db_url)
    if db is not None and not db.exists():
        return {}
    out: dict[str, dict[str, float | None]] = {}
    with Gradebook(lab.db_url) as gb:
        try:
            submissions = gb.find_assignment(lab.name).submissions
        except MissingEntry:
            return {}
        for sub in submissions:
            mine = out.setdefault(sub.student.id, {})
            for nb in sub.notebooks:
                for grade in nb.grades:
                    key = lab.key(nb.name, grade.name)
                    if key in manual:
                        mine[key] = _hand_score(grade)
    return out


def grade_one(lab: Lab, student: str, source_sha: str, auto: dict, manual: dict, worker: Worker) -> Outcome:
    """Autograde one hand-in (every notebook of the lab the student handed in) on `worker`; never raises for a
    bad hand-in."""
    paths = lab.handins(student)
    stamp = lab.submitted / student / lab.name / "timestamp.txt"
    base = Outcome(student, lab.name, "graded", 0.0, sum(auto.values()), {k: 0.0 for k in auto},
                   manual_max=sum(manual.values()), manual_cells=list(manual),
                   handin_sha=lab.handin_sha(student), source_sha=source_sha,
                   submitted_at=stamp.read_text().strip() if stamp.exists() else "",
                   missing=[f"{nb}.ipynb" for nb in lab.notebooks if nb not in paths] if lab.multi else [])
    start = time.perf_counter()
    ids = set()
    for name, path in paths.items():
        try:
            handed_in = notebooks.read(path)
        except CourseError as err:
            base.status, base.message = "corrupt", str(err).split(": ", 1)[-1]
            if lab.multi:
                base.message = f"{name}.ipynb: {base.message}"
            return base
        ids |= {lab.key(name, notebooks.nbgrader_meta(c).get("grade_id")) for c in handed_in.cells}
    if not ids & (set(auto) | set(manual)) and not ids & solution_ids(lab):  # sources read only when in doubt
        names = ", ".join(f"{nb}.ipynb" for nb in lab.notebooks)
        base.status = "wrong-lab"
        base.message = (f"this is not the {lab.name} notebook: it has none of its exercises or tests "
                        f"(another week's notebook?); the student should hand in {names}")
        return base
    reply = worker.grade(lab.name, student, lab.notebook_timeout)
    base.seconds = round(time.perf_counter() - start, 2)
    if reply.get("timeout"):
        base.status, base.message = "timeout", f"stopped after the {lab.notebook_timeout} s limit for a whole notebook"
        return base
    if reply.get("crashed"):
        base.status, base.message = "failed", f"the grader was killed (memory limit of {lab.memory_mb} MB?)"
        return base
    cells, pending = read_scores(lab, student, auto, manual) if reply["success"] else ({}, [])
    if not cells:
        base.status, base.message = "failed", nbgrader_error(reply)
        return base
    base.cells = {k: cells.get(k, 0.0) for k in auto} | {k: cells.get(k) for k in manual}
    base.score = sum(v for k, v in base.cells.items() if k in auto)
    base.needs_manual = pending
    if "CellTimeoutError" in reply.get("log", "") or "timeout" in reply.get("log", "").lower():
        base.message = f"a cell ran past the {lab.cell_timeout} s limit per cell and was stopped"
    if base.missing:
        note = f"missing: {', '.join(base.missing)} (0 points)"
        base.message = f"{note}; {base.message}" if base.message else note
    return base


def solution_ids(lab: Lab) -> set[str]:
    """Keys (Lab.key) of the sources' solution cells."""
    return {lab.key(nb, notebooks.nbgrader_meta(c).get("grade_id")) for nb, path in zip(lab.notebooks, lab.sources)
            for c in notebooks.read(path).cells if notebooks.nbgrader_meta(c).get("solution")}


def submitted_students(lab: Lab) -> list[str]:
    if not lab.submitted.exists():
        return []
    return sorted(p.name for p in lab.submitted.iterdir() if lab.handins(p.name))


def grade(lab: Lab, students: list[str] | None = None, workers: int | None = None, force: bool = False,
          on_done=None) -> list[Outcome]:
    """Grade every submitted hand-in of `lab` that is new or changed (all with `force`); returns all outcomes."""
    source_sha = prepare(lab)
    auto, manual = lab_points(lab)
    everyone = students if students is not None else submitted_students(lab)
    todo, outcomes = [], {}
    for student in everyone:
        old = load_outcome(lab.record_path(student))
        if not force and old and old.handin_sha == lab.handin_sha(student) and old.source_sha == source_sha:
            outcomes[student] = old
        else:
            todo.append(student)
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    settings_file = lab.folder.work / f"{lab.name}{lab.db_tag}.settings.json"
    env, policy = grading_env(), None
    if lab.sandbox and todo:
        reason = sandbox.unavailable()
        if reason:
            print(sandbox.warning(reason), file=sys.stderr, flush=True)
        else:
            policy = sandbox.make_policy(lab.class_dir, [lab.root / "labs", lab.source.parent,
                                                          sqlite_file(lab.db_url) or lab.class_dir], env)
    write_json(settings_file, lab.nbgrader_settings(sandbox.KERNEL_NAME if policy else ""))
    pool_workers = [Worker(settings_file, lab.folder.work / f"worker-{i}.log", env,
                           _limit_memory(lab.memory_mb) if lab.memory_mb else None, policy) for i in range(workers)]
    free = queue.SimpleQueue()
    for w in pool_workers:
        free.put(w)

    def run(student: str) -> Outcome:
        worker = free.get()
        try:
            return grade_one(lab, student, source_sha, auto, manual, worker)
        finally:
            free.put(worker)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for fut in as_completed([pool.submit(run, s) for s in todo]):
                outcome = fut.result()
                write_json(lab.record_path(outcome.student_id), asdict(outcome))
                outcomes[outcome.student_id] = outcome
                if on_done:
                    on_done(outcome)
    finally:
        for w in pool_workers:
            w.close()
    return [outcomes[s] for s in everyone]
