"""Grading on a cluster: a lab's hand-ins split over a SLURM or LSF job array, then merged into one gradebook.

`dlcourse grade LAB --slurm` (or `--lsf`) takes the hand-ins in here, prepares the gradebooks, writes two
job scripts from the templates in jobs/ and submits them: an array of --shards tasks, task I grading every
N-th hand-in from the I-th (`--shard I/N`) with --workers graders, and a merge that starts once the whole
array has succeeded (with --wait, the merge runs here instead). With PostgreSQL (--db) every task writes
the one gradebook and the merge only rebuilds grades.csv; with SQLite each task writes its own file,
shards/<lab>-<I>.db (SQLite over NFS is unsafe), which the merge copies into the class gradebook.
The per-student records in results/<lab>/ are one file each and need no merge.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..classfolder import is_sqlite, sqlite_file, sqlite_url
from ..errors import CourseError
from . import autograde, desk, tables
from .merge import copy_submissions

POLL_S = 3  # seconds between looks at the SLURM queue with --wait
SUBMIT = {"slurm": "sbatch", "lsf": "bsub"}


def add_options(g: argparse.ArgumentParser) -> None:
    """The cluster options of `dlcourse grade`."""
    g.add_argument("--slurm", action="store_true",
                   help="grade on a SLURM cluster: a job array of --shards tasks, each with --workers CPUs (see hpc/)")
    g.add_argument("--lsf", action="store_true", help="grade on an LSF cluster (bsub), like --slurm")
    g.add_argument("--shards", type=int, default=4, help="array tasks for --slurm/--lsf (default 4)")
    g.add_argument("--partition", help="SLURM partition or LSF queue for --slurm/--lsf")
    g.add_argument("--time", help="time limit of each array task, HH:MM:SS")
    g.add_argument("--wait", action="store_true",
                   help="wait for the array to finish and merge here (default: a dependent job merges)")
    g.add_argument("--merge-shards", type=int, metavar="N", help=argparse.SUPPRESS)  # the merge job's entry point


# ---------------------------------------------------------------- pure parts: names, times, scripts

def shard_db_url(class_dir: Path, lab: str, task: int | str) -> str:
    """The SQLite gradebook of array task `task` (1-based)."""
    from ..classfolder import ClassFolder

    return sqlite_url(ClassFolder(class_dir).shards / f"{lab}-{task}.db")


def time_seconds(text: str) -> int:
    """Seconds in a time limit written [D-]HH:MM:SS."""
    m = re.fullmatch(r"(?:(\d+)-)?(\d+):([0-5]\d):([0-5]\d)", text.strip())
    if not m:
        raise CourseError(f"--time takes HH:MM:SS (or D-HH:MM:SS), e.g. 00:30:00, got {text!r}")
    days, hours, minutes, seconds = (int(x or 0) for x in m.groups())
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


def lsf_time(text: str) -> str:
    """An LSF run limit (-W [H:]MM), rounded up to whole minutes."""
    minutes = -(-time_seconds(text) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def render(template: str, values: dict[str, str]) -> str:
    """`template` with each {{name}} replaced; a line that is only an empty placeholder disappears."""
    def one(m: re.Match) -> str:
        if m.group(1) not in values:
            raise CourseError(f"unknown placeholder {{{{{m.group(1)}}}}} in a job-script template")
        return str(values[m.group(1)])

    lines = []
    for line in template.splitlines():
        out = re.sub(r"\{\{\s*(\w+)\s*\}\}", one, line)
        if out or not line.strip():
            lines.append(out)
    return "\n".join(lines) + "\n"


def template(name: str) -> str:
    """A job-script template shipped with the package (dlcourse/teach/grading/jobs/<name>)."""
    path = Path(__file__).parent / "jobs" / name
    if not path.is_file():
        raise CourseError(f"job-script template {name} is missing from the installed package: reinstall dlcourse")
    return path.read_text(encoding="utf-8")


@dataclass
class Plan:
    """One cluster grading run: where, how split, and what each task is told."""

    kind: str                     # slurm | lsf
    lab: autograde.Lab
    shards: int
    cpus: int                     # per array task: the graders it runs
    partition: str = ""
    time: str = ""
    db_given: bool = False        # --db was given: the merge must be told too
    options: list[str] = field(default_factory=list)   # grading options every task passes on
    students: list[str] = field(default_factory=list)  # --student, when given
    python: str = sys.executable
    path: str = field(default_factory=lambda: os.environ.get("PATH", ""))

    @property
    def folder(self) -> Path:
        """Job scripts and logs."""
        return self.lab.folder.cluster(self.lab.name)

    @property
    def shared_db(self) -> bool:
        return not is_sqlite(self.lab.db_url)

    def shard_urls(self) -> list[str]:
        return [shard_db_url(self.lab.class_dir, self.lab.name, i) for i in range(1, self.shards + 1)]


def _dlcourse(plan: Plan, *args: str) -> list[str]:
    students = [x for s in plan.students for x in ("--student", s)]
    return [plan.python, "-m", "dlcourse.teach.cli", "grade", plan.lab.name, "--class-dir", str(plan.lab.class_dir),
            *args, *students]


def task_command(plan: Plan) -> str:
    """The shell line of one array task; the script sets $TASK (1-based) and $CPUS."""
    if plan.shared_db:
        db = shlex.quote(plan.lab.db_url)
    else:  # each task its own SQLite file, named after $TASK
        head, tail = shard_db_url(plan.lab.class_dir, plan.lab.name, "\0").split("\0")
        db = f'{shlex.quote(head)}"$TASK"{shlex.quote(tail)}'
    return (f"exec {shlex.join(_dlcourse(plan, *plan.options))} "
            f'--shard "$TASK/{plan.shards}" --workers "$CPUS" --db {db}')


def merge_command(plan: Plan) -> str:
    db = ["--db", plan.lab.db_url] if plan.db_given else []
    return "exec " + shlex.join(_dlcourse(plan, "--merge-shards", str(plan.shards), *db))


def environment(plan: Plan) -> str:
    """What every job needs: the course, offline, the submitter's PATH, the course folder as working folder."""
    root = shlex.quote(str(plan.lab.root))
    return "\n".join([f"export DLCOURSE_ROOT={root}", "export DLCOURSE_OFFLINE=1",
                      f"export PATH={shlex.quote(plan.path)}", f"cd {root}"])


def directives(plan: Plan) -> str:
    if plan.kind == "slurm":
        lines = [f"#SBATCH --partition={plan.partition}" if plan.partition else "",
                 f"#SBATCH --time={plan.time}" if plan.time else ""]
    else:
        lines = [f"#BSUB -q {plan.partition}" if plan.partition else "",
                 f"#BSUB -W {lsf_time(plan.time)}" if plan.time else ""]
    return "\n".join(line for line in lines if line)


def job_scripts(plan: Plan) -> dict[str, str]:
    """{'grade': array script, 'merge': merge script}, rendered from the templates jobs/<kind>_grade.sh and <kind>_merge.sh."""
    values = {"name": f"grade-{plan.lab.name}", "shards": str(plan.shards), "cpus": str(plan.cpus),
              "logs": str(plan.folder / "logs"), "directives": directives(plan), "environment": environment(plan)}
    commands = {"grade": task_command(plan), "merge": merge_command(plan)}
    return {what: render(template(f"{plan.kind}_{what}.sh"), values | {"command": command})
            for what, command in commands.items()}


def submit_command(kind: str, script: Path, after: str = "", block: bool = False) -> tuple[list[str], str | None]:
    """(argv, stdin text) submitting `script` once job `after` succeeded; `block`: bsub waits for the job's end."""
    if kind == "slurm":
        return ["sbatch", "--parsable", *([f"--dependency=afterok:{after}"] if after else []), str(script)], None
    # bsub reads #BSUB lines only from a script on stdin
    return ["bsub", *(["-K"] if block else []), *(["-w", f"done({after})"] if after else [])], script.read_text()


def job_id(kind: str, output: str) -> str:
    """The job id in sbatch --parsable's ('123' or '123;cluster') or bsub's ('Job <123> is submitted ...') output."""
    if kind == "slurm":
        m = re.match(r"\s*(\d+)", output)
    else:
        m = re.search(r"Job <(\d+)>", output)
    return m.group(1) if m else ""


# ---------------------------------------------------------------- I/O: gradebooks, submission, merge

def course_id(lab: autograde.Lab) -> str:
    return lab.nbgrader_settings()["CourseDirectory"]["course_id"]


def copy_sqlite(src: Path, dst: Path) -> None:
    """A consistent copy of an SQLite file (SQLite's backup), replacing `dst`."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.unlink(missing_ok=True)
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def prepare_gradebooks(plan: Plan) -> None:
    """Make every gradebook the tasks write know the lab before they start, one after the other.

    A shared gradebook gets its tables here, not in parallel tasks. Each SQLite shard starts as a fresh
    copy of the class gradebook: whatever an earlier run left there never comes back in a merge.
    """
    lab = plan.lab
    autograde.prepare(lab)
    if plan.shared_db:
        return
    if not sqlite_file(lab.db_url).exists():
        marker = autograde.source_marker(lab)
        raise CourseError(f"the class gradebook {sqlite_file(lab.db_url)} is missing: delete {marker} and run "
                          "again to rebuild it")
    for url in plan.shard_urls():
        copy_sqlite(sqlite_file(lab.db_url), sqlite_file(url))
        autograde.prepare(replace(lab, db_url=url))


def submit(kind: str, script: Path, after: str = "", wait: bool = False) -> tuple[str, int]:
    """Submit `script`, with `wait` until it has ended; returns the job id and bsub's exit status (the job's
    with `wait`). Whether the tasks succeeded shows in their records, which the merge checks."""
    argv, stdin = submit_command(kind, script, after, block=wait)
    try:
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True)
    except FileNotFoundError:
        raise CourseError(f"{argv[0]} not found: run this on the cluster's login node") from None
    job = job_id(kind, done.stdout)
    if not job:
        why = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise CourseError(f"{argv[0]} did not take {script.name}: {why[0]}")
    if wait and kind == "slurm":
        wait_slurm(job)
    return job, done.returncode


def wait_slurm(job: str, poll_s: float = POLL_S) -> None:
    """Block until every task of SLURM job `job` has left the queue (sbatch --wait polls up to 32 s apart)."""
    while True:
        done = subprocess.run(["squeue", "-h", "-j", job, "-o", "%i"], capture_output=True, text=True)
        if done.returncode == 0 and not done.stdout.strip() or "Invalid job id" in done.stderr:
            return
        time.sleep(poll_s)


def shard_students(everyone: list[str], i: int, n: int) -> list[str]:
    return desk.shard(everyone, f"{i}/{n}")


def ungraded(lab: autograde.Lab, students: list[str]) -> list[str]:
    """Students whose hand-in has no record for its current version (a failed or missing task)."""
    source_sha = lab.source_sha()
    out = []
    for s in students:
        rec = autograde.load_outcome(lab.record_path(s))
        if rec is None or rec.source_sha != source_sha or not lab.handins(s) or rec.handin_sha != lab.handin_sha(s):
            out.append(s)
    return out


def merge(lab: autograde.Lab, shards: int, students: list[str] | None = None) -> list[str]:
    """Merge the shards' SQLite gradebooks into the class gradebook (nothing to do for a shared one).

    Shard I gives only the students task I graded. Returns the hand-ins still without a current record.
    """
    everyone = students or autograde.submitted_students(lab)
    if is_sqlite(lab.db_url):
        autograde.prepare(lab)
        for i in range(1, shards + 1):
            url = shard_db_url(lab.class_dir, lab.name, i)
            if sqlite_file(url).exists():
                copy_submissions(url, lab.db_url, lab.name, course_id(lab), set(shard_students(everyone, i, shards)))
    return ungraded(lab, everyone)


# ---------------------------------------------------------------- the command

def _plan(args, lab: autograde.Lab) -> Plan:
    if args.slurm and args.lsf:
        raise CourseError("choose one of --slurm and --lsf")
    if args.shard:
        raise CourseError("--shard is for the array tasks themselves; give --shards N with --slurm or --lsf")
    if args.shards < 1:
        raise CourseError(f"--shards must be at least 1, got {args.shards}")
    if args.time:
        time_seconds(args.time)
    options = ["--cell-timeout", str(args.cell_timeout), "--timeout", str(args.timeout),
               "--memory-mb", str(args.memory_mb)]
    options += ["--force"] if args.force else []
    options += ["--no-sandbox"] if getattr(args, "no_sandbox", False) else []
    return Plan("slurm" if args.slurm else "lsf", lab, args.shards, max(1, args.workers or 1),
                args.partition or "", args.time or "", bool(args.db), options, list(args.student or []))


def _finish(lab: autograde.Lab, shards: int, students: list[str] | None, found: dict, logs: Path) -> int:
    """Merge, rebuild grades.csv, print the lab's table; an error names the hand-ins left ungraded."""
    missing = merge(lab, shards, students)
    course, folder = desk.open_course(lab.class_dir, lab.db_url)
    rows = desk.rebuild_tables(course, folder)
    everyone = set(students or autograde.submitted_students(lab))
    ours = [r for r in rows if r.outcome.lab == lab.name and r.outcome.student_id in everyone]
    print(tables.format_table(ours, found))
    print(f"{lab.name}: {len(everyone) - len(missing)} of {len(everyone)} hand-ins graded in {shards} shards; "
          f"{sum(r.passed for r in ours)} passed. Grades: {lab.folder.grades_csv}")
    if missing:
        raise CourseError(f"{len(missing)} hand-ins were not graded ({', '.join(missing[:5])}"
                          f"{', ...' if len(missing) > 5 else ''}): see the task logs in {logs}; "
                          "run the same command again to grade only those")
    return 0


def run(args, lab: autograde.Lab, take_in) -> int:
    """`dlcourse grade LAB --slurm|--lsf [...]`, and the merge job's `--merge-shards N`.

    `take_in()` runs the intake (as a local run does) and returns what it found, by student."""
    if args.merge_shards:
        return _finish(lab, args.merge_shards, args.student, {}, lab.folder.cluster(lab.name) / "logs")
    plan = _plan(args, lab)
    if not shutil.which(SUBMIT[plan.kind]):
        raise CourseError(f"{SUBMIT[plan.kind]} not found: run this on the cluster's login node")
    found = take_in()
    prepare_gradebooks(plan)
    (plan.folder / "logs").mkdir(parents=True, exist_ok=True)
    paths = {}
    for what, text in job_scripts(plan).items():
        paths[what] = plan.folder / f"{what}.{plan.kind}.sh"
        paths[what].write_text(text, encoding="utf-8")
    kind = plan.kind.upper()
    if args.wait:
        print(f"{kind}: grading {lab.name} in {plan.shards} array tasks with {plan.cpus} CPUs each; waiting "
              f"(logs: {plan.folder / 'logs'})", flush=True)
        job, status = submit(plan.kind, paths["grade"], wait=True)
        print(f"{kind} job array {job} finished" + (f" (bsub's exit status {status})" if status else ""))
        return _finish(lab, plan.shards, plan.students or None, found, plan.folder / "logs")
    job, _ = submit(plan.kind, paths["grade"])
    try:
        merge_job, _ = submit(plan.kind, paths["merge"], after=job)
    except CourseError as err:
        raise CourseError(f"{err}; job array {job} grades all the same: once it has finished, merge with "
                          f"`dlcourse grade {lab.name} --merge-shards {plan.shards}`") from None
    follow = f"squeue -j {job},{merge_job}" if plan.kind == "slurm" else f"bjobs {job} {merge_job}"
    print(f"{kind}: job array {job} grades {lab.name} in {plan.shards} tasks with {plan.cpus} CPUs each; job "
          f"{merge_job} merges when all succeeded. Scripts and logs: {plan.folder}. Follow: {follow}")
    return 0
