"""The project starter kits in full mode (or --fast): wall time, peak memory and the headline figures they record.

    python bench/bench_kits.py [--fast] [kit ...]         (default: every kit in projects/starter_kits/)
Each kit runs in its own process (peak memory is that kernel's largest resident set), offline, with nbclient.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KITS_DIR = ROOT / "projects" / "starter_kits"


def run_one(kit: str, fast: bool) -> None:
    """Execute one kit here and print one JSON line (the child side)."""
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "results.jsonl"
        os.environ.update({"DLCOURSE_RESULTS": str(results), "MPLBACKEND": "Agg"})
        os.environ.setdefault("DLCOURSE_OFFLINE", "1")
        if fast:
            os.environ["DLCOURSE_FAST"] = "1"
        else:
            os.environ.pop("DLCOURSE_FAST", None)
        nb = nbformat.read(KITS_DIR / kit / f"{kit}.ipynb", as_version=4)
        start, error = time.perf_counter(), ""
        try:
            NotebookClient(nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
        except Exception as err:  # report, don't crash the table
            error = f"{err.__class__.__name__}: {str(err).strip().splitlines()[-1][:120] if str(err).strip() else ''}"
        seconds = time.perf_counter() - start
        recorded = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"kit": kit, "mode": "fast" if fast else "full", "seconds": round(seconds, 1),
                      "peak_mb": round(peak_mb), "results": recorded, "error": error}))


def main(argv: list[str]) -> None:
    fast = "--fast" in argv
    kits = [a for a in argv if not a.startswith("--")] or sorted(
        p.name for p in KITS_DIR.iterdir() if (p / f"{p.name}.ipynb").exists())
    mode = "fast" if fast else "full"
    print(f"\n== starter kits ({mode} mode, threads: OMP {os.environ.get('OMP_NUM_THREADS', 'default')})")
    print(f"{'kit':<18} {'mode':<5} {'wall s':>7} {'peak MB':>8}  headline figures")
    for kit in kits:
        cmd = [sys.executable, __file__, "--child", kit] + (["--fast"] if fast else [])
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
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
    if sys.argv[1:2] == ["--child"]:
        run_one(sys.argv[2], "--fast" in sys.argv[3:])
    else:
        main(sys.argv[1:])
