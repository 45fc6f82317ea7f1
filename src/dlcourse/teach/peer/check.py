"""Figures about an assignment, the on-screen summary, and the rule checker behind `dlcourse peer verify`."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from ..errors import CourseError
from .assign import Plan, Roster, index_class
from .engine import Graph, fill, swap_that_helps
from .model import AssignmentFile

Pair = tuple[str, str]


@dataclass(frozen=True)
class Stats:
    reviewers: int
    authors: int
    in_min: int
    in_max: int
    out_min: int
    out_max: int
    repeats: int
    reciprocal: int


def stats(pairs, reviewers, authors, history: set[Pair]) -> Stats:
    """Counts per hand-in and per reviewer (over the expected students, zeros included) and soft-rule counts."""
    got = Counter(a for _, a in pairs)
    gave = Counter(r for r, _ in pairs)
    pair_set = set(pairs)
    ins = [got[a] for a in authors] or [0]
    outs = [gave[r] for r in reviewers] or [0]
    repeats = sum(1 for p in pair_set if p in history)
    reciprocal = sum(1 for r, a in pair_set if r < a and (a, r) in pair_set)
    return Stats(len(reviewers), len(authors), min(ins), max(ins), min(outs), max(outs), repeats, reciprocal)


def summary(plan: Plan, history: set[Pair], title: str) -> list[str]:
    """The lines printed after assign, add and drop."""
    s = stats(plan.pairs, plan.reviewers, plan.authors, history)
    students = sorted(set(plan.reviewers) | set(plan.authors))
    lines = [title,
             f"  students: {len(students)} ({s.reviewers} reviewing, {s.authors} hand-ins reviewed), k = {plan.k}, "
             f"pairs: {len(plan.pairs)}",
             f"  reviews per hand-in: min {s.in_min}, max {s.in_max}",
             f"  reviews per reviewer: min {s.out_min}, max {s.out_max}",
             f"  repeats from history: {s.repeats}",
             f"  reciprocal pairs: {s.reciprocal}"]
    deviations = deviation_lines(plan)
    lines.append(f"  deviations from k={plan.k}: " + (str(len(deviations)) if deviations else "none"))
    lines += [f"    {line}" for line in deviations]
    lines += [f"  {note}" for note in plan.notes]
    return lines


def deviation_lines(plan: Plan) -> list[str]:
    """One line per student whose counts differ from k, with the reason."""
    got = Counter(a for _, a in plan.pairs)
    gave = Counter(r for r, _ in plan.pairs)
    reviewers, authors = set(plan.reviewers), set(plan.authors)
    lines = []
    for sid in sorted(reviewers | authors):
        o = gave[sid] if sid in reviewers else None
        i = got[sid] if sid in authors else None
        if o in (None, plan.k) and i in (None, plan.k):
            continue
        counts = ", ".join(part for part in (
            None if o is None else f"reviews {o}", None if i is None else f"gets {i} reviewer(s)") if part)
        lines.append(f"{sid}: {counts}: {plan.reasons.get(sid, 'see the notes below')}")
    return lines


# -- verify ------------------------------------------------------------------------------------------------------
@dataclass
class Verdict:
    """Violations that could have been avoided (non-zero exit) and notes on what could not."""
    violations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _best_profile(roster: Roster, k: int, gone: set[int]) -> tuple[int, int, int, bool]:
    """(most reviews possible, lowest hand-in count, lowest reviewer count, everyone at k) under the rules."""
    n = len(roster.ids)
    gmax = max(roster.size, default=0)
    if not gone and n >= 2 * gmax + k - 1:
        # circulant proof: students in group blocks, i -> i+s for k shifts s in [gmax, n-gmax]
        return n * k, k, k, True
    out_cap = [0 if v in gone else k for v in range(n)]
    in_cap = [k] * n
    g = Graph(n, roster.group)
    fill(g, out_cap, in_cap, random.Random("peer verify"))
    ins = [len(g.inn[v]) for v in range(n)]
    outs = [len(g.out[v]) for v in range(n) if v not in gone]
    every = all(i == k for i in ins) and all(o == k for o in outs)
    return g.size(), min(ins, default=0), min(outs, default=0), every


def verify(file: AssignmentFile, groups: dict[str, str], history: set[Pair], k: int = 3,
           dropped=(), allow_extra: bool = False, kept: set[Pair] | frozenset[Pair] = frozenset()) -> Verdict:
    """Check an assignment against every rule; each violation is one line.

    `kept`: pairs that had to stay (those of the assignment that `peer add` or `peer drop` started from); a
    history repeat or reciprocal pair counts as avoidable only if a swap of other pairs removes it.
    """
    if k < 1:
        raise CourseError(f"k={k} makes no sense; give -k 3 or the k the file was made with")
    verdict = Verdict()
    bad, note = verdict.violations.append, verdict.notes.append
    students = file.students()
    unknown = sorted(set(dropped) - students)
    if unknown:
        raise CourseError(f"unknown dropped student(s) {', '.join(unknown[:5])}: not in {file.path}; check the ids")
    roster = index_class(students, groups)
    n = len(roster.ids)
    seen: dict[Pair, int] = {}
    for line, r, a in file.rows:
        if r == a:
            bad(f"line {line}: {r} reviews themselves")
            continue
        if (r, a) in seen:
            bad(f"lines {seen[r, a]} and {line}: {r} -> {a} appears twice")
            continue
        seen[r, a] = line
        if groups.get(r) is not None and groups.get(r) == groups.get(a):
            bad(f"line {line}: {r} reviews {a} of their own group {groups[r]}")
    pairs = list(seen)

    # counts against k
    gone = {roster.index[sid] for sid in dropped}
    most, low_in, low_out, every = _best_profile(roster, k, gone)
    gave = Counter(r for r, _ in pairs)
    got = Counter(a for _, a in pairs)
    for sid in roster.ids:
        o, i = gave[sid], got[sid]
        if roster.index[sid] in gone:
            if o:
                bad(f"{sid} dropped out but still reviews {o} hand-in(s)")
            continue
        for count, what in ((o, "reviews {} hand-in(s)"), (i, "gets {} reviewer(s)")):
            text = f"{sid} {what.format(count)} instead of {k}"
            if count > k:
                (note if allow_extra else bad)(text + (" (allowed by --allow-extra)" if allow_extra else ""))
            elif count < k:
                floor = low_out if what.startswith("reviews") else low_in
                if every:
                    bad(text + f"; every student can have {k} here")
                elif count < floor:
                    bad(text + f"; an even spread gives everyone at least {floor}")
                else:
                    note(text + f"; unavoidable: with {n} students and these groups at most {most} of {n * k} "
                         "reviews are possible")
    if not allow_extra:
        capped = sum(min(c, k) for sid, c in got.items())
        if capped < most and not every:
            bad(f"only {capped} reviews where {most} are possible under the rules")

    # soft rules: report those a single swap of two pairs would fix
    codes = roster.codes
    g = Graph(n, roster.group, codes(history))
    for r, a in pairs:
        g.add(roster.index[r], roster.index[a], fixed=(r, a) in kept)
    rng = random.Random("peer verify")

    def swap_for(r: str, a: str) -> str | None:
        found = swap_that_helps(g, roster.index[r], roster.index[a], rng)
        return None if found is None else f"swapping {r} -> {a} with {roster.ids[found[0]]} -> {roster.ids[found[1]]}"

    unmoved = " without changing kept pairs" if kept else ""
    for r, a in sorted(p for p in pairs if p in history):
        swap = swap_for(r, a)
        if swap:
            bad(f"{r} -> {a} repeats a pair from an earlier week; avoidable, e.g. by {swap}")
        else:
            note(f"{r} -> {a} repeats a pair from an earlier week; no swap avoids it{unmoved}")
    pair_set = set(pairs)
    for r, a in sorted(p for p in pairs if p[0] < p[1] and (p[1], p[0]) in pair_set):
        swap = swap_for(r, a) or swap_for(a, r)
        if swap:
            bad(f"{r} and {a} review each other; avoidable, e.g. by {swap}")
        else:
            note(f"{r} and {a} review each other; no swap avoids it{unmoved}")
    return verdict
