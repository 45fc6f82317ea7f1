"""Grading throughput: `dlcourse grade` (parallel workers) against plain sequential `nbgrader autograde`.

    python bench/bench_grading.py [LAB] [N]        (default: w02, 40 hand-ins)
The same class for both: half fully solved, a third half solved, the rest broken (corrupt JSON or an
exception in the first exercise). Prints notebooks per minute for each and the ratio, measured in one run.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("DLCOURSE_ROOT", str(ROOT))


def make_class(inbox: Path, lab: str, n: int) -> None:
    from dlcourse.teach import notebooks
    from dlcourse.teach.demo import solved

    release = notebooks.read(ROOT / "weeks" / lab / f"{lab}.ipynb")
    source = notebooks.read(ROOT / "labs" / lab / f"{lab}.ipynb")
    n_code = sum(1 for c in source.cells if notebooks.nbgrader_meta(c).get("solution") and c.cell_type == "code")
    full, half = notebooks.dumps(solved(release, source)), notebooks.dumps(solved(release, source, n_code // 2))
    broken = json.loads(full)
    first = next(c for c in broken["cells"] if c["metadata"].get("nbgrader", {}).get("solution"))
    first["source"] = "raise RuntimeError('student bug')\n" + first["source"]
    kinds = [full] * 10 + [half] * 6 + [full[: len(full) // 2], notebooks.dumps(broken)] * 2
    for i in range(n):
        folder = inbox / f"s{i:04d}"
        folder.mkdir(parents=True)
        (folder / f"{lab}.ipynb").write_text(kinds[i % len(kinds)])


def main() -> None:
    from dlcourse.teach.cli import main as dlcourse
    from dlcourse.teach.grading.autograde import Lab
    from dlcourse.teach.grading.tables import load_outcomes
    from dlcourse.teach.paths import resolve_lab

    lab = resolve_lab(sys.argv[1] if len(sys.argv) > 1 else "w02", ROOT)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        tmp = Path(tmp)
        make_class(tmp / "inbox", lab, n)
        ours = tmp / "ours"
        start = time.perf_counter()
        dlcourse(["grade", lab, "--from", str(tmp / "inbox"), "--class-dir", str(ours), "--workers", str(workers)])
        t_ours = time.perf_counter() - start

        plain = Lab(ROOT, lab, tmp / "plain", memory_mb=0)
        shutil.copytree(ours / "submitted", plain.submitted)
        run_nbgrader(["generate_assignment", lab, "--force"], tmp / "plain-work", plain.nbgrader_settings())
        start = time.perf_counter()
        done = run_nbgrader(["autograde", lab, "--force"], tmp / "plain-work", plain.nbgrader_settings())
        t_plain = time.perf_counter() - start

        from nbgrader.api import Gradebook

        with Gradebook(plain.db_url) as gb:
            plain_scores = {s.student.id: s.code_score for s in gb.assignment_submissions(lab)}
        our_scores = {o.student_id: o.score for o in load_outcomes(ours, [lab])}
        agree = sum(abs(plain_scores.get(s, 0.0) - v) < 1e-9 for s, v in our_scores.items())
    rate_ours, rate_plain = 60 * n / t_ours, 60 * n / t_plain
    print(f"\n== grading throughput: {n} hand-ins of {lab} (fast mode), {workers} cores")
    print(f"{'grader':<44} {'seconds':>8} {'notebooks/min':>14}")
    print(f"{'nbgrader autograde (sequential, one process)':<44} {t_plain:>8.1f} {rate_plain:>14.1f}")
    print(f"{f'dlcourse grade (--workers {workers}, with intake)':<44} {t_ours:>8.1f} {rate_ours:>14.1f}")
    print(f"speed-up: {rate_ours / rate_plain:.2f}x; scores agree on {agree}/{len(our_scores)} hand-ins"
          f" (nbgrader exit status {done.returncode})")


if __name__ == "__main__":
    main()


# ---- plain nbgrader in its own process, as a teacher would run it (the baseline of this benchmark)

from dlcourse.teach.grading.nbconfig import grading_env  # noqa: E402

def config_text(values: dict) -> str:
    """An nbgrader_config.py that sets `values`."""
    lines = ["# Written by dlcourse; edit dlcourse/grading/nbconfig.py instead.", "c = get_config()  # noqa: F821"]
    for section, traits in values.items():
        for trait, value in traits.items():
            lines.append(f"c.{section}.{trait} = {value!r}")
    return "\n".join(lines) + "\n"


def run_nbgrader(args: list[str], workdir: Path, values: dict, timeout: float | None = None,
                 env: dict | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
    """Run `nbgrader ARGS` in `workdir` with `values` as its configuration; output captured.

    On `timeout` the whole process group (nbgrader and its kernel) is killed and
    subprocess.TimeoutExpired is raised.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    sockets = tempfile.mkdtemp(prefix="dlck-")
    values = {**values, "KernelManager": {**values.get("KernelManager", {}), "ip": os.path.join(sockets, "kernel")}}
    (workdir / "nbgrader_config.py").write_text(config_text(values), encoding="utf-8")
    cmd = [sys.executable, "-m", "nbgrader", *args]
    with subprocess.Popen(cmd, cwd=workdir, env=env or grading_env(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, errors="replace",
                          start_new_session=True, preexec_fn=preexec_fn) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except BaseException:  # timeout or Ctrl-C: leave no kernel behind
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.communicate()
            raise
        finally:
            try:  # a kernel that outlived nbgrader
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            shutil.rmtree(sockets, ignore_errors=True)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, "")
