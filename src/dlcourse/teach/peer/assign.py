"""Pure peer-review operations on student ids: a fresh assignment, late hand-ins, dropouts.

Each returns a `Plan`: the pairs plus, for every student whose counts differ from k, the reason. Randomness
comes only from `random.Random` seeded with a string built from the lab and the seed, so the same inputs
give the same pairs in every process.
"""
from __future__ import annotations

import itertools
import random
from collections import Counter
from dataclasses import dataclass, field

from ..errors import CourseError
from .engine import Graph, fill, improve, swap_remove

Pair = tuple[str, str]


@dataclass
class Plan:
    """An assignment with its explanation."""
    lab: str
    k: int
    pairs: list[Pair]
    reviewers: list[str]              # students expected to review
    authors: list[str]                # hand-ins expected to be reviewed
    reasons: dict[str, str] = field(default_factory=dict)   # student -> why their counts differ from k
    notes: list[str] = field(default_factory=list)          # other lines for the summary (changed pairs...)


class PairCodes:
    """`code in codes` for a set of (reviewer_id, author_id) pairs, code = r * n + a over sorted ids."""

    __slots__ = ("ids", "pairs", "n")

    def __init__(self, ids: list[str], pairs: set[Pair]):
        self.ids, self.pairs, self.n = ids, pairs, len(ids)

    def __contains__(self, code: int) -> bool:
        r, a = divmod(code, self.n)
        return (self.ids[r], self.ids[a]) in self.pairs


@dataclass
class Roster:
    """Students numbered in sorted order, with a group number each (students without a group alone)."""
    ids: list[str]
    index: dict[str, int]
    group: list[int]
    label: list[str | None]
    size: list[int]

    def codes(self, pairs: set[Pair]) -> PairCodes:
        """The pairs as the engine sees them: codes r * n + a (looked up lazily, nothing converted)."""
        return PairCodes(self.ids, pairs)

    def outside(self, v: int) -> int:
        """How many students could review v (or be reviewed by v) under the group rule."""
        return len(self.ids) - self.size[v]


def index_class(students, groups: dict[str, str]) -> Roster:
    ids = sorted(set(students))
    index = {sid: i for i, sid in enumerate(ids)}
    labels = [groups.get(sid) for sid in ids]
    numbers = {name: i for i, name in enumerate(sorted({g for g in labels if g is not None}))}
    group = [numbers[g] if g is not None else len(numbers) + i for i, g in enumerate(labels)]
    counts = Counter(group)
    return Roster(ids, index, group, labels, [counts[g] for g in group])


def _rng(*parts) -> random.Random:
    return random.Random("|".join(str(p) for p in parts))


def infer_k(pairs) -> int:
    """The most common number of reviewers per hand-in (the larger one on a tie)."""
    counts = Counter(Counter(a for _, a in pairs).values())
    return max(counts, key=lambda c: (counts[c], c)) if counts else 0


def check_k(k: int, roster: Roster) -> None:
    n = len(roster.ids)
    if k < 1:
        raise CourseError(f"k={k} makes no sense: every hand-in needs at least one reviewer; use -k 3 (the default) "
                          "or another positive number")
    if k > n:
        raise CourseError(f"k={k} is larger than possible: the class has only {n} student(s), so a hand-in can get at "
                          f"most {max(n - 1, 0)} reviewer(s); use -k {max(n - 1, 1)} or less")
    if max((roster.outside(v) for v in range(n)), default=0) == 0:
        where = "there is only one student" if n == 1 else f"all {n} students are in group {roster.label[0]}"
        raise CourseError(f"nobody can review anyone: {where}; add students or split the group")


def _shortfall_reason(roster: Roster, v: int, k: int, total: int) -> str:
    n = len(roster.ids)
    outside = roster.outside(v)
    label = roster.label[v]
    if outside < k:
        where = f"outside their group {label}" if label else "in the class"
        return f"only {outside} other student(s) {where} can review them or be reviewed by them"
    if 2 * roster.size[v] > n and label:
        return (f"their group {label} holds {roster.size[v]} of the {n} students, and the {n - roster.size[v]} "
                f"outside it cannot do all {roster.size[v] * k} reviews it needs; the shortfall is spread evenly")
    return (f"with {n} students and these groups at most {total} of the {n * k} reviews are possible "
            "(an exact maximum), spread as evenly as possible")


def _attempts(n: int) -> int:
    """Restarts for small classes, where a local search can get stuck; one for big classes."""
    return 16 if n <= 12 else 6 if n <= 40 else 2 if n <= 200 else 1


def _names(roster: Roster, vs) -> str:
    return ", ".join(sorted(roster.ids[v] for v in vs))


# -- assign ----------------------------------------------------------------------------------------------------
def assign(lab: str, students, groups: dict[str, str], history: set[Pair], k: int = 3,
           seed: int | str | None = None) -> Plan:
    """Every student reviews k others and is reviewed by k others, outside their group, avoiding earlier pairs
    and reciprocal pairs; where that cannot be done for everyone, the largest possible number of reviews,
    with nobody above k and the shortfall spread evenly."""
    roster = index_class(students, groups)
    check_k(k, roster)
    n = len(roster.ids)
    history_codes = roster.codes(history)
    caps = [k] * n
    best, best_cost = None, None
    for attempt in range(_attempts(n)):
        rng = _rng("peer assign", lab, seed, attempt)
        g = Graph(n, roster.group, history_codes)
        fill(g, caps, caps, rng)
        improve(g, rng)
        cost = g.cost()
        if best_cost is None or cost < best_cost:
            best, best_cost = g, cost
        if cost == (0, 0):
            break
    g = best
    total = g.size()
    reasons = {roster.ids[v]: _shortfall_reason(roster, v, k, total)
               for v in range(n) if len(g.out[v]) != k or len(g.inn[v]) != k}
    pairs = sorted((roster.ids[r], roster.ids[a]) for r, a in g.pairs())
    return Plan(lab, k, pairs, list(roster.ids), list(roster.ids), reasons)


# -- late hand-ins -------------------------------------------------------------------------------------------
def add_late(lab: str, pairs: list[Pair], late, groups: dict[str, str], history: set[Pair], k: int,
             seed: int | str | None = None, rebalance: bool = False) -> Plan:
    """Give late students k reviewers and k hand-ins, keeping every existing pair.

    Late students review each other first. What remains needs existing students, who then get one extra
    hand-in or reviewer each, spread as evenly as possible. With `rebalance`, existing pairs r->a are split
    into r->x and x->a for a late student x instead (or r->x and y->a for two late students), so that
    everyone keeps exactly k (this changes pairs)."""
    existing = {r for r, _ in pairs} | {a for _, a in pairs}
    late = sorted(set(late))
    if not late:
        raise CourseError("no late students given; list them in the --late file")
    again = sorted(existing & set(late))
    if again:
        raise CourseError(f"late student(s) {', '.join(again[:5])} already in the assignment; "
                          "leave them out of the --late file")
    if k < 1:
        raise CourseError(f"k={k} makes no sense: every hand-in needs at least one reviewer; give -k 3")
    roster = index_class(existing | set(late), groups)
    n = len(roster.ids)
    is_late = [sid in set(late) for sid in roster.ids]
    if k > n:
        raise CourseError(f"k={k} is larger than possible: the class has only {n} students; use -k {n - 1} or less")
    g = Graph(n, roster.group, roster.codes(history), open_mask=is_late)
    for r, a in pairs:
        g.add(roster.index[r], roster.index[a], fixed=True)
    orig_out = [len(g.out[v]) for v in range(n)]
    orig_in = [len(g.inn[v]) for v in range(n)]
    rng = _rng("peer add", lab, seed)

    def caps(level: int) -> tuple[list[int], list[int]]:
        return ([k if is_late[v] else max(orig_out[v], k + level) for v in range(n)],
                [k if is_late[v] else max(orig_in[v], k + level) for v in range(n)])

    def late_short() -> bool:
        return any(is_late[v] and (len(g.out[v]) < k or len(g.inn[v]) < k) for v in range(n))

    fill(g, [k if is_late[v] else orig_out[v] for v in range(n)],      # late students among themselves first
         [k if is_late[v] else orig_in[v] for v in range(n)], rng)
    notes: list[str] = []
    if rebalance:
        for r, a, x, y in _split(g, is_late, k, rng):
            notes.append(f"changed pair: {roster.ids[r]} -> {roster.ids[a]} became {roster.ids[r]} -> "
                         f"{roster.ids[x]} and {roster.ids[y]} -> {roster.ids[a]} (--rebalance)")
    frozen = g.freeze()          # keep the late-to-late pairs: they are what saves extra load
    level = 0                    # level 0 fills existing students below k, each further level allows one more
    while late_short():
        before = g.size()
        fill(g, *caps(level), rng)
        if level > 0 and g.size() == before:
            break
        level += 1
    g.thaw(frozen)
    improve(g, rng)

    reasons = _add_reasons(g, roster, is_late, orig_out, orig_in, k, rebalance)
    result = sorted((roster.ids[r], roster.ids[a]) for r, a in g.pairs())
    return Plan(lab, k, result, list(roster.ids), list(roster.ids), reasons, notes)


def _split(g: Graph, is_late: list[bool], k: int, rng: random.Random) -> list[tuple[int, int, int, int]]:
    """Split existing pairs r->a into r->x and y->a, where late x needs a reviewer and late y a hand-in
    (mostly x = y), until the late students have k of each or no pair fits. Returns (r, a, x, y) per split."""
    n = g.n
    pool = [r * n + a for r in range(n) for a in sorted(g.out[r]) if not is_late[r] and not is_late[a]]
    where = {code: i for i, code in enumerate(pool)}
    group = g.group
    done = []

    def price(x: int, y: int, r: int, a: int) -> int | None:
        if (r in (x, y) or a in (x, y) or group[x] == group[r] or group[y] == group[a]
                or x in g.out[r] or a in g.out[y]):
            return None
        return g.price(r, x) + g.price(y, a)

    def choose(x: int, y: int) -> int | None:
        for _ in range(40):
            code = pool[rng.randrange(len(pool))]
            if price(x, y, *divmod(code, n)) == 0:
                return code
        best, best_price = None, None
        for code in pool:
            p = price(x, y, *divmod(code, n))
            if p is not None and (best_price is None or p < best_price):
                best, best_price = code, p
                if p == 0:
                    break
        return best

    late = [v for v in range(n) if is_late[v]]
    rng.shuffle(late)
    stuck: set[tuple[int, int]] = set()
    while pool:
        wants_in = [x for x in late if len(g.inn[x]) < k]
        wants_out = [y for y in late if len(g.out[y]) < k]
        options = itertools.chain(((x, x) for x in wants_in if len(g.out[x]) < k),
                                  ((x, y) for x in wants_in for y in wants_out if x != y))
        x, y = next((pair for pair in options if pair not in stuck), (None, None))
        if x is None:
            break
        code = choose(x, y)
        if code is None:
            stuck.add((x, y))
            continue
        r, a = divmod(code, n)
        swap_remove(pool, where, code)
        g.remove(r, a)
        g.add(r, x, fixed=True)       # fixed, so that the listed change stays true
        g.add(y, a, fixed=True)
        done.append((r, a, x, y))
    return done


def _add_reasons(g: Graph, roster: Roster, is_late, orig_out, orig_in, k: int, rebalance: bool) -> dict[str, str]:
    n = g.n
    reasons = {}
    total = g.size()
    hint = "" if rebalance else " (--rebalance keeps everyone at k by changing existing pairs)"
    for v in range(n):
        o, i = len(g.out[v]), len(g.inn[v])
        if o == k and i == k:
            continue
        parts = []
        if is_late[v]:
            parts.append(_shortfall_reason(roster, v, k, total))
        else:
            if o > orig_out[v]:
                parts.append(f"reviews {o - orig_out[v]} more hand-in(s) (late: "
                             f"{_names(roster, [a for a in g.out[v] if is_late[a]])}) because late hand-ins need "
                             "reviewers and every existing pair is kept")
            if i > orig_in[v]:
                parts.append(f"gets {i - orig_in[v]} more reviewer(s) (late: "
                             f"{_names(roster, [r for r in g.inn[v] if is_late[r]])}) because late students must "
                             f"review {k} hand-ins and too few late hand-ins are left for them")
            if o == orig_out[v] and i == orig_in[v]:
                parts.append("unchanged from the input assignment")
            elif (o < k and o == orig_out[v]) or (i < k and i == orig_in[v]):
                parts.append("the shortfall is from the input assignment")
            if o > orig_out[v] or i > orig_in[v]:
                parts[-1] += hint
        reasons[roster.ids[v]] = "; ".join(parts)
    return reasons


# -- dropouts ----------------------------------------------------------------------------------------------------
def drop(lab: str, pairs: list[Pair], dropped, groups: dict[str, str], history: set[Pair], k: int,
         seed: int | str | None = None, remove_handins: bool = False) -> Plan:
    """Students who dropped out stop reviewing; the hand-ins they had get new reviewers, spread evenly.

    Their own hand-in stays reviewed unless `remove_handins`; then its reviewers get another hand-in where one
    fits. Pairs not touching them are kept.
    """
    students = {r for r, _ in pairs} | {a for _, a in pairs}
    gone = sorted(set(dropped))
    if not gone:
        raise CourseError("no students to drop; give them with --students ID [ID ...]")
    unknown = [sid for sid in gone if sid not in students]
    if unknown:
        raise CourseError(f"unknown student(s) {', '.join(unknown[:5])}: not in the assignment file; check the ids")
    if k < 1:
        raise CourseError(f"k={k} makes no sense: every hand-in needs at least one reviewer; give -k 3")
    roster = index_class(students, groups)
    n = len(roster.ids)
    is_gone = [sid in set(gone) for sid in roster.ids]
    if all(is_gone):
        raise CourseError("every student in the assignment would be dropped; nothing is left to assign")
    g = Graph(n, roster.group, roster.codes(history))
    orig_out, orig_in = [0] * n, [0] * n
    lost_by: dict[int, list[int]] = {}        # author -> dropped reviewers they lost
    for r_id, a_id in pairs:
        r, a = roster.index[r_id], roster.index[a_id]
        orig_out[r] += 1
        orig_in[a] += 1
        if is_gone[r]:
            lost_by.setdefault(a, []).append(r)
        elif not (is_gone[a] and remove_handins):
            g.add(r, a, fixed=True)
    kept_out = [len(g.out[v]) for v in range(n)]
    in_cap = [0 if is_gone[v] and remove_handins else orig_in[v] for v in range(n)]
    rng = _rng("peer drop", lab, seed)

    def out_caps(level: int) -> list[int]:
        return [0 if is_gone[v] else max(kept_out[v], k + level) for v in range(n)]

    level = 0
    while True:
        before = g.size()
        fill(g, out_caps(level), in_cap, rng)
        if all(len(g.inn[v]) >= in_cap[v] for v in range(n)) or (level > 0 and g.size() == before):
            break
        level += 1
    improve(g, rng)

    notes = []
    for a in sorted(lost_by, key=lambda v: roster.ids[v]):
        new = sorted(roster.ids[r] for r in g.inn[a] if (r * n + a) in g.free_pos)
        if new:
            notes.append(f"{roster.ids[a]}'s hand-in: new reviewer(s) {', '.join(new)} instead of "
                         f"{_names(roster, lost_by[a])}")
    reasons = {}
    total = g.size()
    for v in range(n):
        o, i = len(g.out[v]), len(g.inn[v])
        parts = []
        if is_gone[v]:
            if i == k or (remove_handins and i == 0):
                continue
            parts.append("dropped out" + ("" if i == orig_in[v] else f"; keeps {i} reviewer(s) where a "
                                          "replacement fits"))
        else:
            if o == k and i == k:
                continue
            taken = [a for a in g.out[v] if (v * n + a) in g.free_pos]
            if o > kept_out[v] and o > k:
                parts.append(f"reviews {o} hand-ins: took over {_names(roster, taken)} from dropped student(s) "
                             f"(their reviewers left and the extra load is spread evenly)")
            elif o < k:
                parts.append("lost the hand-in of a dropped student and no other hand-in can be given to them "
                             "without breaking a rule" if o < orig_out[v] else "unchanged from the input assignment")
            if i < in_cap[v]:
                parts.append(f"lost reviewer(s) {_names(roster, lost_by.get(v, []))} and only {i} reviewer(s) are "
                             f"possible: {_shortfall_reason(roster, v, k, total)}")
            elif i != k:
                parts.append("reviewer count unchanged from the input assignment" if i == orig_in[v]
                             else f"gets {i} reviewers")
        if parts:
            reasons[roster.ids[v]] = "; ".join(parts)
    reviewers = [sid for v, sid in enumerate(roster.ids) if not is_gone[v]]
    authors = [sid for v, sid in enumerate(roster.ids) if not (is_gone[v] and remove_handins)]
    result = sorted((roster.ids[r], roster.ids[a]) for r, a in g.pairs())
    return Plan(lab, k, result, reviewers, authors, reasons, notes)
