"""`make bench`: every benchmark, printed as tables (figures, not pass/fail tests).

    python bench/run_all.py [labs] [grading] [peer]      (default: all three)
labs     each lab notebook in full and fast mode: wall time, peak memory, accuracy against its target
grading  throughput of `dlcourse grade` (parallel workers) against sequential `nbgrader autograde`
peer     peer-review assignment at 400 and 10,000 students (bench/bench_peer.py)
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


def peer() -> None:
    script = ROOT / "bench" / "bench_peer.py"
    print("\n== peer review")
    subprocess.run([sys.executable, str(script)], cwd=ROOT, check=False)


if __name__ == "__main__":
    chosen = sys.argv[1:] or ["labs", "grading", "peer"]
    for name in chosen:
        {"labs": labs, "grading": grading, "peer": peer}[name]()
