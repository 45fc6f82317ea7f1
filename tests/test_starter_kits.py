"""The project starter kits (projects/starter_kits/*/): each runs top to bottom in fast mode (offline, plain
nbclient, like a group would run it), records a headline figure, ships with outputs stripped and a README that
says what question it opens, what to try next and three papers to start from."""
from __future__ import annotations

import importlib.util
import json
import os
import re

import pytest
from conftest import ROOT

KITS_DIR = ROOT / "projects" / "starter_kits"
KITS = sorted(p.name for p in KITS_DIR.iterdir() if (p / f"{p.name}.ipynb").exists()) if KITS_DIR.exists() else []
OPTIONAL = {"explainable_ai": "captum"}  # kit -> the optional package it needs (the `kits` extra)


def notebook_path(kit: str):
    return KITS_DIR / kit / f"{kit}.ipynb"


def test_kits_exist():
    assert {"active_learning", "calibration", "sustainable_dl"} <= set(KITS), f"starter kits found: {KITS}"


@pytest.mark.parametrize("kit", KITS)
def test_kit_is_tidy(kit):
    import nbformat

    nb = nbformat.read(notebook_path(kit), as_version=4)
    nbformat.validate(nb)
    first = nb.cells[0]
    assert first.cell_type == "code" and "dlcourse.start(" in first.source, "cell 0 must be the bootstrap cell"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None, f"cell {i} keeps outputs"
            assert "set_num_threads" not in cell.source, f"cell {i} sets thread counts (dlcourse.start owns that)"
    assert any("dlcourse.record(" in c.source for c in nb.cells if c.cell_type == "code"), "no headline figure"
    readme = (KITS_DIR / kit / "README.md").read_text(encoding="utf-8").lower()
    for part in ("question", "try next", "papers"):
        assert part in readme, f"{kit}/README.md has no '{part}' section"
    papers = readme.split("papers", 1)[1]
    assert len(re.findall(r"^\s*(?:\d+\.|[-*])\s", papers, flags=re.M)) >= 3, f"{kit}/README.md: list three papers"


@pytest.mark.notebooks
@pytest.mark.parametrize("kit", KITS)
def test_kit_runs_in_fast_mode(kit, tmp_path, monkeypatch):
    if kit in OPTIONAL and importlib.util.find_spec(OPTIONAL[kit]) is None:
        pytest.skip(f"{kit} needs the optional package {OPTIONAL[kit]} (pip install '.[kits]')")
    import nbformat
    from nbclient import NotebookClient

    results = tmp_path / "results.jsonl"
    for name, value in {"DLCOURSE_FAST": "1", "DLCOURSE_OFFLINE": "1", "DLCOURSE_RESULTS": str(results)}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend: figures become outputs
    nb = nbformat.read(notebook_path(kit), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    recorded = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    assert recorded, f"{kit} recorded no headline figure (dlcourse.record)"
    assert all(r["fast"] for r in recorded) and os.environ["DLCOURSE_FAST"] == "1"
    figures = sum(1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
    assert figures >= 1, f"{kit} drew no figure"
