"""`dlcourse publish DIR`: write the student repository (public) from this teacher repository (private).

DIR is a clone of the course's public student repository (grading/course.toml: student_repository). Written
there: the release (weeks/), the package (src/dlcourse, pyproject.toml), environment.yml, the student job
scripts of hpc/, the public part of projects/, and a student README with Open-in-Colab badges. Never labs/,
grading/ (the class folder, hidden challenge labels), tests/ or anything that holds a solution or a hidden
test: every file is checked before anything is written. Files published earlier and gone now are removed
(the list is kept in DIR/.dlcourse-published); other files of DIR are left alone. Nothing is committed:
review with `git -C DIR status`, then commit, tag the release tag and push.
"""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from .course import Course
from .errors import CourseError
from .paths import repo_root

MANIFEST = ".dlcourse-published"
# (folder or file, patterns to leave out) relative to the teacher repository
PUBLIC = [
    ("weeks", []),
    ("src/dlcourse", ["*/__pycache__/*", "*.pyc", "src/dlcourse/teach/*"]),  # students need no teacher tools
    ("pyproject.toml", []),
    ("environment.yml", []),
    ("hpc/slurm_notebook.sh", []),
    ("hpc/lsf_notebook.sh", []),
    ("projects", ["*.csv", "*/__pycache__/*", "*/.ipynb_checkpoints/*"]),
    ("LICENSE", []),
]
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def public_files(root: Path) -> dict[str, bytes]:
    """{relative path: content} of every file the students get (the README excluded)."""
    files: dict[str, bytes] = {}
    for name, leave_out in PUBLIC:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in paths:
            rel = path.relative_to(root).as_posix()
            if not any(fnmatch.fnmatch(rel, pattern) for pattern in leave_out):
                files[rel] = path.read_bytes()
    if "pyproject.toml" in files:
        files["pyproject.toml"] = student_pyproject(files["pyproject.toml"].decode("utf-8")).encode("utf-8")
    return files


def student_pyproject(text: str) -> str:
    """pyproject.toml without the teacher's command and its package data (dlcourse.teach is not published)."""
    out, skip = [], False
    for line in text.splitlines():
        if line.strip() == "[project.scripts]":
            skip = True
            continue
        if skip and line.startswith("["):
            skip = False
        if skip or line.startswith('"dlcourse.teach'):
            continue
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"


def leaks(files: dict[str, bytes], root: Path) -> list[str]:
    """Published files that would reveal a solution, a hidden test or a source notebook (empty: none)."""
    sources = {p.read_bytes() for p in (root / "labs").rglob("*.ipynb")} if (root / "labs").is_dir() else set()
    found = []
    for rel, data in files.items():
        if rel.startswith(("labs/", "grading/", "tests/")):
            found.append(f"{rel}: a teacher folder")
        elif data in sources:
            found.append(f"{rel}: a source notebook of labs/")
        else:
            hits = [m for m in SECRETS if m.encode() in data]
            if hits:
                found.append(f"{rel}: contains '{hits[0]}'")
    return found


def week_title(readme: bytes, lab: str) -> str:
    first = next((ln for ln in readme.decode("utf-8").splitlines() if ln.startswith("# ")), f"# {lab}")
    return re.sub(r"^#\s*(Week \d+:\s*)?", "", first).strip()


def student_readme(course: Course, files: dict[str, bytes]) -> str:
    """The student repository's README: weeks with Open-in-Colab badges, set-up, how to hand in."""
    from .release import colab_badge

    rows = []
    for lab in course.labs:
        notebook = f"weeks/{lab}/{lab}.ipynb"
        if notebook not in files:
            continue
        week = re.match(r"w(\d+)", lab)
        title = week_title(files.get(f"weeks/{lab}/README.md", b""), lab)
        badge = colab_badge(course, f"{lab}/{lab}.ipynb") or "-"
        rows.append(f"| {int(week.group(1)) if week else '-'} | {title} | [`{notebook}`]({notebook}) | {badge} |")
    repo = course.student_repository or "<this repository>"
    table = "\n".join(rows)
    return f"""# {course.name}: labs

The weekly lab notebooks of the course. Each week folder holds a week plan (`README.md`: goals, reading, what to
hand in, time needed) and the notebook.

| week | lab | notebook | Colab |
|---|---|---|---|
{table}

## Set-up

- **Google Colab**: click the week's badge, then *File -> Save a copy in Drive* so your work is kept. The first
  cell installs the course package (about 20 seconds, once per session) and keeps Colab's own packages
  (PyTorch, NumPy, pandas, ...) as they are. *Runtime -> Change runtime type -> GPU* makes training faster; it is
  never required.
- **Laptop**: `git clone {repo}` and then `conda env create -f environment.yml && conda activate dlcourse`
  (or, without conda, `python -m venv .venv && .venv/bin/pip install -e ".[lab]"`), then `jupyter lab weeks/`.
- **GPU cluster**: `hpc/slurm_notebook.sh` (SLURM, `sbatch`) and `hpc/lsf_notebook.sh` (LSF, `bsub`) run a
  notebook or start JupyterLab on a GPU node; each script says how to use it in its first lines.

Run the first cell of a notebook first: it seeds the random generators, picks the device (CUDA, then Apple MPS,
then the CPU) and prints what it picked. Every notebook runs on a CPU; each exercise says how long it takes.

## Handing in

Hand in the filled-in notebook (`.ipynb`, one file per week) on the course page by the Monday after the lab.
Before you do, choose *Kernel -> Restart & Run All* and check that every cell runs. The test cells show what is
checked; a few more hidden tests run when your hand-in is graded, and your feedback page shows the result of
each. A lab counts as passed with enough points and your peer reviews done; passing 6 of the 8 labs opens the
final project.

This repository is written by `dlcourse publish` from the teachers' repository ({course.release_tag}); please
report problems to the teachers rather than by pull request.
"""


def plan(root: Path, dest: Path) -> tuple[dict[str, bytes], list[str]]:
    """(files to write, files to remove) for publishing `root` into `dest`; nothing is written."""
    course = Course.load(root)
    files = public_files(root)
    problems = leaks(files, root)
    if problems:
        raise CourseError(f"refusing to publish: {problems[0]}" + (f" (and {len(problems) - 1} more)" if problems[1:]
                                                                     else "") + "; fix the release first")
    files["README.md"] = student_readme(course, files).encode("utf-8")
    files[MANIFEST] = ("".join(f"{rel}\n" for rel in sorted(files) if rel != MANIFEST)).encode("utf-8")
    before = (dest / MANIFEST).read_text(encoding="utf-8").split() if (dest / MANIFEST).exists() else []
    gone = sorted(rel for rel in before if rel not in files and (dest / rel).is_file())
    return files, gone


def publish(root: Path, dest: Path) -> list[str]:
    """Bring `dest` up to date; returns the changes ('wrote X', 'removed Y')."""
    files, gone = plan(root, dest)
    changes = []
    for rel, data in sorted(files.items()):
        target = dest / rel
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changes.append(f"wrote {rel}")
    for rel in gone:
        (dest / rel).unlink()
        changes.append(f"removed {rel}")
    return changes


def run(args) -> int:
    dest = Path(args.dir).resolve()
    if not dest.is_dir():
        raise CourseError(f"{args.dir} is not a folder: clone the student repository first "
                          "(git clone STUDENT_REPOSITORY DIR), then publish into it")
    root = repo_root()
    if dest == root or root in dest.parents:
        raise CourseError(f"{args.dir} is inside the teacher repository: publish into a separate clone")
    changes = publish(root, dest)
    for line in changes:
        print(line)
    print(f"published into {dest}: {len(changes)} files changed (nothing committed: review with "
          f"`git -C {args.dir} status`, commit, tag and push)")
    return 0


def register(sub) -> None:
    import argparse

    p = sub.add_parser("publish", help="write the public student repository (no solutions, no hidden tests)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", metavar="DIR", help="a clone of the course's public student repository")
    p.set_defaults(run=run)
