"""Execute one lab notebook (source, with solutions) and print a JSON line: wall time, peak memory, results.

    python bench/run_notebook.py w02_ffnn_numpy [--fast]          (a lab of labs/)
    python bench/run_notebook.py path/to/notebook.ipynb [--fast]  (any notebook, e.g. a starter kit)
Peak memory is the largest resident set of the kernel process (ru_maxrss of waited-for children).
"""
from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    lab, fast = sys.argv[1], "--fast" in sys.argv[2:]
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "results.jsonl"
        os.environ["DLCOURSE_RESULTS"] = str(results)
        os.environ["MPLBACKEND"] = "Agg"
        if fast:
            os.environ["DLCOURSE_FAST"] = "1"
        else:
            os.environ.pop("DLCOURSE_FAST", None)
        path = Path(lab) if lab.endswith(".ipynb") else ROOT / "labs" / lab / f"{lab}.ipynb"
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        error = ""
        try:
            NotebookClient(nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
        except Exception as err:  # report, don't crash the table
            error = f"{err.__class__.__name__}: {str(err).splitlines()[-1][:120] if str(err) else ''}"
        seconds = time.perf_counter() - start
        recorded = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"lab": Path(lab).stem, "mode": "fast" if fast else "full", "seconds": round(seconds, 1),
                      "peak_mb": round(peak_mb), "results": recorded, "error": error}))


if __name__ == "__main__":
    main()
