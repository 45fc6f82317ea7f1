"""Property tests of late hand-ins (`peer add`) and dropouts (`peer drop`), with the independent checker."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dlcourse.teach.errors import CourseError
from dlcourse.teach.peer.assign import add_late, assign, drop
from peer_strategies import Klass, counts, klasses, max_flow, rule_problems

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def with_late(draw, min_n=2, max_n=14):
    """A class with an assignment, plus 1-3 late students (possibly in existing groups)."""
    c = draw(klasses(min_n=min_n, max_n=max_n, max_k=3, max_group=3))
    assume(any(c.allowed(r, a) for r in c.students for a in c.students) and c.k <= len(c.students))
    late = [f"late{i}" for i in range(draw(st.integers(1, 3)))]
    groups = dict(c.groups)
    for sid in late:
        choice = draw(st.sampled_from(["alone", "late", "existing"]))
        if choice == "late":
            groups[sid] = "glate"
        elif choice == "existing" and groups:
            groups[sid] = draw(st.sampled_from(sorted(set(groups.values()))))
    pairs = assign("w01", c.students, c.groups, c.history, c.k).pairs
    in_file = sorted({s for pair in pairs for s in pair})      # add knows the students of the file only
    full = Klass(in_file + late, groups, c.k, c.history)
    return full, pairs, late


@FAST
@given(with_late(), st.integers(0, 99))
def test_add_keeps_pairs_gives_late_students_k_and_spreads_the_extra(case, seed):
    c, pairs, late = case
    plan = add_late("w01", pairs, late, c.groups, c.history, c.k, seed)
    assert rule_problems(plan.pairs, c) == []
    assert set(pairs) <= set(plan.pairs)                        # every existing pair kept
    gave, got = counts(plan.pairs, c.students)
    old_gave, old_got = counts(pairs, c.students)
    for x in late:                                              # as many as the group rule allows, up to k
        reachable = sum(1 for s in c.students if c.allowed(x, s))
        assert gave[x] == got[x] == min(c.k, reachable)
    # late students review each other as much as possible: that is what saves extra load
    caps = {x: c.k for x in late}
    among = sum(1 for r, a in plan.pairs if r in late and a in late)
    assert among == max_flow(late, late, c.allowed, caps, caps)
    existing = [s for s in c.students if s not in late]
    extra_out = [gave[s] - old_gave[s] for s in existing]
    extra_in = [got[s] - old_got[s] for s in existing]
    assert min(extra_out) >= 0 and min(extra_in) >= 0
    # the extra is spread: with room for it, nobody ends above k + 1 (or what they had before)
    biggest = max(Counter(c.group_of(s) for s in c.students).values())
    if sum(extra_out) <= len(existing) - biggest:
        assert max(gave[s] for s in existing) <= max([c.k + 1] + [old_gave[s] for s in existing])
    if sum(extra_in) <= len(existing) - biggest:
        assert max(got[s] for s in existing) <= max([c.k + 1] + [old_got[s] for s in existing])
    for s in existing:
        if gave[s] != c.k or got[s] != c.k:
            assert plan.reasons[s]


@FAST
@given(with_late(min_n=4), st.integers(0, 99))
def test_add_with_rebalance_keeps_everyone_at_k_by_splitting_pairs(case, seed):
    c, pairs, late = case
    caps = {s: c.k for s in c.students}
    assume(max_flow(c.students, c.students, c.allowed, caps, caps) == len(c.students) * c.k)
    assume(set(Counter(a for _, a in pairs).values()) == {c.k})
    plan = add_late("w01", pairs, late, c.groups, c.history, c.k, seed, rebalance=True)
    assert rule_problems(plan.pairs, c) == []
    result = set(plan.pairs)
    for r, a in set(pairs) - result:                # each changed pair now goes through late students
        assert any((r, x) in result for x in late) and any((y, a) in result for y in late)
    assert len([n for n in plan.notes if n.startswith("changed pair")]) == len(set(pairs) - result)
    gave, got = counts(plan.pairs, c.students)
    if set(gave.values()) != {c.k} or set(got.values()) != {c.k}:
        assert plan.reasons                          # never silent
    big_enough = len(pairs) >= 3 * c.k * len(late) and max(Counter(c.group_of(s) for s in c.students).values()) <= 2
    if big_enough:
        assert set(gave.values()) == set(got.values()) == {c.k}


def test_a_late_student_joins_a_class_of_four():
    students = ["a", "b", "c", "d"]
    pairs = assign("w01", students, {}, set(), 3).pairs
    assert len(pairs) == 12                                     # everyone reviews everyone
    plan = add_late("w01", pairs, ["x"], {}, set(), 3)
    gave, got = counts(plan.pairs, students + ["x"])
    assert gave["x"] == got["x"] == 3 and set(pairs) <= set(plan.pairs)
    assert sorted(gave.values()) == [3, 3, 4, 4, 4] and sorted(got.values()) == [3, 3, 4, 4, 4]
    assert all("late" in plan.reasons[s] for s in students if gave[s] == 4 or got[s] == 4)
    balanced = add_late("w01", pairs, ["x"], {}, set(), 3, rebalance=True)
    gave, got = counts(balanced.pairs, students + ["x"])
    assert set(gave.values()) == set(got.values()) == {3} and balanced.reasons == {}
    assert len(balanced.notes) == 3


def test_rebalance_with_late_students_sharing_a_group():
    # k=1: late1 and late2 may not review each other, so one split must run r->late2, late1->a
    students = [f"s{i}" for i in range(6)]
    pairs = assign("w01", students, {}, set(), 1).pairs
    groups = {"late1": "L", "late2": "L"}
    plan = add_late("w01", pairs, ["late0", "late1", "late2"], groups, set(), 1, rebalance=True)
    gave, got = counts(plan.pairs, students + ["late0", "late1", "late2"])
    assert set(gave.values()) == set(got.values()) == {1} and plan.reasons == {}
    assert ("late1", "late2") not in plan.pairs and ("late2", "late1") not in plan.pairs


def test_add_refuses_students_already_assigned_and_bad_k():
    pairs = assign("w01", ["a", "b", "c", "d"], {}, set(), 2).pairs
    with pytest.raises(CourseError, match="already in the assignment"):
        add_late("w01", pairs, ["a"], {}, set(), 2)
    with pytest.raises(CourseError, match="at least one reviewer"):
        add_late("w01", pairs, ["x"], {}, set(), 0)
    with pytest.raises(CourseError, match="larger than possible"):
        add_late("w01", pairs, ["x"], {}, set(), 9)


@st.composite
def with_dropouts(draw):
    c = draw(klasses(min_n=3, max_n=16, max_k=3, max_group=3))
    assume(any(c.allowed(r, a) for r in c.students for a in c.students) and c.k <= len(c.students))
    pairs = assign("w01", c.students, c.groups, c.history, c.k).pairs
    c.students = sorted({s for pair in pairs for s in pair})  # drop knows the students of the file only
    assume(len(c.students) >= 2)
    gone = draw(st.lists(st.sampled_from(c.students), min_size=1, max_size=min(3, len(c.students) - 1),
                         unique=True))
    return c, pairs, gone


@FAST
@given(with_dropouts(), st.booleans(), st.integers(0, 99))
def test_drop_keeps_other_pairs_and_finds_new_reviewers(case, remove, seed):
    c, pairs, gone = case
    plan = drop("w01", pairs, gone, c.groups, c.history, c.k, seed, remove_handins=remove)
    staying = [s for s in c.students if s not in gone]
    authors = staying if remove else c.students
    assert rule_problems(plan.pairs, c, reviewers=staying, authors=authors) == []
    untouched = {(r, a) for r, a in pairs if r not in gone and a not in gone}
    assert untouched <= set(plan.pairs)
    if not remove:                                   # pairs reviewing a dropped student's hand-in stay too
        assert {(r, a) for r, a in pairs if r not in gone} <= set(plan.pairs)
    gave, got = counts(plan.pairs, c.students)
    _, old_got = counts(pairs, c.students)
    for a in authors:                                # back to the old count wherever reviewers exist
        eligible = sum(1 for r in staying if c.allowed(r, a))
        assert got[a] == min(old_got[a], max(eligible, got[a]))
    # extra load spread: nobody above the smallest maximum load that serves as many hand-ins
    assert max(gave[s] for s in staying) <= least_max_load(c, pairs, gone, remove)
    for s in staying:
        if gave[s] != c.k or got[s] != c.k:
            assert plan.reasons.get(s), s


def least_max_load(c: Klass, pairs, gone, remove: bool) -> int:
    """Independently: the least L such that reviewers capped at L (or what they keep) restore as many lost
    reviews as unlimited reviewers could."""
    kept = {(r, a) for r, a in pairs if r not in gone and not (remove and a in gone)}
    staying = [s for s in c.students if s not in gone]
    kept_out = Counter(r for r, _ in kept)
    kept_in = Counter(a for _, a in kept)
    old_in = Counter(a for _, a in pairs)
    needy = [a for a in c.students if not (remove and a in gone) and old_in[a] > kept_in[a]]
    need = {a: old_in[a] - kept_in[a] for a in needy}

    def new_pair(r, a):
        return c.allowed(r, a) and (r, a) not in kept

    best = max_flow(staying, needy, new_pair, {r: len(needy) for r in staying}, need)
    for load in range(c.k, c.k + len(c.students) + 1):
        caps = {r: max(0, load - kept_out[r]) for r in staying}
        if max_flow(staying, needy, new_pair, caps, need) == best:
            return max([load] + [kept_out[r] for r in staying])
    raise AssertionError("unreachable")


def test_drop_refuses_unknown_students():
    pairs = assign("w01", ["a", "b", "c", "d"], {}, set(), 2).pairs
    with pytest.raises(CourseError, match="unknown student"):
        drop("w01", pairs, ["zz"], {}, set(), 2)
    with pytest.raises(CourseError, match="every student"):
        drop("w01", pairs, ["a", "b", "c", "d"], {}, set(), 2)
