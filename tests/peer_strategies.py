"""Random classes for the peer-review property tests, and an independent checker.

Nothing here imports the production checker or engine: the rules, the maximum number of reviews (a plain
Edmonds-Karp max flow) and the best soft-rule cost (exhaustive search on tiny classes) are computed anew.
"""
from __future__ import annotations

import itertools
from collections import Counter, deque
from dataclasses import dataclass, field

from hypothesis import strategies as st


@dataclass
class Klass:
    students: list[str]
    groups: dict[str, str]
    k: int
    history: set[tuple[str, str]] = field(default_factory=set)

    def group_of(self, sid: str) -> str:
        return self.groups.get(sid, f"alone:{sid}")

    def allowed(self, r: str, a: str) -> bool:
        return r != a and self.group_of(r) != self.group_of(a)


@st.composite
def klasses(draw, min_n: int = 1, max_n: int = 14, max_k: int = 4, max_group: int = 4,
            history: bool = True, min_k: int = 1) -> Klass:
    """A class: n students, some in groups (sizes 1..max_group), k, and random earlier pairs."""
    n = draw(st.integers(min_n, max_n))
    students = [f"s{i:02d}" for i in range(n)]
    order = draw(st.permutations(students))
    groups: dict[str, str] = {}
    i = g = 0
    while i < n:
        size = draw(st.integers(1, max_group))
        members = order[i:i + size]
        if len(members) > 1 or draw(st.booleans()):
            for sid in members:
                groups[sid] = f"g{g}"
        i, g = i + size, g + 1
    k = draw(st.integers(min_k, max_k))
    earlier: set[tuple[str, str]] = set()
    if history and n > 1:
        all_pairs = [(r, a) for r in students for a in students if r != a]
        earlier = set(draw(st.lists(st.sampled_from(all_pairs), max_size=min(len(all_pairs), 3 * n))))
    return Klass(students, groups, k, earlier)


# -- independent maximum flow --------------------------------------------------------------------------------
def max_flow(reviewers, authors, allowed, out_cap: dict, in_cap: dict) -> int:
    """Largest number of distinct allowed pairs with reviewer r in at most out_cap[r] pairs and author a in at
    most in_cap[a] (Edmonds-Karp on the bipartite network)."""
    cap: dict = {}

    def edge(u, v, c):
        cap.setdefault(u, {})[v] = cap.get(u, {}).get(v, 0) + c
        cap.setdefault(v, {}).setdefault(u, 0)

    for r in reviewers:
        edge("S", ("r", r), out_cap[r])
        for a in authors:
            if allowed(r, a):
                edge(("r", r), ("a", a), 1)
    for a in authors:
        edge(("a", a), "T", in_cap[a])
    flow = 0
    while True:
        parent = {"S": None}
        queue = deque(["S"])
        while queue and "T" not in parent:
            u = queue.popleft()
            for v, c in cap.get(u, {}).items():
                if c > 0 and v not in parent:
                    parent[v] = u
                    queue.append(v)
        if "T" not in parent:
            return flow
        v = "T"
        while parent[v] is not None:
            u = parent[v]
            cap[u][v] -= 1
            cap[v][u] += 1
            v = u
        flow += 1


def most_reviews(c: Klass, allowed=None) -> int:
    caps = {s: c.k for s in c.students}
    return max_flow(c.students, c.students, allowed or c.allowed, caps, caps)


# -- independent rule check ------------------------------------------------------------------------------------
def rule_problems(pairs, c: Klass, reviewers=None, authors=None, max_count=None) -> list[str]:
    """Hard-rule problems: unknown students, self or group reviews, duplicates, counts above max_count."""
    reviewers = set(c.students if reviewers is None else reviewers)
    authors = set(c.students if authors is None else authors)
    problems = []
    if len(set(pairs)) != len(pairs):
        problems.append("duplicate pair")
    for r, a in pairs:
        if r not in reviewers or a not in authors:
            problems.append(f"unknown {r}->{a}")
        if r == a:
            problems.append(f"self {r}")
        elif c.group_of(r) == c.group_of(a):
            problems.append(f"group {r}->{a}")
    if max_count is not None:
        for sid, count in Counter(r for r, _ in pairs).items():
            if count > max_count:
                problems.append(f"{sid} reviews {count}")
        for sid, count in Counter(a for _, a in pairs).items():
            if count > max_count:
                problems.append(f"{sid} gets {count}")
    return problems


def counts(pairs, students):
    gave = Counter(r for r, _ in pairs)
    got = Counter(a for _, a in pairs)
    return {s: gave[s] for s in students}, {s: got[s] for s in students}


def soft_cost(pairs, history) -> tuple[int, int]:
    pair_set = set(pairs)
    return (sum(1 for p in pair_set if p in history),
            sum(1 for r, a in pair_set if r < a and (a, r) in pair_set))


def best_soft_cost(c: Klass) -> tuple[int, int] | None:
    """Least (history repeats, reciprocal pairs) over every assignment giving everyone exactly k, by exhaustive
    search (tiny classes only); None when no such assignment exists."""
    students, k = c.students, c.k
    got = Counter()
    chosen: list[tuple[str, str]] = []
    best = [None]

    def search(i: int) -> None:
        if i == len(students):
            cost = soft_cost(chosen, c.history)
            if best[0] is None or cost < best[0]:
                best[0] = cost
            return
        r = students[i]
        options = [a for a in students if c.allowed(r, a) and got[a] < k]
        for combo in itertools.combinations(options, k):
            for a in combo:
                got[a] += 1
                chosen.append((r, a))
            search(i + 1)
            for a in combo:
                got[a] -= 1
                chosen.pop()

    search(0)
    return best[0]
