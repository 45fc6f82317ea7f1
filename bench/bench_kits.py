"""The project starter kits in full mode (or --fast): wall time, peak memory and the headline figures they record.

    python bench/bench_kits.py [--fast] [kit ...]         (default: every kit in projects/starter_kits/)
Each kit runs in its own process through bench/run_notebook.py (peak memory: that kernel's largest resident set).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KITS_DIR = ROOT / "projects" / "starter_kits"


def main(argv: list[str]) -> None:
    fast = "--fast" in argv
    kits = [a for a in argv if not a.startswith("--")] or sorted(
        p.name for p in KITS_DIR.iterdir() if (p / f"{p.name}.ipynb").exists())
    mode = "fast" if fast else "full"
    print(f"\n== starter kits ({mode} mode, threads: OMP {os.environ.get('OMP_NUM_THREADS', 'default')})")
    print(f"{'kit':<18} {'mode':<5} {'wall s':>7} {'peak MB':>8}  headline figures")
    for kit in kits:
        notebook = KITS_DIR / kit / f"{kit}.ipynb"
        cmd = [sys.executable, str(ROOT / "bench" / "run_notebook.py"), str(notebook)] + (["--fast"] if fast else [])
        env = {**os.environ, "DLCOURSE_OFFLINE": os.environ.get("DLCOURSE_OFFLINE", "1")}
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
        try:
            row = json.loads(out.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(f"{kit:<18} {mode:<5} failed: {out.stderr.strip().splitlines()[-1:] or '?'}", flush=True)
            continue
        shown = "; ".join(f"{r['name']} {r['value']:.4g}" for r in row["results"]) or "-"
        if row["error"]:
            shown += f"  ERROR {row['error']}"
        print(f"{kit:<18} {mode:<5} {row['seconds']:>7.1f} {row['peak_mb']:>8}  {shown}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
