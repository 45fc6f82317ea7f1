"""`dlcourse release`: generate weeks/ (the student release) from labs/ (the nbgrader sources).

Deterministic: the release is built in a scratch folder, normalised, and only changed files are
written. `--check` changes nothing and fails, naming each file, when weeks/ or a source is stale.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from . import notebooks
from .errors import CourseError
from .grading.nbconfig import nbgrader_api, nbgrader_error, settings
from .paths import HEADER, is_course_week, lab_names, lab_notebooks, labs_dir, repo_root, resolve_lab, weeks_dir


def tidy_source(nb, bootstrap: str):
    """A source notebook as it is stored: outputs stripped, canonical bootstrap cell."""
    nb = notebooks.strip(nb)
    if nb.cells and notebooks.nbgrader_meta(nb.cells[0]).get("grade_id") == notebooks.BOOTSTRAP_ID:
        nb.cells[0].source = bootstrap
    return nb


def source_notebooks(root: Path, lab: str) -> list[Path]:
    """The lab's notebooks (its header, if any, is not one of them)."""
    return [labs_dir(root) / lab / f"{name}.ipynb" for name in lab_notebooks(lab, root)]


def header_of(root: Path, lab: str) -> Path | None:
    """The lab's header notebook (labs/<lab>/header.ipynb), put before each of its notebooks at release."""
    path = labs_dir(root) / lab / HEADER
    return path if path.is_file() else None


def check_sources(root: Path, labs: list[str]) -> dict[Path, str]:
    """Each source notebook's (and header's) tidy text, after validating the metadata: every problem of every
    notebook in one CourseError."""
    from .course import Course

    bootstrap = notebooks.bootstrap_source(Course.load(root))
    tidy, problems = {}, []
    for lab in labs:
        own = is_course_week(lab)
        main = labs_dir(root) / lab / f"{lab}.ipynb"
        paths = source_notebooks(root, lab)
        if own and not main.exists():
            raise CourseError(f"{main.relative_to(root)} is missing: each lab folder holds a notebook named after it")
        if not paths:
            raise CourseError(f"labs/{lab}/ holds no notebook: add its nbgrader source notebooks (.ipynb)")
        graded = 0
        for path in paths:
            nb = notebooks.read(path)
            if path == main or not own:
                found = notebooks.metadata_problems(nb, own=own)
                if found:
                    problems.append(f"{path.relative_to(root)}: " + "; ".join(found))
                graded += len(notebooks.graded_cells(nb))
            tidy[path] = notebooks.dumps(tidy_source(nb, bootstrap))
        if not own and not graded:
            problems.append(f"labs/{lab}/: no graded cell in any of its notebooks (nbgrader metadata 'grade' "
                            "with points): mark its tests and answers in Jupyter's nbgrader toolbar")
        header = header_of(root, lab)
        if header is not None:
            tidy[header] = notebooks.dumps(notebooks.strip(notebooks.read(header)))
    if problems:
        raise CourseError(" | ".join(problems))
    return tidy


def stage_sources(root: Path, labs: list[str], dest: Path) -> dict[str, Path]:
    """The tidy sources of `labs` written to dest/<lab>/ (with the lab's other files, without its header, so
    that nbgrader sees only the lab's notebooks); returns {lab: its staged header} for labs that have one."""
    headers = {}
    for path, text in check_sources(root, labs).items():
        lab_src = dest / path.parent.name
        if not lab_src.exists():
            shutil.copytree(path.parent, lab_src,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", HEADER))
        if path.name == HEADER:
            headers[path.parent.name] = dest.parent / f"{dest.name}-headers" / f"{path.parent.name}.ipynb"
            headers[path.parent.name].parent.mkdir(parents=True, exist_ok=True)
            headers[path.parent.name].write_text(text, encoding="utf-8")
        else:
            (lab_src / path.name).write_text(text, encoding="utf-8")
    return headers


def colab_url(course, path: str) -> str:
    """The Colab address of weeks/`path` in the student repository at the release tag ('' when the student
    repository is not on GitHub)."""
    prefix = "https://github.com/"
    if not course.student_repository.startswith(prefix):
        return ""
    repo = course.student_repository[len(prefix):].removesuffix(".git")
    return f"https://colab.research.google.com/github/{repo}/blob/{course.release_tag}/weeks/{path}"


def colab_badge(course, path: str) -> str:
    """Markdown of an 'Open in Colab' badge for weeks/`path` ('' without a GitHub student repository)."""
    url = colab_url(course, path)
    return f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({url})" if url else ""


def build(root: Path, labs: list[str], scratch: Path) -> dict[str, bytes]:
    """Generate the release of `labs` from the tidy sources; returns {path relative to weeks/: content}."""
    src = scratch / "labs"
    headers = stage_sources(root, labs, src)
    from .course import Course

    course = Course.load(root)
    out = scratch / "release"
    values = settings(labs=src, root=scratch / "work", release=out, db_url=f"sqlite:///{scratch / 'gradebook.db'}")
    api = nbgrader_api(values)
    files: dict[str, bytes] = {}
    for lab in labs:
        lab_api = nbgrader_api(values | {"IncludeHeaderFooter": {"header": str(headers[lab])}}) if lab in headers else api
        done = lab_api.generate_assignment(lab, force=True, create=True)
        if not done["success"]:
            raise CourseError(f"nbgrader could not generate {lab}: {nbgrader_error(done)}")
        for path in sorted((out / lab).rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if path.suffix == ".ipynb":
                    nb = notebooks.strip(notebooks.read(path))
                    badge = colab_badge(course, str(path.relative_to(out)))
                    if badge and notebooks.is_course_notebook(nb):
                        nb.cells.insert(0, notebooks.from_dict({"cell_type": "markdown", "metadata": {},
                                                                "source": badge}))
                    data = notebooks.dumps(nb).encode("utf-8")
                files[str(path.relative_to(out))] = data
    return files


def stale(root: Path, labs: list[str]) -> list[str]:
    """Files of weeks/ and labs/ that `dlcourse release` would change (empty when up to date)."""
    weeks = weeks_dir(root)
    problems = [f"{p.relative_to(root)} (source not tidy: outputs or bootstrap cell)"
                for p, text in check_sources(root, labs).items() if p.read_text(encoding="utf-8") != text]
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as tmp:
        files = build(root, labs, Path(tmp))
    for rel, data in files.items():
        target = weeks / rel
        if not target.exists():
            problems.append(f"weeks/{rel} (missing)")
        elif target.read_bytes() != data:
            problems.append(f"weeks/{rel} (out of date)")
    for lab in labs:
        for path in sorted((weeks / lab).rglob("*")) if (weeks / lab).exists() else []:
            if path.is_file() and str(path.relative_to(weeks)) not in files:
                problems.append(f"{path.relative_to(root)} (not in labs/{lab}: remove it)")
    return problems


def release(root: Path, labs: list[str]) -> list[str]:
    """Tidy the sources and bring weeks/ up to date; returns the files written or removed."""
    changed = []
    for path, text in check_sources(root, labs).items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(str(path.relative_to(root)))
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as tmp:
        files = build(root, labs, Path(tmp))
    weeks = weeks_dir(root)
    for rel, data in files.items():
        target = weeks / rel
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(f"weeks/{rel}")
    for lab in labs:
        for path in sorted((weeks / lab).rglob("*"), reverse=True) if (weeks / lab).exists() else []:
            if path.is_file() and str(path.relative_to(weeks)) not in files:
                path.unlink()
                changed.append(f"weeks/{path.relative_to(weeks)} (removed)")
    for folder in sorted(weeks.iterdir()) if weeks.exists() else []:
        if folder.is_dir() and folder.name not in lab_names(root):
            shutil.rmtree(folder)
            changed.append(f"weeks/{folder.name}/ (removed: no such lab)")
    return changed


def run(args) -> int:
    root = repo_root()
    labs = [resolve_lab(name, root) for name in args.labs] if args.labs else lab_names(root)
    if not labs:
        raise CourseError("labs/ holds no lab folder (labs/wNN_topic/): add one first")
    if args.check:
        problems = stale(root, labs)
        for line in problems:
            print(f"stale: {line}")
        if problems:
            print(f"weeks/ is out of date ({len(problems)} files): run `make release` and commit the result")
            return 1
        print(f"release is up to date ({len(labs)} labs)")
        return 0
    changed = release(root, labs)
    for line in changed:
        print(f"wrote {line}")
    print(f"release up to date ({len(labs)} labs, {len(changed)} files changed)")
    return 0


def register(sub) -> None:
    p = sub.add_parser("release", help="generate weeks/ (student release) from labs/ (nbgrader sources)",
                       description=__doc__)
    p.add_argument("labs", nargs="*", help="labs to release (default: all)")
    p.add_argument("--check", action="store_true", help="change nothing; fail when weeks/ or a source is stale")
    p.set_defaults(run=run)
