"""`dlcourse report`: one self-contained HTML page for the teacher (plots embedded as PNG)."""
from __future__ import annotations

import base64
import csv
import html
import io
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from .rules import Rules
from ..files import write_atomic
from .tables import Row
from .times import parse_stamp


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return f'<img alt="plot" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def score_distribution(rows: list[Row], labs: list[str], rules: Rules):
    import matplotlib.pyplot as plt

    shown = [lab for lab in labs if any(r.outcome.lab == lab for r in rows)]
    fig, axes = plt.subplots(1, len(shown), figsize=(3.2 * len(shown) + 1, 2.8), squeeze=False)
    for ax, lab in zip(axes[0], shown):
        fractions = [r.score / r.outcome.max_score for r in rows if r.outcome.lab == lab and r.outcome.max_score]
        ax.hist(fractions, bins=[i / 10 for i in range(11)], color="C0", edgecolor="white")
        ax.axvline(rules.lab(lab).pass_fraction, color="C3", ls="--", label="pass")
        ax.set_title(lab, fontsize=9)
        ax.set_xlabel("share of autograded points")
    axes[0][0].set_ylabel("students")
    axes[0][0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def cell_pass_rates(rows: list[Row]) -> dict[str, dict[str, float]]:
    """lab -> autograded cell -> share of hand-ins that got full points on it (max from the best score)."""
    best: dict[tuple[str, str], float] = defaultdict(float)
    for r in rows:
        for cell, v in r.outcome.cells.items():
            if v is not None and cell not in r.outcome.needs_manual:
                best[(r.outcome.lab, cell)] = max(best[(r.outcome.lab, cell)], v)
    rates: dict[str, dict[str, float]] = defaultdict(dict)
    for (lab, cell), top in best.items():
        scored = [r.outcome.cells.get(cell) for r in rows if r.outcome.lab == lab]
        scored = [v for v in scored if v is not None]
        if top > 0 and scored:
            rates[lab][cell] = sum(v >= top for v in scored) / len(scored)
    return rates


def cell_pass_plot(rates: dict[str, dict[str, float]]):
    import matplotlib.pyplot as plt

    items = [(f"{lab}: {cell}", rate) for lab in sorted(rates) for cell, rate in rates[lab].items()]
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(items) + 1))
    labels, values = zip(*items) if items else ((), ())
    colors = ["C3" if v < 0.5 else "C1" if v < 0.8 else "C2" for v in values]
    ax.barh(range(len(values)), values, color=colors)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of hand-ins with full points (red: hard)")
    fig.tight_layout()
    return fig


def labs_passed_plot(rows: list[Row], rules: Rules, n_labs: int):
    import matplotlib.pyplot as plt

    per_student: dict[str, int] = defaultdict(int)
    for r in rows:
        per_student[r.outcome.student_id] += r.passed
    fig, ax = plt.subplots(figsize=(5, 2.8))
    ax.hist(list(per_student.values()), bins=[i - 0.5 for i in range(n_labs + 2)], color="C0", edgecolor="white")
    ax.axvline(rules.labs_for_project - 0.5, color="C3", ls="--", label="project access")
    ax.set_xlabel("labs passed")
    ax.set_ylabel("students")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def handin_times_plot(rows: list[Row], rules: Rules):
    """One small plot per lab, each on its own time axis around its deadline."""
    import matplotlib.pyplot as plt

    labs = sorted({r.outcome.lab for r in rows})
    fig, axes = plt.subplots(1, max(1, len(labs)), figsize=(3.2 * max(1, len(labs)) + 1, 2.8), squeeze=False)
    for ax, lab in zip(axes[0], labs):
        stamps = sorted(s for s in (parse_stamp(r.outcome.submitted_at) for r in rows if r.outcome.lab == lab) if s)
        if stamps:
            ax.step(stamps, range(1, len(stamps) + 1), where="post", color="C0")
        deadline = rules.lab(lab).deadline
        if deadline:
            ax.axvline(deadline, color="C3", ls="--", lw=1, label="deadline")
            ax.legend(fontsize=7)
        ax.set_title(lab, fontsize=9)
        ax.tick_params(axis="x", labelsize=7, rotation=30)
    axes[0][0].set_ylabel("hand-ins so far")
    fig.suptitle("Hand-ins over time (dashed: deadline)", fontsize=10)
    fig.tight_layout()
    return fig


def needs_a_look(rows: list[Row], class_dir: Path, labs: list[str]) -> list[tuple[str, str, str]]:
    """(student, lab, why) for every hand-in a human should look at."""
    out = []
    for r in sorted(rows, key=lambda r: (r.outcome.lab, r.outcome.student_id)):
        o = r.outcome
        if o.status != "graded":
            out.append((o.student_id, o.lab, f"{o.status}: {o.message}"))
        elif o.message:
            out.append((o.student_id, o.lab, o.message))
        if o.needs_manual:
            out.append((o.student_id, o.lab, f"written answer to grade: {', '.join(o.needs_manual)}"))
        if r.late:
            out.append((o.student_id, o.lab, f"late (handed in {o.submitted_at})"))
    for lab in labs:
        path = class_dir / "intake" / f"{lab}.csv"  # ClassFolder.intake_report
        if path.exists():
            with path.open(newline="") as fh:
                for row in csv.DictReader(fh):
                    if row["problem"]:
                        out.append((row["student_id"], lab, f"intake: {row['origin']}: {row['problem']}"))
    return out


def student_table(rows: list[Row], roster: dict, labs: list[str], rules: Rules) -> str:
    """HTML rows: every student (roster and graded), name, labs passed, project access."""
    passed: dict[str, int] = defaultdict(int)
    for r in rows:
        passed[r.outcome.student_id] += r.passed
    out = []
    for sid in sorted(set(roster) | {r.outcome.student_id for r in rows}):
        n = passed.get(sid, 0)
        name = html.escape((roster.get(sid) or {}).get("name", ""))
        out.append(f"<tr><td>{html.escape(sid)}</td><td>{name}</td><td>{n} of {len(labs)}</td>"
                   f"<td>{'yes' if n >= rules.labs_for_project else 'no'}</td></tr>")
    return "".join(out)


def render(rows: list[Row], class_dir: Path, labs: list[str], rules: Rules, roster: dict | None = None) -> str:
    """The report page as HTML text."""
    roster = roster or {}
    students = sorted({r.outcome.student_id for r in rows} | set(roster))
    summary = "".join(
        f"<tr><td>{html.escape(lab)}</td><td>{sum(r.outcome.lab == lab for r in rows)}</td>"
        f"<td>{sum(r.passed for r in rows if r.outcome.lab == lab)}</td></tr>" for lab in labs)
    look = needs_a_look(rows, class_dir, labs)
    look_rows = "".join(f"<tr><td>{html.escape(s)}</td><td>{html.escape(lab)}</td><td>{html.escape(why)}</td></tr>"
                        for s, lab, why in look) or "<tr><td colspan=3>nothing: every hand-in graded cleanly</td></tr>"
    rates = cell_pass_rates(rows)
    warning = (f'<p style="color:#b00"><b>Warning:</b> project access needs {rules.labs_for_project} labs passed, '
               f"but the course has only {len(labs)}: no student can reach it. Lower labs_for_project in "
               "grading/course.toml.</p>" if rules.labs_for_project > len(labs) else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Course report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:3px 8px;text-align:left}}
h2{{margin-top:1.6em;border-bottom:1px solid #ddd}}img{{max-width:100%}}</style></head><body>
<h1>Course report</h1>
<p>{len(students)} students, {len(rows)} graded hand-ins; generated {datetime.now():%Y-%m-%d %H:%M}.
Project access needs {rules.labs_for_project} labs passed.</p>
{warning}
<table><tr><th>lab</th><th>hand-ins</th><th>passed</th></tr>{summary}</table>
<h2>Score distribution per lab</h2>{_png(score_distribution(rows, labs, rules))}
<h2>Pass rate per test cell</h2><p>Cells most students fail are the hard questions (or a test to review).</p>
{_png(cell_pass_plot(rates))}
<h2>Labs passed per student</h2>{_png(labs_passed_plot(rows, rules, len(labs)))}
<h2>Hand-ins over time</h2>{_png(handin_times_plot(rows, rules))}
<h2>Needs a human look ({len(look)})</h2>
<table><tr><th>student</th><th>lab</th><th>why</th></tr>{look_rows}</table>
<h2>Students ({len(students)})</h2>
<table><tr><th>student</th><th>name</th><th>labs passed</th><th>project access</th></tr>
{student_table(rows, roster, labs, rules)}</table>
</body></html>
"""


def write_report(course, folder, rows: list[Row], out: Path, roster: dict | None = None) -> Path:
    """Write the report of `course` (a Course) for the class `folder` (a ClassFolder) to `out`."""
    import matplotlib

    matplotlib.use("Agg")
    write_atomic(out, render(rows, folder.path, course.labs, course.rules, roster))
    return out
