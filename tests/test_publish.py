"""`dlcourse publish`: the public student repository holds no solution, no hidden test and no hidden label,
installs on its own, and installing it as a notebook's first cell does on Colab changes no Colab package."""
from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import tree_digest

from dlcourse.teach.cli import main
from dlcourse.teach.course import Course, parse_course
from dlcourse.teach.notebooks import bootstrap_source
from dlcourse.teach.publish import MANIFEST, SECRETS

TAG = "v-test"


@pytest.fixture(scope="module")
def student_repo(tmp_path_factory) -> Path:
    """This repository published into a fresh git clone stand-in, committed and tagged."""
    dest = tmp_path_factory.mktemp("student")
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["publish", str(dest)]) == 0
    finally:
        os.chdir(old)
    git = ["git", "-C", str(dest), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "publish"], check=True)
    subprocess.run(git + ["tag", TAG], check=True)
    return dest


def published(dest: Path) -> list[Path]:
    return [p for p in dest.rglob("*") if p.is_file() and ".git" not in p.relative_to(dest).parts]


def test_nothing_secret_is_published(student_repo):
    files = published(student_repo)
    rel = [p.relative_to(student_repo).as_posix() for p in files]
    assert not [r for r in rel if r.startswith(("labs/", "grading/", "tests/", "src/dlcourse/teach/"))], rel
    sources = {p.read_bytes() for p in (ROOT / "labs").rglob("*.ipynb")}
    for path in files:
        data = path.read_bytes()
        assert data not in sources, f"{path.name} is a source notebook"
        for marker in SECRETS:
            assert marker.encode() not in data, f"{path.relative_to(student_repo)} contains {marker}"
        assert b"_labels" not in path.name.encode(), f"{path.name} looks like hidden labels"
    labs = Course.load(ROOT).labs
    assert all(f"weeks/{lab}/{lab}.ipynb" in rel for lab in labs)


def test_every_week_opens_in_colab_from_its_badge(student_repo):
    readme = (student_repo / "README.md").read_text()
    for lab in Course.load(ROOT).labs:
        link = f"https://colab.research.google.com/github/02456-course/deep-learning-course-students/blob/v2026.1/weeks/{lab}/{lab}.ipynb"
        assert link in readme, f"README has no Colab badge for {lab}"
        first = json.loads((student_repo / "weeks" / lab / f"{lab}.ipynb").read_text())["cells"][0]
        assert first["cell_type"] == "markdown" and link in "".join(first["source"]), f"{lab} opens without its badge"


def test_publishing_twice_changes_nothing_and_removes_what_is_gone(student_repo, capsys):
    before = tree_digest(student_repo)
    os.chdir(ROOT)
    (student_repo / "weeks" / "stale.txt").write_text("old")
    manifest = student_repo / MANIFEST
    manifest.write_text(manifest.read_text() + "weeks/stale.txt\n")
    (student_repo / "notes.txt").write_text("the teacher's own file")
    assert main(["publish", str(student_repo)]) == 0
    out = capsys.readouterr().out
    assert "removed weeks/stale.txt" in out and not (student_repo / "weeks" / "stale.txt").exists()
    assert (student_repo / "notes.txt").exists(), "publish removed a file it did not write"
    (student_repo / "notes.txt").unlink()
    assert tree_digest(student_repo) == before
    assert main(["publish", str(student_repo)]) == 0
    assert "0 files changed" in capsys.readouterr().out


def test_publish_refuses_a_folder_inside_the_repository(capsys):
    os.chdir(ROOT)
    assert main(["publish", str(ROOT / "weeks")]) == 2
    assert "inside the teacher repository" in capsys.readouterr().err


def run_py(python: Path, code: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, **kw)


@pytest.mark.colab
def test_student_install_keeps_colab_packages(student_repo, tmp_path):
    """A fresh environment with Colab's versions; the first cell of a notebook run twice as on Colab."""
    env_dir = tmp_path / "colab"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    pins = ROOT / "tests" / "colab-constraints.txt"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-U", "pip"], capture_output=True, check=True)  # Colab's is new
    stack = subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(pins)], capture_output=True, text=True)
    if stack.returncode:
        pytest.skip(f"Colab's package versions cannot be installed here: {stack.stderr.strip().splitlines()[-1:]}")

    def versions() -> dict[str, str]:
        out = subprocess.run([str(python), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True,
                             check=True).stdout
        return {p["name"].lower(): p["version"] for p in json.loads(out)}

    before = versions()
    course = parse_course(ROOT, {"course": {"student_repository": f"file://{student_repo}", "release_tag": TAG}}, [])
    cell = bootstrap_source(course)
    fake_colab = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')\n"
    env = dict(os.environ, DLCOURSE_OFFLINE="1", MPLBACKEND="Agg")
    first = run_py(python, fake_colab + cell, env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "installed the course package in" in first.stdout and "dlcourse" in first.stdout, first.stdout
    second = run_py(python, fake_colab + cell, env=env, cwd=tmp_path)
    assert second.returncode == 0 and "installed the course package" not in second.stdout, second.stdout
    after = versions()
    pinned = [line.split("==")[0].lower() for line in pins.read_text().splitlines() if "==" in line]
    changed = {p: f"{before.get(p)} -> {after.get(p)}" for p in pinned if before.get(p) != after.get(p)}
    assert not changed, f"installing the course package changed Colab's packages: {changed}"
    check = subprocess.run([str(python), "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout

    # the first cells of every released notebook run there: set-up and imports, up to the first exercise
    for lab in Course.load(ROOT).labs:
        nb = json.loads((student_repo / "weeks" / lab / f"{lab}.ipynb").read_text())
        code = []
        for c in nb["cells"]:
            meta = c.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution") or meta.get("grade"):
                break
            if c["cell_type"] == "code":
                code.append("".join(c["source"]))
        done = run_py(python, "\n".join(code).replace("plt.show()", "pass"), env=env,
                      cwd=student_repo / "weeks" / lab)  # where Jupyter starts a notebook's kernel
        assert done.returncode == 0, f"{lab}: its first cells fail in the student install: {done.stderr[-1500:]}"
