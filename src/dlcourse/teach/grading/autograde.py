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
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .. import notebooks
from ..classfolder import ClassFolder, sqlite_file
from ..errors import CourseError
from ..files import write_atomic
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

    @property
    def source(self) -> Path:
        return self.root / "labs" / self.name / f"{self.name}.ipynb"

    @property
    def submitted(self) -> Path:
        return self.folder.submitted

    def handin(self, student: str) -> Path:
        return self.submitted / student / self.name / f"{self.name}.ipynb"

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

    @property
    def total(self) -> float:
        """Every graded cell's points so far: autograded plus those a teacher has graded."""
        return self.score + sum(self.cells.get(k) or 0.0 for k in self.manual_cells)

    @property
    def total_max(self) -> float:
        return self.max_score + self.manual_max


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cell_points(nb) -> tuple[dict[str, float], dict[str, float]]:
    """(autograded test cells, manually graded cells) of a source notebook: grade_id -> points."""
    auto, manual = {}, {}
    for cell in notebooks.graded_cells(nb):
        meta = notebooks.nbgrader_meta(cell)
        target = auto if cell.cell_type == "code" and not meta.get("solution") else manual
        target[meta["grade_id"]] = float(meta["points"])
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
    source_sha = sha256(lab.source)
    marker = source_marker(lab)
    wanted = {"source_sha": source_sha, "db_url": lab.db_url,
              "deadline": lab.deadline.isoformat() if lab.deadline else None}
    try:
        if json.loads(marker.read_text()) == wanted:
            return source_sha
    except (FileNotFoundError, json.JSONDecodeError):
        pass
    lab.class_dir.mkdir(parents=True, exist_ok=True)
    done = nbgrader_api(lab.nbgrader_settings()).generate_assignment(lab.name, force=True, create=True)
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
    """Per-cell scores of a graded submission from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(lab.db_url) as gb:
        try:
            nb = gb.find_submission_notebook(lab.name, lab.name, student)
        except MissingEntry:
            return {}, []
        cells, pending = {}, []
        for grade in nb.grades:
            if grade.name in auto:
                cells[grade.name] = float(grade.score or 0.0)
            elif grade.name in manual:
                cells[grade.name] = None if grade.needs_manual_grade else float(grade.score or 0.0)
                if grade.needs_manual_grade:
                    pending.append(grade.name)
        return cells, pending


def grade_one(lab: Lab, student: str, source_sha: str, auto: dict, manual: dict, worker: Worker) -> Outcome:
    """Autograde one hand-in on `worker`; never raises for a bad hand-in."""
    path = lab.handin(student)
    stamp = path.parent / "timestamp.txt"
    base = Outcome(student, lab.name, "graded", 0.0, sum(auto.values()), {k: 0.0 for k in auto},
                   manual_max=sum(manual.values()), manual_cells=list(manual),
                   handin_sha=sha256(path), source_sha=source_sha,
                   submitted_at=stamp.read_text().strip() if stamp.exists() else "")
    start = time.perf_counter()
    try:
        handed_in = notebooks.read(path)
    except CourseError as err:
        base.status, base.message = "corrupt", str(err).split(": ", 1)[-1]
        return base
    ids = {notebooks.nbgrader_meta(c).get("grade_id") for c in handed_in.cells}
    if not ids & (set(auto) | set(manual) | solution_ids(lab)):
        base.status = "wrong-lab"
        base.message = (f"this is not the {lab.name} notebook: it has none of its exercises or tests "
                        f"(another week's notebook?); the student should hand in {lab.name}.ipynb")
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
    return base


def solution_ids(lab: Lab) -> set[str]:
    """grade_ids of the source's solution cells."""
    return {notebooks.nbgrader_meta(c).get("grade_id") for c in notebooks.read(lab.source).cells
            if notebooks.nbgrader_meta(c).get("solution")}


def submitted_students(lab: Lab) -> list[str]:
    if not lab.submitted.exists():
        return []
    return sorted(p.name for p in lab.submitted.iterdir() if lab.handin(p.name).exists())


def grade(lab: Lab, students: list[str] | None = None, workers: int | None = None, force: bool = False,
          on_done=None) -> list[Outcome]:
    """Grade every submitted hand-in of `lab` that is new or changed (all with `force`); returns all outcomes."""
    source_sha = prepare(lab)
    auto, manual = cell_points(notebooks.read(lab.source))
    everyone = students if students is not None else submitted_students(lab)
    todo, outcomes = [], {}
    for student in everyone:
        old = load_outcome(lab.record_path(student))
        if (not force and old and old.handin_sha == sha256(lab.handin(student)) and old.source_sha == source_sha):
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
