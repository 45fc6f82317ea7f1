"""The assignment engine on student numbers 0..n-1: a reviewer->author graph filled to degree caps.

Hard rules, never broken by a new pair: nobody reviews themselves or their own group, no pair twice, and
(when `open_mask` is given) every new pair touches an open student. Soft rules, priced per pair: a pair seen
in an earlier week costs HISTORY, a reciprocal pair (a reviews b and b reviews a) costs 1.

`fill` reaches the largest possible number of pairs under the caps (a maximum flow: greedy random filling,
then augmenting paths, which are exact), spreads any unavoidable shortfall evenly (`balance`), and `improve`
then removes soft-rule costs with degree-preserving swaps. Pairs added with `fixed=True` are never moved.
"""
from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Container

HISTORY = 1000



def swap_remove(items: list, where: dict, x) -> bool:
    """Remove `x` from `items` in O(1) (the last item takes its place); `where` maps item -> index."""
    index = where.pop(x, None)
    if index is None:
        return False
    last = items.pop()
    if last != x:
        items[index] = last
        where[last] = index
    return True

class Graph:
    """Reviewer->author pairs over n students with their groups, history codes and fixed pairs."""

    def __init__(self, n: int, group: list[int], history: Container[int] = frozenset(),
                 open_mask: list[bool] | None = None):
        self.n = n
        self.group = group
        self.history = history          # holds the codes r * n + a of earlier pairs
        self.open = open_mask
        self.out: list[set[int]] = [set() for _ in range(n)]
        self.inn: list[set[int]] = [set() for _ in range(n)]
        self.free: list[int] = []       # codes of the movable pairs, for random picks
        self.free_pos: dict[int, int] = {}

    # -- pairs -------------------------------------------------------------------------------------------
    def can_add(self, r: int, a: int) -> bool:
        """Whether r -> a may be added without breaking a hard rule."""
        return (r != a and self.group[r] != self.group[a] and a not in self.out[r]
                and (self.open is None or self.open[r] or self.open[a]))

    def add(self, r: int, a: int, fixed: bool = False) -> None:
        self.out[r].add(a)
        self.inn[a].add(r)
        if not fixed:
            code = r * self.n + a
            self.free_pos[code] = len(self.free)
            self.free.append(code)

    def remove(self, r: int, a: int) -> None:
        self.out[r].discard(a)
        self.inn[a].discard(r)
        swap_remove(self.free, self.free_pos, r * self.n + a)

    def freeze(self) -> list[int]:
        """Fix every movable pair; returns their codes so that `thaw` can free them again."""
        frozen, self.free, self.free_pos = self.free, [], {}
        return frozen

    def thaw(self, codes: list[int]) -> None:
        for code in codes:
            r, a = divmod(code, self.n)
            if a in self.out[r] and code not in self.free_pos:
                self.free_pos[code] = len(self.free)
                self.free.append(code)

    def pairs(self) -> list[tuple[int, int]]:
        return [(r, a) for r in range(self.n) for a in self.out[r]]

    def size(self) -> int:
        return sum(len(s) for s in self.out)

    # -- soft rules ----------------------------------------------------------------------------------------
    def price(self, r: int, a: int) -> int:
        """Soft cost of pair r -> a given the other pairs (whether or not r -> a is present)."""
        return (HISTORY if r * self.n + a in self.history else 0) + (1 if r in self.out[a] else 0)

    def cost(self) -> tuple[int, int]:
        """(history repeats, reciprocal pairs) of the whole graph."""
        repeats = sum(1 for r in range(self.n) for a in self.out[r] if r * self.n + a in self.history)
        mutual = sum(1 for r in range(self.n) for a in self.out[r] if r < a and r in self.out[a])
        return repeats, mutual

    def _local_cost(self, pairs) -> int:
        history = sum(HISTORY for r, a in pairs if r * self.n + a in self.history)
        mutual = {(min(r, a), max(r, a)) for r, a in pairs if r in self.out[a]}
        return history + len(mutual)


# -- filling to the caps ---------------------------------------------------------------------------------------
def fill(g: Graph, out_cap: list[int], in_cap: list[int], rng: random.Random) -> None:
    """Add pairs until no more fit under the caps (exact maximum), then even out what is short."""
    greedy(g, out_cap, in_cap, rng)
    augment(g, out_cap, in_cap, rng)
    balance(g, in_cap, "in")
    balance(g, out_cap, "out")


class _Pool:
    """A list with O(1) removal by value, for random picks."""

    def __init__(self, items):
        self.items = list(items)
        self.where = {x: i for i, x in enumerate(self.items)}

    def discard(self, x: int) -> None:
        swap_remove(self.items, self.where, x)


def greedy(g: Graph, out_cap: list[int], in_cap: list[int], rng: random.Random, tries: int = 8) -> None:
    """Random filling in rounds: each round gives every reviewer at most one more author and opens only the
    least-reviewed authors (one above the lowest count), so that a shortage is spread from the start rather
    than left to `balance`. When a round adds nothing, the authors' full caps are opened."""
    relaxed = False
    while True:
        low = min((len(g.inn[a]) for a in range(g.n) if len(g.inn[a]) < in_cap[a]), default=None)
        if low is None:
            return
        before = g.size()
        _greedy_round(g, [min(c, len(g.out[r]) + 1) for r, c in enumerate(out_cap)],
                      in_cap if relaxed else [min(c, low + 1) for c in in_cap], rng, tries)
        if g.size() == before:
            if relaxed:
                return
            relaxed = True


def _greedy_round(g: Graph, out_cap: list[int], in_cap: list[int], rng: random.Random, tries: int) -> None:
    """Each reviewer in turn (biggest groups first, then fewest pairs) takes cheap open authors."""
    n = g.n
    pool = [a for a in range(n) if len(g.inn[a]) < in_cap[a]]
    rng.shuffle(pool)
    everyone = _Pool(pool)
    sizes = Counter(g.group)
    rank = {group: i for i, group in enumerate(rng.sample(sorted(sizes), len(sizes)))}
    order = [r for r in range(n) if len(g.out[r]) < out_cap[r]]
    rng.shuffle(order)
    order.sort(key=lambda r: (-sizes[g.group[r]], rank[g.group[r]], len(g.out[r])))   # groups kept together
    big = max(32, n // 20)
    outside, outside_of = None, None          # for a big group: the open authors outside it
    for r in order:
        pools = [everyone]
        if sizes[g.group[r]] >= big:
            if outside_of != g.group[r]:
                outside_of = g.group[r]
                outside = _Pool(a for a in everyone.items if g.group[a] != outside_of)
            pools = [outside, everyone]
        while len(g.out[r]) < out_cap[r] and everyone.items:
            a = _pick(g, r, pools[0].items, rng, tries)
            if a is None:
                break
            g.add(r, a)
            if len(g.inn[a]) >= in_cap[a]:
                for p in pools:
                    p.discard(a)


def _pick(g: Graph, r: int, candidates: list[int], rng: random.Random, tries: int) -> int | None:
    """A cheap author for r among candidates: random samples first, then a full scan."""
    m = len(candidates)
    if m == 0:
        return None
    if m > 4 * tries:
        for _ in range(tries):
            a = candidates[rng.randrange(m)]
            if g.can_add(r, a) and g.price(r, a) == 0:
                return a
    best, best_price = None, None
    start = rng.randrange(m)
    for i in range(m):
        a = candidates[(start + i) % m]
        if g.can_add(r, a):
            price = g.price(r, a)
            if price == 0:
                return a
            if best_price is None or price < best_price:
                best, best_price = a, price
    return best


def augment(g: Graph, out_cap: list[int], in_cap: list[int], rng: random.Random) -> None:
    """Augmenting paths until no reviewer under its cap can reach an author under its cap: a maximum."""
    short = [r for r in range(g.n) if len(g.out[r]) < out_cap[r]]
    rng.shuffle(short)
    needy = {a for a in range(g.n) if len(g.inn[a]) < in_cap[a]}
    # A failed search's tree (reviewers and authors it reached) lies on no later augmenting path either
    # (the Hungarian-tree argument), so those students are left out of every later search.
    dead: set[int] = set()
    live: dict[tuple[int, bool], set[int]] = {}     # authors not in a failed tree, by (group, open)
    for a in range(g.n):
        live.setdefault((g.group[a], bool(g.open and g.open[a])), set()).add(a)
    for r in short:
        while len(g.out[r]) < out_cap[r] and needy and r not in dead:
            d = _direct(g, r, needy) if len(needy) <= 256 else None
            if d is None and len(needy) <= 64:
                d = _two_step(g, r, needy, rng)
            if d is None:
                d = _search(g, r, in_cap, dead, live)
            if d is None:
                break
            if len(g.inn[d]) >= in_cap[d]:
                needy.discard(d)


def _direct(g: Graph, r: int, needy: set[int]) -> int | None:
    best, best_price = None, None
    for a in sorted(needy):
        if g.can_add(r, a):
            price = g.price(r, a)
            if best_price is None or price < best_price:
                best, best_price = a, price
    if best is not None:
        g.add(r, best)
    return best


def _two_step(g: Graph, r: int, needy: set[int], rng: random.Random, samples: int = 200) -> int | None:
    """Move a pair r2 -> a1 to r -> a1 and give r2 a needy author d instead (cheapest of random samples)."""
    if not g.free:
        return None
    best = None                 # (price, r2, a1, d)
    targets = sorted(needy)
    for _ in range(samples):
        r2, a1 = divmod(g.free[rng.randrange(len(g.free))], g.n)
        if r2 == r or not g.can_add(r, a1):
            continue
        for d in targets:
            if d != a1 and g.can_add(r2, d):
                price = g.price(r, a1) + g.price(r2, d)
                if best is None or price < best[0]:
                    best = (price, r2, a1, d)
        if best is not None and best[0] == 0:
            break
    if best is None:
        return None
    _, r2, a1, d = best
    g.remove(r2, a1)
    g.add(r, a1)
    g.add(r2, d)
    return d


def _search(g: Graph, source: int, in_cap: list[int], dead: set[int],
            live: dict[tuple[int, bool], set[int]]) -> int | None:
    """Breadth-first search for an augmenting path from reviewer `source`; applies it and returns its end.
    When there is none, the reviewers it reached join `dead` and the authors leave `live`."""
    n = g.n
    # unvisited live authors by (group, open), copied on first use, so a reviewer skips its own group at once
    buckets: dict[tuple[int, bool], set[int]] = {}
    remaining = dict.fromkeys(live)                   # buckets not yet emptied by this search
    came_by: dict[int, int | None] = {source: None}   # reviewer -> author whose pair it gives up
    reached_from: dict[int, int] = {}                 # author -> reviewer that takes it
    queue = deque([source])
    while queue:
        r = queue.popleft()
        r_open = g.open is None or g.open[r]
        for key in list(remaining):
            group, a_open = key
            if group == g.group[r] or not (r_open or a_open):
                continue
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = set(live[key])
            for a in list(bucket):
                if a == r or a in g.out[r]:
                    continue
                bucket.discard(a)
                reached_from[a] = r
                if len(g.inn[a]) < in_cap[a]:
                    _apply_path(g, a, came_by, reached_from)
                    return a
                for r2 in g.inn[a]:
                    if r2 not in came_by and r2 not in dead and r2 * n + a in g.free_pos:
                        came_by[r2] = a
                        queue.append(r2)
            if not bucket:
                del remaining[key]
    dead.update(came_by)
    for a in reached_from:
        key = (g.group[a], bool(g.open and g.open[a]))
        live[key].discard(a)
        if not live[key]:
            del live[key]
    return None


def _apply_path(g: Graph, end: int, came_by: dict[int, int | None], reached_from: dict[int, int]) -> None:
    author = end
    while True:
        r = reached_from[author]
        g.add(r, author)
        old = came_by[r]
        if old is None:
            return
        g.remove(r, old)
        author = old


# -- evening out a shortfall ------------------------------------------------------------------------------
def balance(g: Graph, cap: list[int], side: str) -> None:
    """Move pairs along alternating paths until no student on `side` ('in' or 'out') is short by 2 or more
    than another: the total stays the maximum and the other side's counts do not change."""
    n = g.n
    mine, theirs = (g.inn, g.out) if side == "in" else (g.out, g.inn)

    def short(v: int) -> int:
        return cap[v] - len(mine[v])

    def allowed(partner: int, v: int) -> bool:
        return g.can_add(partner, v) if side == "in" else g.can_add(v, partner)

    def free(partner: int, v: int) -> bool:
        return (partner * n + v if side == "in" else v * n + partner) in g.free_pos

    def move(partner: int, old: int, new: int) -> None:
        if side == "in":
            g.remove(partner, old)
            g.add(partner, new)
        else:
            g.remove(old, partner)
            g.add(new, partner)

    members: dict[int, list[int]] = {}
    for v in range(n):
        members.setdefault(g.group[v], []).append(v)
    tally = Counter(short(v) for v in range(n))      # how many students are short by each amount

    def lowest() -> int:
        return min(value for value, count in tally.items() if count)

    improved = True
    while improved:
        improved = False
        shorts = [short(v) for v in range(n)]
        for start in sorted((v for v in range(n) if shorts[v] - 2 >= lowest()), key=lambda v: (-shorts[v], v)):
            while short(start) - 2 >= lowest():
                gap = short(start)
                donor = _shift(g, start, gap, members, short, allowed, free, move, theirs)
                if donor is None:
                    break
                tally[gap] -= 1
                tally[gap - 1] += 1
                tally[short(donor) - 1] -= 1
                tally[short(donor)] += 1
                improved = True


def _shift(g: Graph, start, gap, members, short, allowed, free, move, theirs) -> int | None:
    """One unit from a student short by at most gap-2 to `start`, along an alternating path; the donor."""
    parent: dict[int, tuple[int, int]] = {}
    unseen: dict[int, set[int]] = {}                  # partners not yet expanded, by group, copied on first use
    remaining = dict.fromkeys(members)
    queue = deque([start])
    visited = {start}
    while queue:
        v = queue.popleft()
        for group in list(remaining):
            if group == g.group[v]:
                continue
            people = unseen.get(group)
            if people is None:
                people = unseen[group] = set(members[group])
            for partner in list(people):
                if not allowed(partner, v):
                    continue
                people.discard(partner)
                if not people:
                    del remaining[group]
                for w in list(theirs[partner]):
                    if w in visited or not free(partner, w):
                        continue
                    visited.add(w)
                    parent[w] = (partner, v)
                    if short(w) <= gap - 2:
                        donor = w
                        while w != start:
                            partner_w, previous = parent[w]
                            move(partner_w, w, previous)
                            w = previous
                        return donor
                    queue.append(w)
    return None


# -- soft rules --------------------------------------------------------------------------------------------
def improve(g: Graph, rng: random.Random, tries: int = 40, exhaustive_up_to: int = 4000) -> None:
    """Swap pairs r1->a1, r2->a2 into r1->a2, r2->a1 while that lowers the history and reciprocal cost.
    Degrees never change. Costly pairs get `tries` random partners, then (small classes) every partner."""
    n = g.n
    while True:
        bad = [code for code in g.free if g.price(*divmod(code, n)) > 0]
        if not bad:
            return
        rng.shuffle(bad)
        changed = False
        for code in bad:
            if code not in g.free_pos:
                continue
            r1, a1 = divmod(code, n)
            if g.price(r1, a1) == 0:
                continue
            if _swap_somewhere(g, r1, a1, rng, tries, exhaustive_up_to):
                changed = True
        if not changed:
            return


def _swap_somewhere(g: Graph, r1: int, a1: int, rng: random.Random, tries: int, exhaustive_up_to: int) -> bool:
    n = g.n
    for _ in range(tries):
        if _try_swap(g, r1, a1, *divmod(g.free[rng.randrange(len(g.free))], n)):
            return True
    if len(g.free) <= exhaustive_up_to:
        snapshot = list(g.free)
        start = rng.randrange(len(snapshot))
        for code in snapshot[start:] + snapshot[:start]:
            if code in g.free_pos and _try_swap(g, r1, a1, *divmod(code, n)):
                return True
    return False


def _try_swap(g: Graph, r1: int, a1: int, r2: int, a2: int) -> bool:
    """Swap when it is legal and strictly cheaper; returns whether it was made."""
    if r1 == r2 or a1 == a2 or r1 == a2 or r2 == a1:
        return False
    group = g.group
    if group[r1] == group[a2] or group[r2] == group[a1] or a2 in g.out[r1] or a1 in g.out[r2]:
        return False
    if g.open is not None and not ((g.open[r1] or g.open[a2]) and (g.open[r2] or g.open[a1])):
        return False
    before = g._local_cost(((r1, a1), (r2, a2)))
    g.remove(r1, a1)
    g.remove(r2, a2)
    g.add(r1, a2)
    g.add(r2, a1)
    if g._local_cost(((r1, a2), (r2, a1))) < before:
        return True
    g.remove(r1, a2)
    g.remove(r2, a1)
    g.add(r1, a1)
    g.add(r2, a2)
    return False


def swap_that_helps(g: Graph, r1: int, a1: int, rng: random.Random, tries: int = 100,
                    exhaustive_up_to: int = 4000) -> tuple[int, int] | None:
    """A partner pair whose swap with r1->a1 lowers the soft cost, or None; the graph is left unchanged."""
    n = g.n
    m = len(g.free)
    if m == 0:
        return None
    candidates = [g.free[rng.randrange(m)] for _ in range(tries)]
    if m <= exhaustive_up_to:
        candidates += list(g.free)
    for code in candidates:
        r2, a2 = divmod(code, n)
        if code in g.free_pos and r1 * n + a1 in g.free_pos and _try_swap(g, r1, a1, r2, a2):
            # undo: the caller only wants to know
            g.remove(r1, a2)
            g.remove(r2, a1)
            g.add(r1, a1)
            g.add(r2, a2)
            return r2, a2
    return None
