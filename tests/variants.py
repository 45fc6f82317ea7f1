"""The variants corpus: alternative correct solutions and classic slips, graded like real hand-ins.

One file per variant in tests/variants/<lab>/, named ok_*.py or bad_*.py:

    # kind: correct | wrong
    # why: one line, what the student did
    # loses: test_a, test_b        (wrong only: exactly the test cells that must lose points)
    # %% <grade_id of a solution cell>
    ...its new source, up to the next '# %%' line...

A hand-in is the lab's release with every solution cell filled in from the source solution, then the
cells a variant names replaced by its code. See tests/variants/README.md for the guide.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from dlcourse.teach.demo import solved

HERE = Path(__file__).parent / "variants"
KINDS = ("correct", "wrong")


@dataclass
class Variant:
    lab: str
    name: str
    kind: str
    why: str
    loses: list[str] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)  # grade_id -> new source


def parse(path: Path, lab: str) -> Variant:
    """A variant file -> Variant; ValueError naming the file and what is wrong."""
    head: dict[str, str] = {}
    cells: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        marker = re.match(r"^# %%\s*(\S+)\s*$", line)
        if marker:
            current = marker.group(1)
            if current in cells:
                raise ValueError(f"{path}: cell {current} is replaced twice")
            cells[current] = []
        elif current is not None:
            cells[current].append(line)
        else:
            meta = re.match(r"^#\s*(kind|why|loses)\s*:\s*(.*)$", line)
            if meta:
                head[meta.group(1)] = meta.group(2).strip()
    kind = head.get("kind", "")
    if kind not in KINDS:
        raise ValueError(f"{path}: '# kind:' must be one of {', '.join(KINDS)}, got {kind!r}")
    if not cells:
        raise ValueError(f"{path}: no '# %% <grade_id>' section: a variant replaces at least one solution cell")
    loses = [x.strip() for x in head.get("loses", "").split(",") if x.strip()]
    if kind == "wrong" and not loses:
        raise ValueError(f"{path}: a wrong variant names the test cells it must lose with '# loses:'")
    if kind == "correct" and loses:
        raise ValueError(f"{path}: a correct variant loses nothing; remove '# loses:'")
    expected = "ok_" if kind == "correct" else "bad_"
    if not path.name.startswith(expected):
        raise ValueError(f"{path}: a {kind} variant's file name starts with {expected}")
    return Variant(lab, path.stem, kind, head.get("why", ""), loses,
                   {gid: "\n".join(lines).strip("\n") + "\n" for gid, lines in cells.items()})


def load(lab: str) -> list[Variant]:
    folder = HERE / lab
    return [parse(p, lab) for p in sorted(folder.glob("*.py"))] if folder.is_dir() else []


def labs_with_variants() -> list[str]:
    return sorted(p.name for p in HERE.iterdir() if p.is_dir() and any(p.glob("*.py"))) if HERE.is_dir() else []


def handin(variant: Variant, release_nb, source_nb) -> str:
    """The notebook text a student writing `variant` would hand in."""
    from dlcourse.teach import notebooks

    nb = solved(release_nb, source_nb)
    solution_ids = {notebooks.nbgrader_meta(c).get("grade_id") for c in nb.cells
                    if notebooks.nbgrader_meta(c).get("solution")}
    unknown = sorted(set(variant.cells) - solution_ids)
    if unknown:
        raise ValueError(f"variant {variant.lab}/{variant.name} names {unknown}, which are not solution cells "
                         f"of the lab: choose among {sorted(x for x in solution_ids if x)}")
    for cell in nb.cells:
        gid = notebooks.nbgrader_meta(cell).get("grade_id")
        if gid in variant.cells:
            cell.source = variant.cells[gid]
    return json.dumps(nb, indent=1)
