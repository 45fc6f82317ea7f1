"""Peer-review timings: `python bench/bench_peer.py` prints a table (figures only, nothing asserted).

A synthetic class in groups of 2 to 3 with k = 3 and seven earlier weeks of history, for 10,000 hand-ins
(targets: assign under 2 s, verify under 1 s) and for a real class of 400. Each command runs end to end
through its `dlcourse peer` parser (reading CSVs, computing, writing the output atomically); the best of a few
runs is shown.
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dlcourse.teach.files import write_atomic  # noqa: E402
from dlcourse.teach.peer import assign as ops  # noqa: E402
from dlcourse.teach.peer import model  # noqa: E402
from dlcourse.teach.peer.cli import register  # noqa: E402

K = 3
WEEKS = 7


def make_class(folder: Path, n: int) -> None:
    """submitters.csv, groups.csv (groups of 2-3), history/ with WEEKS assignments, late.csv (5 students)."""
    rng = random.Random(f"bench {n}")
    ids = [f"s{i:06d}" for i in range(n)]
    groups, i, g = {}, 0, 0
    while i < n:
        size = rng.choice((2, 3))
        for sid in ids[i:i + size]:
            groups[sid] = f"g{g:05d}"
        i, g = i + size, g + 1
    (folder / "history").mkdir()
    write_atomic(folder / "submitters.csv", model.csv_text(("student_id",), [(s,) for s in ids]))
    write_atomic(folder / "groups.csv", model.csv_text(("student_id", "group"), sorted(groups.items())))
    write_atomic(folder / "late.csv", model.csv_text(("student_id",), [(f"late{j}",) for j in range(5)]))
    for week in range(1, WEEKS + 1):
        lab = f"w{week:02d}"
        plan = ops.assign(lab, ids, groups, set(), K, seed=week)
        write_atomic(folder / "history" / f"{lab}.csv", model.assignment_text(lab, plan.pairs))


def timed(parser: argparse.ArgumentParser, argv: list[str], runs: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of `runs` runs of one command."""
    wall = cpu = float("inf")
    for _ in range(runs):
        args = parser.parse_args(argv)
        start, start_cpu = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(io.StringIO()):
            args.run(args)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def process_timed(argv: list[str], runs: int) -> float:
    """Best wall-clock seconds of `runs` whole `dlcourse` processes (start-up and imports included)."""
    import subprocess

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dlcourse.teach.cli", *argv], capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(prog="dlcourse")
    register(parser.add_subparsers(dest="command"))
    rows = []
    os.environ.pop("DLCOURSE_ROOT", None)
    with tempfile.TemporaryDirectory(prefix="bench-peer-") as tmp:
        os.chdir(tmp)   # outside any course repository: LAB names are taken as given
        for n in (400, 10_000):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            make_class(folder, n)
            f = str(folder)
            common = ["--groups", f"{f}/groups.csv", "--history", f"{f}/history"]
            runs = 3
            t_assign = timed(parser, ["peer", "assign", "w08", "--submitters", f"{f}/submitters.csv", *common,
                                      "-k", str(K), "--out", f"{f}/w08.csv"], runs)
            t_verify = timed(parser, ["peer", "verify", f"{f}/w08.csv", *common, "-k", str(K)], runs)
            t_add = timed(parser, ["peer", "add", "w08", "--assignments", f"{f}/w08.csv", "--late", f"{f}/late.csv",
                                   *common, "--out", f"{f}/w08_add.csv"], runs)
            t_rebalance = timed(parser, ["peer", "add", "w08", "--assignments", f"{f}/w08.csv", "--late",
                                         f"{f}/late.csv", *common, "--rebalance", "--out", f"{f}/w08_reb.csv"], runs)
            dropped = [f"s{i:06d}" for i in range(0, n, n // 5)]
            t_drop = timed(parser, ["peer", "drop", "w08", "--assignments", f"{f}/w08.csv", "--students", *dropped,
                                    *common, "--out", f"{f}/w08_drop.csv"], runs)
            pairs = {tuple(line.split(",")[1:]) for line in (folder / "w08.csv").read_text().splitlines()[1:]}
            history = model.read_history(folder / "history")
            repeats = len(pairs & history)
            rows.append((n, t_assign, t_verify, t_add, t_rebalance, t_drop, repeats))
            if n == 10_000:
                whole = (process_timed(["peer", "assign", "w08", "--submitters", f"{f}/submitters.csv", *common,
                                        "-k", str(K), "--out", f"{f}/w08p.csv"], runs),
                         process_timed(["peer", "verify", f"{f}/w08p.csv", *common, "-k", str(K)], runs),
                         process_timed(["--help"], runs))
    print(f"peer review timings: best of 3 runs, wall-clock seconds (CPU seconds); k={K}, groups of 2-3, "
          f"{WEEKS} weeks of history, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    names = ("assign", "verify", "add 5 late", "add 5 --rebalance", "drop 5")
    print(f"{'hand-ins':>9} " + " ".join(f"{name:>18}" for name in names) + f" {'repeats':>8}")
    for n, *times, repeats in rows:
        print(f"{n:>9} " + " ".join(f"{f'{w:.3f} ({c:.3f})':>18}" for w, c in times) + f" {repeats:>8}")
    print(f"whole processes, 10,000 hand-ins (start-up included): assign {whole[0]:.2f} s, verify {whole[1]:.2f} s; "
          f"`dlcourse --help` {whole[2]:.2f} s")
    print("targets for 10,000 hand-ins: assign < 2 s, verify < 1 s, start-up included; --help < 0.3 s")


if __name__ == "__main__":
    main()
