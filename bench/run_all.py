"""`make bench`: every benchmark, printed as tables (figures, not pass/fail tests).

    python bench/run_all.py [labs] [grading] [peer] [rl] [projects] [kits]      (default: all)
labs      each lab notebook in full and fast mode: wall time, peak memory, the recorded figures against targets
grading   throughput of `dlcourse grade` (parallel workers) against sequential `nbgrader autograde`
peer      peer-review assignment at 400 and 10,000 students (bench/bench_peer.py)
rl        week 8's agents trained over several seeds: how often they solve CartPole (bench/bench_rl.py)
projects  project allocation for 150 groups (bench/bench_projects.py)
kits      the project starter kits in full mode: wall time and headline figure (bench/bench_kits.py)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
os.environ.setdefault("OPENBLAS_NUM_THREADS", os.environ["OMP_NUM_THREADS"])


def labs() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from dlcourse.teach.paths import lab_names

    print(f"\n== labs (threads: OMP {os.environ['OMP_NUM_THREADS']}, offline={os.environ.get('DLCOURSE_OFFLINE', '0')})")
    print(f"{'lab':<24} {'mode':<5} {'wall s':>7} {'peak MB':>8}  result")
    for lab in lab_names(ROOT):
        for mode in ("full", "fast"):
            cmd = [sys.executable, str(ROOT / "bench" / "run_notebook.py"), lab] + (["--fast"] if mode == "fast" else [])
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            try:
                row = json.loads(out.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                print(f"{lab:<24} {mode:<5} failed: {out.stderr.strip().splitlines()[-1:] or '?'}")
                continue
            shown = "; ".join(f"{r['name']} {r['value']:.4f} (target {r['target']}: {'met' if r['met'] else 'NOT met'})"
                              if r.get("target") is not None and mode == "full" else f"{r['name']} {r['value']:.4g}"
                              for r in row["results"]) or "-"
            if row["error"]:
                shown += f"  ERROR {row['error']}"
            print(f"{lab:<24} {mode:<5} {row['seconds']:>7.1f} {row['peak_mb']:>8}  {shown}", flush=True)


def grading() -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "bench_grading.py")], cwd=ROOT, check=False)


def script(name: str, title: str):
    def run() -> None:
        path = ROOT / "bench" / name
        print(f"\n== {title}")
        if path.exists():
            subprocess.run([sys.executable, str(path)], cwd=ROOT, check=False)
        else:
            print(f"(no {name})")
    return run


BENCHES = {"labs": labs, "grading": grading, "peer": script("bench_peer.py", "peer review"),
           "rl": script("bench_rl.py", "reinforcement learning over seeds (week 8)"),
           "projects": script("bench_projects.py", "project allocation"),
           "kits": script("bench_kits.py", "project starter kits")}


if __name__ == "__main__":
    for name in sys.argv[1:] or list(BENCHES):
        BENCHES[name]()
