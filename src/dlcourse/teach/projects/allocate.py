"""Allocation of groups to projects from their ranked choices.

Optimal in this order: (1) the fewest groups left unallocated, (2) rank-maximal: as many first choices as
possible, subject to that as many second choices, and so on; (3) remaining ties broken by `seed` (random
weights, so the same inputs and seed always give the same allocation). Each step is one integer programme
solved by SciPy's `milp` (HiGHS); every earlier optimum is kept as a constraint of the next one. Constraints:
each group gets at most one project (the group stays together), a project at most `capacity` groups, a
supervisor at most `max_groups` groups over all their proposals.

SciPy and NumPy are imported inside `solve`, so the `dlcourse` command starts fast.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError
from .catalogue import Catalogue


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[str, ...]
    choices: tuple[str, ...]  # project ids, first choice first


@dataclass(frozen=True)
class Problem:
    """An allocation problem: the groups that may be allocated, and the limits."""
    groups: tuple[Group, ...]
    capacity: dict[str, int]                 # project -> groups
    supervisors: dict[str, tuple[str, ...]]  # project -> supervisor ids
    max_groups: dict[str, int]               # supervisor -> limit (only those with one)

    @classmethod
    def from_catalogue(cls, groups, cat: Catalogue) -> "Problem":
        return cls(tuple(groups), {p.id: p.capacity for p in cat.projects.values()},
                   {p.id: p.supervisors for p in cat.projects.values()},
                   {s.id: s.max_groups for s in cat.supervisors.values() if s.max_groups is not None})


def profile(problem: Problem, result: dict[str, tuple[str, int] | None]) -> tuple[int, ...]:
    """(unallocated, groups at rank 1, rank 2, ...): the quantities the allocation optimises, in order."""
    ranks = max((len(g.choices) for g in problem.groups), default=0)
    counts = [0] * ranks
    for g in problem.groups:
        got = result.get(g.name)
        if got:
            counts[got[1] - 1] += 1
    return (len(problem.groups) - sum(counts), *counts)


def feasible(problem: Problem, result: dict[str, tuple[str, int] | None]) -> bool:
    load: dict[str, int] = {}
    sup: dict[str, int] = {}
    for g in problem.groups:
        got = result.get(g.name)
        if got:
            if g.choices[got[1] - 1] != got[0]:
                return False
            load[got[0]] = load.get(got[0], 0) + 1
            for s in problem.supervisors[got[0]]:
                sup[s] = sup.get(s, 0) + 1
    return (all(n <= problem.capacity[p] for p, n in load.items())
            and all(n <= problem.max_groups.get(s, n) for s, n in sup.items()))


def solve(problem: Problem, seed: int = 0) -> dict[str, tuple[str, int] | None]:
    """{group name: (project, rank) or None}, optimal as the module says."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_array

    var_group, var_project, var_rank = [], [], []
    for gi, g in enumerate(problem.groups):
        for r, p in enumerate(g.choices, 1):
            var_group.append(gi)
            var_project.append(p)
            var_rank.append(r)
    n = len(var_group)
    result: dict[str, tuple[str, int] | None] = {g.name: None for g in problem.groups}
    if n == 0:
        return result
    rows, cols = [], []
    upper = []

    def add_row(members, limit):
        row = len(upper)
        rows.extend([row] * len(members))
        cols.extend(members)
        upper.append(limit)

    by_group: dict[int, list[int]] = {}
    by_project: dict[str, list[int]] = {}
    by_sup: dict[str, list[int]] = {}
    for v in range(n):
        by_group.setdefault(var_group[v], []).append(v)
        by_project.setdefault(var_project[v], []).append(v)
        for s in problem.supervisors[var_project[v]]:
            by_sup.setdefault(s, []).append(v)
    for vs in by_group.values():
        add_row(vs, 1)
    for p, vs in by_project.items():
        if problem.capacity[p] < len(vs):
            add_row(vs, problem.capacity[p])
    for s, vs in by_sup.items():
        if s in problem.max_groups and problem.max_groups[s] < len(vs):
            add_row(vs, problem.max_groups[s])
    base = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(upper), n))
    constraints = [LinearConstraint(base, -np.inf, np.array(upper, dtype=float))]
    rank = np.array(var_rank)
    # the quantities to maximise, most important first; the last rank needs no solve of its own (with the
    # total and every earlier rank fixed, its count is fixed too)
    levels = [np.ones(n)] + [(rank == r).astype(float) for r in range(1, rank.max())]
    levels = [w for w in levels if w.any()]
    # two levels per integer programme: base * first + second with base > any count is exactly lexicographic
    # and keeps every coefficient a small integer; the seeded tie-break joins the last programme with weights
    # summing to less than 1, below any change of an integer count
    base = float(len(problem.groups) + 1)
    tie = np.random.default_rng(seed).random(n)
    tie *= 0.5 / tie.sum()
    chunks = [levels[i:i + 2] for i in range(0, len(levels), 2)] or [[]]
    options = {"disp": False, "mip_rel_gap": 0.0}
    x = None
    for i, chunk in enumerate(chunks):
        weights = np.zeros(n)
        for k, w in enumerate(chunk):
            weights += w * base ** (len(chunk) - 1 - k)
        if i == len(chunks) - 1:
            weights = weights + tie
        res = milp(-weights, integrality=np.ones(n), bounds=Bounds(0, 1), constraints=constraints,
                   options=options)
        if res.x is None:
            raise CourseError(f"the solver failed ({res.message}); please report this with the input files")
        x = res.x
        for w in chunk:
            best = round(float(w @ x))
            constraints.append(LinearConstraint(w.reshape(1, -1), best - 0.5, np.inf))
    for v in np.flatnonzero(x > 0.5):
        result[problem.groups[var_group[v]].name] = (var_project[v], var_rank[v])
    return result


# ---------------------------------------------------------------- input files

def _read_csv(path: Path, what: str) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            fields = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
            rows = []
            for raw in reader:
                rows.append({(k or "").strip().lower(): (v if isinstance(v, str) else "").strip()
                             for k, v in raw.items()})
    except FileNotFoundError:
        raise CourseError(f"{what} {path} not found") from None
    except (UnicodeDecodeError, csv.Error) as err:
        raise CourseError(f"{what} {path} is not a readable CSV file ({err})") from None
    if not fields:
        raise CourseError(f"{what} {path} is empty: it needs a header line")
    return [{"__fields__": fields}] + rows  # type: ignore[list-item]


def _choice_columns(fields: list[str]) -> list[str]:
    cols = sorted((int(m.group(1)), f) for f in fields if (m := re.fullmatch(r"choice_(\d+)", f)))
    return [f for _, f in cols]


def read_choices(path: str | Path, cat: Catalogue, roster: set[str] | None = None) -> list[Group]:
    """CHOICES.csv (group, members, choice_1 ... choice_N) -> groups; CourseError listing every problem."""
    path = Path(path)
    table = _read_csv(path, "choices file")
    fields, rows = table[0]["__fields__"], table[1:]
    cols = _choice_columns(fields)
    missing = [c for c in ("group", "members") if c not in fields] + ([] if cols else ["choice_1"])
    if missing:
        raise CourseError(f"choices file {path} lacks column(s) {', '.join(missing)}: the header must be "
                          "group,members,choice_1,...,choice_N")
    problems: list[str] = []
    groups: list[Group] = []
    seen_group: dict[str, int] = {}
    seen_student: dict[str, str] = {}
    for line, row in enumerate(rows, 2):
        name = row.get("group", "")
        if not name and not any(row.values()):
            continue
        label = f"line {line}, group '{name}'" if name else f"line {line}"
        if not name:
            problems.append(f"{label}: no group name")
            continue
        if name in seen_group:
            problems.append(f"{label}: duplicate group (also on line {seen_group[name]}); keep one row per group")
            continue
        seen_group[name] = line
        members = [m for m in re.split(r"[\s;,]+", row.get("members", "")) if m]
        if not members:
            problems.append(f"{label}: no members")
        for m in members:
            if m in seen_student:
                where = "twice in this group" if seen_student[m] == name else \
                    f"in two groups ('{seen_student[m]}' and '{name}')"
                problems.append(f"{label}: student {m} is {where}; each student belongs to one group")
            else:
                seen_student[m] = name
            if roster is not None and m not in roster:
                problems.append(f"{label}: student {m} is not in the roster; check the id or add the student")
        values = [row.get(c, "") for c in cols]
        while values and not values[-1]:
            values.pop()
        if not values:
            problems.append(f"{label}: empty choices; the group must rank at least one project")
            continue
        choices = []
        for c, v in zip(cols, values):
            pid = v.lower()
            if not pid:
                problems.append(f"{label}: {c} is blank but a later choice is not; fill the choices in order")
            elif pid not in cat.projects:
                problems.append(f"{label}: {c} is unknown project id '{v}' (not in the catalogue)")
            elif pid in choices:
                problems.append(f"{label}: {c} repeats project '{pid}'; rank each project once")
            else:
                choices.append(pid)
                continue
            break
        else:
            groups.append(Group(name, tuple(members), tuple(choices)))
    if not problems and not groups:
        problems.append("no groups: the file has a header but no rows")
    if problems:
        raise CourseError(f"choices file {path} has {len(problems)} problem{'s' * (len(problems) > 1)}; "
                          "nothing was written:\n" + "\n".join(f"  {p}" for p in problems))
    return groups


def read_ids(path: str | Path, what: str) -> list[dict[str, str]]:
    """A CSV with a student_id column (roster.csv, status.csv) as rows."""
    path = Path(path)
    table = _read_csv(path, what)
    if "student_id" not in table[0]["__fields__"]:
        raise CourseError(f"{what} {path} has no student_id column")
    return [r for r in table[1:] if r.get("student_id")]


def read_eligibility(path: str | Path) -> dict[str, bool]:
    """status.csv -> {student_id: project_eligible}."""
    rows = read_ids(path, "status file")
    if rows and "project_eligible" not in rows[0]:
        raise CourseError(f"status file {path} has no project_eligible column: write it with `dlcourse status`")
    return {r["student_id"]: r.get("project_eligible", "").lower() in ("true", "yes", "1") for r in rows}


# ---------------------------------------------------------------- output

def allocation_csv(groups: list[Group], result: dict[str, tuple[str, int] | None]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["group", "members", "project", "rank"])
    for g in groups:
        got = result.get(g.name)
        w.writerow([g.name, " ".join(g.members), got[0] if got else "", got[1] if got else ""])
    return buf.getvalue()


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def summary(groups: list[Group], result: dict[str, tuple[str, int] | None], cat: Catalogue,
            excluded: dict[str, str], seed: int) -> str:
    """The printed report: ranks obtained, who is left out and why, project and supervisor loads."""
    got = {n: v for n, v in result.items() if v}
    ranks = max((len(g.choices) for g in groups), default=0)
    lines = [f"allocated {len(got)} of {len(groups)} groups (seed {seed})"]
    for r in range(1, ranks + 1):
        k = sum(1 for v in got.values() if v[1] == r)
        lines.append(f"  {_ordinal(r) + ' choice:':<13} {k:>4} group{'s' * (k != 1)}")
    load = {p: 0 for p in cat.projects}
    for p, _ in got.values():
        load[p] += 1
    sup_load = {s: 0 for s in cat.supervisors}
    for p, n in load.items():
        for s in cat.projects[p].supervisors:
            sup_load[s] += n
    left = [g for g in groups if g.name not in got]
    lines.append(f"left out: {len(left)}")
    for g in left:
        if g.name in excluded:
            why = excluded[g.name]
        else:
            parts = []
            for p in g.choices:
                full = load[p] >= cat.projects[p].capacity
                capped = [s for s in cat.projects[p].supervisors
                          if cat.supervisors[s].max_groups is not None and sup_load[s] >= cat.supervisors[s].max_groups]
                parts.append(f"{p} (" + ("full" if full else f"supervisor{'s' * (len(capped) > 1)} {', '.join(capped)} at max_groups"
                                         if capped else "taken by a better-ranked allocation") + ")")
            why = "every choice is taken: " + ", ".join(parts)
        lines.append(f"  {g.name} ({' '.join(g.members)}): {why}")
    width = max(len(p) for p in cat.projects)
    lines.append("project load (groups / capacity):")
    lines += [f"  {p:<{width}} {load[p]:>3} / {cat.projects[p].capacity}" for p in cat.projects]
    lines.append("supervisor load (groups / max_groups):")
    sw = max(len(s) for s in cat.supervisors)
    lines += [f"  {s:<{sw}} {sup_load[s]:>3} / {cat.supervisors[s].max_groups or '-'}" for s in cat.supervisors]
    return "\n".join(lines)
