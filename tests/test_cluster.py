"""Grading on a cluster: SLURM job arrays on a real one-node cluster, LSF scripts through a fake bsub."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import services
from helpers import read_grades, solved_with
from tiny_course import LAB

from dlcourse.teach.cli import main
from dlcourse.teach.errors import CourseError
from dlcourse.teach.grading import cluster
from dlcourse.teach.classfolder import default_db_url, with_driver
from dlcourse.teach.grading.autograde import Lab
from dlcourse.teach.grading.merge import submission_table

COURSE = "dlcourse"
EXPECTED = {"good": "3", "good2": "3", "meanless": "1", "partial": "2"}


@pytest.fixture(scope="session")
def slurm():
    """A one-node SLURM cluster of its own for the test session (skipped where it cannot start)."""
    try:
        cluster_ = services.start_slurm()
    except services.Unavailable as err:
        pytest.skip(str(err))
    yield cluster_
    cluster_.stop()


@pytest.fixture
def slurm_env(slurm, monkeypatch):
    monkeypatch.setenv("SLURM_CONF", str(slurm.conf))
    return slurm


def four_handins(root: Path) -> Path:
    box = root.parent / "export"
    good = solved_with(root)
    for name, text in {"good": good, "good2": good, "partial": good.replace("return a + b", "return a - b"),
                       "meanless": good.replace("return sum(xs) / len(xs)", "return 0")}.items():
        (box / name).mkdir(parents=True)
        (box / name / "lab.ipynb").write_text(text)
    return box


def class_dir(root: Path) -> Path:
    return root / "grading" / "class"


# ---------------------------------------------------------------- job scripts, no scheduler needed

def test_templates_times_and_job_ids():
    text = cluster.render("#X a\n{{empty}}\n\nrun {{ cmd }} $TASK\n", {"empty": "", "cmd": "go"})
    assert text == "#X a\n\nrun go $TASK\n"
    with pytest.raises(CourseError, match="unknown placeholder"):
        cluster.render("{{nope}}", {})
    assert cluster.time_seconds("01:30:00") == 5400 and cluster.time_seconds("2-00:00:01") == 172801
    assert cluster.lsf_time("01:30:00") == "1:30" and cluster.lsf_time("00:00:01") == "0:01"
    with pytest.raises(CourseError, match="HH:MM:SS"):
        cluster.time_seconds("90")
    assert cluster.job_id("slurm", "123;cluster\n") == "123" and cluster.job_id("slurm", "error") == ""
    assert cluster.job_id("lsf", "Job <4711> is submitted to queue <normal>.\n") == "4711"
    assert cluster.submit_command("slurm", Path("g.sh"), after="7")[0] == [
        "sbatch", "--parsable", "--dependency=afterok:7", "g.sh"]
    assert cluster.is_sqlite(default_db_url(Path("/c"))) and not cluster.is_sqlite("postgresql+psycopg2://h/db")


@pytest.fixture
def fake_bsub(tmp_path, monkeypatch) -> Path:
    """A `bsub` on PATH that records each call (arguments, script on stdin) and answers like LSF."""
    log = tmp_path / "bsub-calls"
    log.mkdir()
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "bsub").write_text(
        "#!/bin/sh\nn=$(ls \"$FAKE_BSUB_LOG\" | grep -c args)\n"
        "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$FAKE_BSUB_LOG/$n.args\"\n"
        "cat > \"$FAKE_BSUB_LOG/$n.stdin\"\n"
        "echo \"Job <$((4711 + n))> is submitted to queue <normal>.\"\n")
    (bindir / "bsub").chmod(0o755)
    monkeypatch.setenv("FAKE_BSUB_LOG", str(log))
    monkeypatch.setenv("PATH", f"{bindir}:{Path(sys.executable).parent}:/usr/bin:/bin")
    return log


def argv_printer(folder: Path) -> str:
    """A stand-in for Python that prints its arguments, one a line."""
    path = folder / "print-argv"
    path.write_text("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n")
    path.chmod(0o755)
    return str(path)


def calls(log: Path) -> list[tuple[list[str], str]]:
    n = len(list(log.glob("*.args")))
    return [((log / f"{i}.args").read_text().split("\n")[:-1], (log / f"{i}.stdin").read_text()) for i in range(n)]


def test_lsf_job_array_script_and_submission(tiny, fake_bsub, tmp_path, capsys):
    inbox = four_handins(tiny)
    assert main(["grade", LAB, "--from", str(inbox), "--lsf", "--shards", "2", "--workers", "3",
                 "--partition", "gpu", "--time", "01:30:00"]) == 0
    (grade_args, grade), (merge_args, merge) = calls(fake_bsub)
    assert grade_args == [] and merge_args == ["-w", "done(4711)"]
    folder = class_dir(tiny) / "cluster" / LAB
    assert grade == (folder / "grade.lsf.sh").read_text() and merge == (folder / "merge.lsf.sh").read_text()
    for line in (f'#BSUB -J "grade-{LAB}[1-2]"', "#BSUB -n 3", "#BSUB -q gpu", "#BSUB -W 1:30",
                 "TASK=$LSB_JOBINDEX", f"export DLCOURSE_ROOT={tiny}", "export DLCOURSE_OFFLINE=1"):
        assert line in grade.splitlines(), line
    assert "{{" not in grade + merge and "4712" in capsys.readouterr().out
    assert f"{sys.executable} -m dlcourse.teach.cli grade {LAB} --class-dir {class_dir(tiny)} --merge-shards 2" in merge
    for i in (1, 2):  # every shard's gradebook knows the lab before the tasks start
        assert (class_dir(tiny) / "shards" / f"{LAB}-{i}.db").exists()

    # what array element 2 runs, with a stand-in for Python
    done = subprocess.run(["bash", "-c", grade.replace(sys.executable, argv_printer(tmp_path))],
                          capture_output=True, text=True,
                          env={"LSB_JOBINDEX": "2", "LSB_DJOB_NUMPROC": "3", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    argv = done.stdout.splitlines()
    assert argv[:4] == ["-m", "dlcourse.teach.cli", "grade", LAB]
    assert argv[argv.index("--shard") + 1] == "2/2" and argv[argv.index("--workers") + 1] == "3"
    assert argv[argv.index("--db") + 1] == f"sqlite:///{class_dir(tiny) / 'shards' / LAB}-2.db?timeout=120"

    # --wait: bsub -K blocks; this fake bsub ran nothing, so the merge finds every hand-in ungraded
    assert main(["grade", LAB, "--lsf", "--shards", "2", "--wait"]) == 2
    assert calls(fake_bsub)[2][0] == ["-K"]
    assert "4 hand-ins were not graded" in capsys.readouterr().err


def test_cluster_refuses_bad_options(tiny, fake_bsub, tmp_path, monkeypatch, capsys):
    assert main(["grade", LAB, "--lsf", "--slurm"]) == 2
    assert "one of --slurm and --lsf" in capsys.readouterr().err
    assert main(["grade", LAB, "--lsf", "--time", "90"]) == 2
    assert "HH:MM:SS" in capsys.readouterr().err
    monkeypatch.setenv("PATH", str(tmp_path))  # no sbatch here
    assert main(["grade", LAB, "--slurm"]) == 2
    assert "sbatch not found" in capsys.readouterr().err
    assert calls(fake_bsub) == []


# ---------------------------------------------------------------- a real SLURM cluster

@pytest.mark.services
def test_slurm_array_with_sqlite_shards_grades_like_a_local_run(tiny, slurm_env, tmp_path, capsys):
    inbox = four_handins(tiny)
    local = tmp_path / "local-class"
    assert main(["grade", LAB, "--from", str(inbox), "--class-dir", str(local), "--workers", "2"]) == 0
    start = time.monotonic()
    rc = main(["grade", LAB, "--from", str(inbox), "--slurm", "--shards", "2", "--workers", "1", "--wait",
               "--time", "00:10:00", "--partition", "debug"])
    out = capsys.readouterr().out
    logs = "\n".join(p.read_text() for p in sorted((class_dir(tiny) / "cluster" / LAB / "logs").glob("*")))
    assert rc == 0, f"{out}\n{logs}\n{slurm_env.logs()}"
    print(f"SLURM grading with --wait: {time.monotonic() - start:.1f} s")

    grades = read_grades(class_dir(tiny))
    assert {s: row["score"] for s, row in grades.items()} == EXPECTED
    assert (class_dir(tiny) / "grades.csv").read_text() == (local / "grades.csv").read_text()
    merged = submission_table(default_db_url(class_dir(tiny)), LAB, COURSE)
    assert merged == submission_table(default_db_url(local), LAB, COURSE)
    for i, students in ((1, {"good", "meanless"}), (2, {"good2", "partial"})):  # each task wrote its own file
        shard = submission_table(cluster.shard_db_url(class_dir(tiny), LAB, i), LAB, COURSE)
        assert {s for s, _ in shard} == students

    assert main(["grade", LAB, "--merge-shards", "2"]) == 0  # merging again changes nothing
    assert submission_table(default_db_url(class_dir(tiny)), LAB, COURSE) == merged
    assert (class_dir(tiny) / "grades.csv").read_text() == (local / "grades.csv").read_text()


@pytest.mark.services
def test_slurm_array_with_postgres_and_a_merge_job(tiny, slurm_env, pg_url, capsys):
    inbox = four_handins(tiny)
    for name in ("good2", "partial"):  # one hand-in per task keeps it quick
        shutil.rmtree(inbox / name)
    assert main(["grade", LAB, "--from", str(inbox), "--slurm", "--shards", "2", "--workers", "1",
                 "--db", pg_url]) == 0
    assert "merges when all succeeded" in capsys.readouterr().out
    deadline = time.monotonic() + 240
    while slurm_env.run("squeue", "-h").stdout.strip() and time.monotonic() < deadline:
        time.sleep(1)
    logs = "\n".join(p.read_text() for p in sorted((class_dir(tiny) / "cluster" / LAB / "logs").glob("*")))
    assert "2 of 2 hand-ins graded in 2 shards" in logs, f"{logs}\n{slurm_env.logs()}"
    assert {s: row["score"] for s, row in read_grades(class_dir(tiny)).items()} == {"good": "3", "meanless": "1"}
    assert not (class_dir(tiny) / "shards").exists(), "PostgreSQL needs no shard gradebooks"
    table = submission_table(with_driver(pg_url), LAB, COURSE)
    assert {s for s, _ in table} == {"good", "meanless"}
    assert table[("meanless", "test_mean")][0] == 0 and table[("meanless", "test_add")][0] == 1


def test_shard_gradebook_names_expand_in_the_shell(tmp_path):
    lab = Lab(tmp_path, LAB, tmp_path / "my class")
    plan = cluster.Plan("slurm", lab, shards=3, cpus=2, python=argv_printer(tmp_path))
    out = subprocess.run(["bash", "-c", f"TASK=3; CPUS=2; {cluster.task_command(plan)}"], capture_output=True,
                         text=True).stdout
    argv = out.splitlines()
    assert argv[argv.index("--shard") + 1] == "3/3" and argv[argv.index("--workers") + 1] == "2"
    assert argv[argv.index("--db") + 1] == cluster.shard_db_url(tmp_path / "my class", LAB, 3)
    assert argv[argv.index("--class-dir") + 1] == str(tmp_path / "my class")


# ---------------------------------------------------------------- the students' notebook jobs

def answer_notebook(folder: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "nb.ipynb")
    return folder / "nb.ipynb"


def printed(notebook: Path) -> str:
    import nbformat

    return "".join(o.get("text", "") for c in nbformat.read(notebook, as_version=4).cells for o in c.outputs)


def python_env(env: dict) -> dict:
    """`env` where the scripts find this Python's jupyter: VENV for a virtualenv, else PATH."""
    env = dict(env, PATH=f"{Path(sys.executable).parent}:{env.get('PATH', '/usr/bin:/bin')}")
    if (Path(sys.prefix) / "bin" / "activate").exists():
        env["VENV"] = sys.prefix
    return env


@pytest.mark.services
def test_student_notebook_job_runs_on_slurm(repo, slurm_env, tmp_path):
    notebook = answer_notebook(tmp_path)
    # this node has no GPU and 2 CPUs: the command line overrides the template's requests
    done = subprocess.run(["sbatch", "--parsable", "--gres=none", "--cpus-per-task=1", "--mem=500M",
                           f"--output={tmp_path}/job-%j.out", str(repo / "hpc" / "slurm_notebook.sh"), str(notebook)],
                          env=python_env(slurm_env.env), cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    cluster.wait_slurm(cluster.job_id("slurm", done.stdout), poll_s=1)
    log = "".join(p.read_text() for p in tmp_path.glob("job-*.out"))
    assert printed(tmp_path / "nb.executed.ipynb") == "42\n", log
    assert "no GPU visible" in log


def test_student_notebook_script_for_lsf_runs_a_notebook(repo, tmp_path):
    notebook = answer_notebook(tmp_path)
    env = python_env(dict(os.environ, NOTEBOOK=str(notebook), OUTPUT=str(tmp_path / "out" / "done.ipynb")))
    done = subprocess.run(["bash", str(repo / "hpc" / "lsf_notebook.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert printed(tmp_path / "out" / "done.ipynb") == "42\n"


@pytest.mark.parametrize("script", ["slurm_notebook.sh", "lsf_notebook.sh"])
def test_student_jupyterlab_job_says_how_to_connect(repo, tmp_path, script):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "jupyter").write_text("#!/bin/sh\necho \"jupyter $*\"\n")
    (fake / "jupyter").chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin", "USER": "ada", "PORT": "8899", "HOME": str(tmp_path)}
    done = subprocess.run(["bash", str(repo / "hpc" / script)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    node = subprocess.run(["hostname"], capture_output=True, text=True).stdout.strip()
    assert f"ssh -N -L 8899:{node}:8899 ada@" in done.stdout
    assert f"jupyter lab --no-browser --ip={node} --port=8899" in done.stdout
