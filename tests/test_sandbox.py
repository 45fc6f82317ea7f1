"""Student code runs in a bubblewrap sandbox: no network, nothing of the class but its own folder, no leftovers."""
from __future__ import annotations

import csv
import json
import os
import socket
import time
import uuid
from pathlib import Path

import pytest
from tiny_course import LAB

import dlcourse
from dlcourse.teach import notebooks
from dlcourse.teach.cli import main
from dlcourse.teach.demo import solved
from dlcourse.teach.grading import sandbox
from helpers import tree_digest
from dlcourse.teach.grading.nbconfig import MAX_OUTPUT_CHARS, clip_output

PACKAGE = Path(dlcourse.__file__).parent


def handin(root: Path, prefix: str = "") -> str:
    """The solved tiny lab; `prefix` runs first in the cell defining `add` (its failure costs test_add)."""
    nb = solved(notebooks.read(root / "weeks" / LAB / f"{LAB}.ipynb"),
                notebooks.read(root / "labs" / LAB / f"{LAB}.ipynb"))
    cell = next(c for c in nb.cells if notebooks.nbgrader_meta(c).get("grade_id") == "add")
    cell.source = prefix + cell.source
    return notebooks.dumps(nb)


def export(box: Path, students: dict[str, str]) -> Path:
    for name, text in students.items():
        (box / name).mkdir(parents=True)
        (box / name / "lab.ipynb").write_text(text)
    return box


def grades(class_dir: Path) -> dict[str, dict]:
    with (class_dir / "grades.csv").open() as fh:
        return {row["student_id"]: row for row in csv.DictReader(fh)}


def processes_with(marker: str, wait_s: float = 5.0) -> list[str]:
    """Pids whose command line holds `marker`, once none is left or after `wait_s` (a sandbox dies asynchronously)."""
    deadline = time.monotonic() + wait_s
    while True:
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if marker.encode() in cmdline.read_bytes():
                    found.append(cmdline.parent.name)
            except OSError:
                pass
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


@pytest.fixture
def bwrap():
    why = sandbox.unavailable()
    if why:
        pytest.skip(f"bubblewrap unavailable: apt-get install bubblewrap ({why})")


@pytest.fixture
def listener():
    """A loopback port nobody should ever reach from a hand-in."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(8)
        srv.setblocking(False)
        yield srv


def attacks(root: Path, port: int) -> dict[str, str]:
    """Hand-ins (student -> code) whose `add` cell depends on one forbidden act: each must fail in the sandbox."""
    cls = root / "grading" / "class"
    victim = cls / "submitted" / "good" / LAB / f"{LAB}.ipynb"
    return {
        "peekother": f"stolen = open({str(victim)!r}).read()\n",
        "peekgradebook": f"stolen = open({str(cls / 'gradebook.db')!r}, 'rb').read(100)\n",
        "peeklabs": f"stolen = open({str(root / 'labs' / LAB / (LAB + '.ipynb'))!r}).read()\n",
        "peektests": f"stolen = open({LAB + '.ipynb'!r}).read()  # its own notebook holds the hidden tests\n",
        "peekenv": "stolen = __import__('os').environ['COURSE_API_TOKEN']\n",
        "net": f"__import__('socket').create_connection(('127.0.0.1', {port}), timeout=3).close()\n",
        "tamper": f"open({str(victim)!r}, 'w').write('{{}}')\n",
        "writerepo": f"open({str(root / 'pwned.txt')!r}, 'w').write('pwned')\n",
        "writepackage": f"open({str(PACKAGE / 'pwned_by_student.py')!r}, 'w').write('pwned = 1')\n",
    }


def test_student_code_is_confined(tiny, bwrap, listener, monkeypatch, capsys):
    monkeypatch.setenv("COURSE_API_TOKEN", "secret-of-the-teacher")
    port = listener.getsockname()[1]
    marker, private = f"dlcourse-escape-{uuid.uuid4().hex}", f"/tmp/dlcourse-private-{uuid.uuid4().hex}"
    cls = tiny / "grading" / "class"
    students = {name: handin(tiny, code) for name, code in attacks(tiny, port).items()}
    students["good"] = handin(tiny)
    students["diligent"] = handin(tiny, (  # what a lab may do: all of it still works
        "import numpy as np, torch\nfrom dlcourse.data import offline_mnist\nfrom dlcourse.settings import data_dir\n"
        "assert offline_mnist().x_train.shape[1:] == (28, 28) and float(torch.ones(2).sum()) == 2.0\n"
        "open('mine.txt', 'w').write('kept')\n"
        f"open({private!r}, 'w').write('private')\n(data_dir() / 'cache.bin').write_bytes(b'1')\n"))
    students["daemon"] = handin(tiny, (
        "import subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', {marker!r}])\n"))
    students["stuck"] = handin(tiny, (
        "import subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', {marker!r}])\ntime.sleep(600)\n"))
    students["links"] = handin(tiny, (  # allowed inside, but nothing that reads the folder later may follow them
        f"import os\nos.symlink({str(cls / 'gradebook.db')!r}, 'gradebook.db')\nos.mkfifo('pipe')\n"))
    students["spam"] = handin(tiny, "print('x' * 10_000_000)\n")
    students["shout"] = handin(tiny, "raise ValueError('x' * 10_000_000)\n")
    box = export(tiny.parent / "export", students)
    before = {"labs": tree_digest(tiny / "labs"), "weeks": tree_digest(tiny / "weeks")}

    rc = main(["grade", LAB, "--from", str(box), "--workers", "2", "--timeout", "40", "--cell-timeout", "100"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert "unsandboxed" not in out.err

    table = grades(cls)
    for name in ("good", "diligent", "daemon", "links", "spam"):
        assert table[name]["score"] == "3", f"{name} should keep full marks: {table[name]}"
    for name in attacks(tiny, port):
        assert table[name]["test_add"] == "0", f"{name}: the forbidden act succeeded: {table[name]}"
        assert table[name]["score"] == "2", f"{name} should lose only the cell of the attack: {table[name]}"
    assert table["shout"]["score"] == "2"
    assert json.loads((cls / "results" / LAB / "stuck.json").read_text())["status"] == "timeout"

    with pytest.raises(BlockingIOError):
        listener.accept()
    assert {"labs": tree_digest(tiny / "labs"), "weeks": tree_digest(tiny / "weeks")} == before
    assert not list(PACKAGE.glob("pwned*")), "the installed package was written to"
    victim = cls / "submitted" / "good" / LAB / f"{LAB}.ipynb"
    assert victim.read_text() == students["good"], "a hand-in was overwritten"
    assert not list(tiny.parent.rglob("pwned*"))
    own = cls / "autograded" / "diligent" / LAB
    assert (own / "mine.txt").read_text() == "kept", "the student's own folder must stay writable"
    assert not os.path.exists(private), "the sandbox's /tmp must be private"
    left = {p.name for p in (cls / "autograded" / "links" / LAB).iterdir()}
    assert f"{LAB}.ipynb" in left and not left & {"gradebook.db", "pipe"}, f"links and pipes must be cleared: {left}"
    assert processes_with(marker) == [], "a student process outlived its kernel"
    for name in ("spam", "shout"):
        size = (cls / "autograded" / name / LAB / f"{LAB}.ipynb").stat().st_size
        assert size < 4 * MAX_OUTPUT_CHARS, f"{name}'s graded notebook is {size} bytes"


def test_secrets_stay_covered_when_the_course_is_importable(tiny, bwrap, listener, monkeypatch):
    """With the course itself on the import path (read-only inside), labs/ and the class folder stay covered."""
    monkeypatch.setenv("PYTHONPATH", str(tiny))
    chosen = {k: v for k, v in attacks(tiny, listener.getsockname()[1]).items()
              if k in ("peeklabs", "peekgradebook", "tamper", "writerepo")}
    students = {name: handin(tiny, code) for name, code in chosen.items()} | {"good": handin(tiny)}
    box = export(tiny.parent / "export", students)
    assert main(["grade", LAB, "--from", str(box), "--workers", "2"]) == 0
    table = grades(tiny / "grading" / "class")
    assert {name: table[name]["score"] for name in [*chosen, "good"]} == {**{name: "2" for name in chosen}, "good": "3"}
    assert not list(tiny.parent.rglob("pwned*"))


def test_without_the_sandbox_the_same_acts_succeed(tiny, listener):
    """The attacks above are real: unsandboxed (--no-sandbox) they get full marks."""
    chosen = {k: v for k, v in attacks(tiny, listener.getsockname()[1]).items() if k in ("peeklabs", "net")}
    box = export(tiny.parent / "export", {name: handin(tiny, code) for name, code in chosen.items()})
    assert main(["grade", LAB, "--from", str(box), "--workers", "2", "--no-sandbox"]) == 0
    table = grades(tiny / "grading" / "class")
    assert {name: table[name]["score"] for name in chosen} == {name: "3" for name in chosen}
    listener.accept()[0].close()


def test_missing_bubblewrap_is_one_warning(tiny, monkeypatch, capsys):
    monkeypatch.setattr(sandbox, "BWRAP", "no-such-bwrap-for-dlcourse")
    box = export(tiny.parent / "export", {"good": handin(tiny)})
    assert main(["grade", LAB, "--from", str(box), "--workers", "1"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unsandboxed" in err[0] and "apt-get install bubblewrap" in err[0], err
    assert grades(tiny / "grading" / "class")["good"]["score"] == "3"


def test_kernel_runs_only_below_the_autograded_folder(tmp_path):
    policy = sandbox.Policy("/usr/bin/bwrap", "/venv/bin/python", [], str(tmp_path / "class" / "autograded"))
    for outside in (tmp_path / "class", tmp_path / "class" / "autograded", tmp_path / "class" / "autogradedX" / "s"):
        with pytest.raises(sandbox.SandboxError):
            sandbox.bwrap_argv(policy, str(outside), "/run/k.json")
    work = str(tmp_path / "class" / "autograded" / "s1" / LAB)
    argv = sandbox.bwrap_argv(policy, work, "/run/k.json", [f"{work}/{LAB}.ipynb"])
    shown = f"/home/student/{LAB}"
    assert argv[argv.index("--bind") + 1:argv.index("--bind") + 3] == [work, shown]
    hidden = argv.index("/dev/null")
    assert argv[hidden - 1:hidden + 2] == ["--ro-bind", "/dev/null", f"{shown}/{LAB}.ipynb"]
    assert argv[argv.index("--remount-ro") + 1] == "/" and argv[argv.index("--chdir") + 1] == shown
    assert "--unshare-net" in argv and "--die-with-parent" in argv and "--cap-drop" in argv


def test_secrets_stay_hidden_even_inside_visible_folders():
    hidden = [("/repo/grading/class", True), ("/repo/labs/w01", True), ("/repo/labs", True), ("/data/gb.db", False),
              ("/repo/grading/class/gradebook.db", False), ("/elsewhere", True)]
    assert sandbox.hide_mounts(hidden, ["/repo", "/data"]) == [
        ["--tmpfs", "/repo/labs"], ["--ro-bind", "/dev/null", "/data/gb.db"], ["--tmpfs", "/repo/grading/class"]]
    assert sandbox.outermost(["/a/b", "/a", "/c/", "/a/bc"]) == ["/a", "/c"]
    env = sandbox.kernel_env({"AWS_SECRET_ACCESS_KEY": "x", "DLCOURSE_FAST": "1", "DLCOURSE_RESULTS": "/r",
                              "JPY_PARENT_PID": "1", "LC_ALL": "C"}, sandbox.Policy("b", "p", [], "/w", {"HOME": "/h"}))
    assert env == {"DLCOURSE_FAST": "1", "LC_ALL": "C", "HOME": "/h"}


def test_output_is_capped_per_cell_but_errors_survive():
    kept, room = clip_output("stream", {"name": "stdout", "text": "x" * 10_000_000})
    assert MAX_OUTPUT_CHARS <= len(kept["text"]) < MAX_OUTPUT_CHARS + 200 and "truncated" in kept["text"]
    assert clip_output("stream", {"name": "stdout", "text": "more"}, room)[0] is None
    error, room = clip_output("error", {"ename": "ValueError", "evalue": "y" * 10_000_000, "traceback": ["z" * 10**7]},
                              room)
    assert error["ename"] == "ValueError" and sum(map(len, error["traceback"])) < 10_000
    figure = {"data": {"image/png": "p" * 10_000_000}, "metadata": {}}
    assert "truncated" in clip_output("display_data", figure)[0]["data"]["text/plain"]
