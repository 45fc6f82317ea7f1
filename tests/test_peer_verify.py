"""`verify`: accepts what assign makes, and catches every kind of broken file."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dlcourse.teach.peer.assign import add_late, assign, drop
from dlcourse.teach.peer.check import verify
from dlcourse.teach.peer.model import AssignmentFile
from peer_strategies import klasses

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_file(pairs, lab="w01") -> AssignmentFile:
    return AssignmentFile(Path("test.csv"), lab, [(i + 2, r, a) for i, (r, a) in enumerate(pairs)])


def usable(c) -> bool:
    return c.k <= len(c.students) and any(c.allowed(r, a) for r in c.students for a in c.students)


@FAST
@given(klasses(min_n=2))
def test_verify_accepts_every_assignment_assign_makes(c):
    assume(usable(c))
    plan = assign("w01", c.students, c.groups, c.history, c.k)
    assume(plan.pairs)
    verdict = verify(as_file(plan.pairs), c.groups, c.history, c.k)
    assert verdict.violations == []
    in_file = {s for pair in plan.pairs for s in pair}
    if set(plan.reasons) & in_file:       # unavoidable shortfalls are noted, not failed
        assert verdict.notes


@FAST
@given(klasses(min_n=6, max_n=14, max_k=3, max_group=2), st.data())
def test_verify_catches_each_broken_rule(c, data):
    assume(usable(c))
    plan = assign("w01", c.students, c.groups, c.history, c.k)
    pairs = list(plan.pairs)
    assume(not plan.reasons)              # a class where everyone gets exactly k
    i = data.draw(st.integers(0, len(pairs) - 1))
    r, a = pairs[i]
    broken = {
        "missing": pairs[:i] + pairs[i + 1:],
        "duplicate": pairs + [pairs[i]],
        "self": pairs[:i] + [(r, r)] + pairs[i + 1:],
    }
    mates = [s for s in c.students if s != r and c.groups.get(s) is not None and c.groups.get(s) == c.groups.get(r)
             and (r, s) not in pairs]
    if mates:
        broken["group"] = pairs[:i] + [(r, mates[0])] + pairs[i + 1:]
    for name, bad in broken.items():
        verdict = verify(as_file(bad), c.groups, c.history, c.k)
        assert verdict.violations, name


def test_verify_flags_an_avoidable_repeat_and_reciprocal_pair():
    students = [f"s{i:02d}" for i in range(12)]
    plan = assign("w01", students, {}, set(), 2)
    assert verify(as_file(plan.pairs), {}, set(), 2).violations == []
    history = {plan.pairs[0]}
    lines = verify(as_file(plan.pairs), {}, history, 2).violations
    assert len(lines) == 1 and "earlier week" in lines[0] and "avoidable" in lines[0]
    # a circulant i -> i+1, i+11 (= i-1) makes every neighbour pair reciprocal
    circle = [(students[i], students[(i + d) % 12]) for i in range(12) for d in (1, 11)]
    lines = verify(as_file(circle), {}, set(), 2).violations
    assert len(lines) == 12 and all("review each other" in line for line in lines)


def test_verify_notes_unavoidable_shortfalls_of_three_students_with_k_3():
    plan = assign("w01", ["a", "b", "c"], {}, set(), 3)
    verdict = verify(as_file(plan.pairs), {}, set(), 3)
    assert verdict.violations == []
    assert any("unavoidable" in note for note in verdict.notes)
    uneven = [("a", "b"), ("b", "a"), ("c", "a")]         # fewer than the 6 possible
    assert verify(as_file(uneven), {}, set(), 3).violations


def test_verify_of_add_and_drop_results_with_their_options():
    students = [f"s{i:02d}" for i in range(10)]
    base = assign("w01", students, {}, set(), 3).pairs
    added = add_late("w01", base, ["x"], {}, set(), 3).pairs
    assert verify(as_file(added), {}, set(), 3).violations                     # 3 extra reviews: not k
    assert verify(as_file(added), {}, set(), 3, allow_extra=True, kept=set(base)).violations == []
    dropped = drop("w01", base, ["s00"], {}, set(), 3).pairs
    assert verify(as_file(dropped), {}, set(), 3, dropped=["s00"], allow_extra=True, kept=set(base)).violations == []
    still_reviewing = dropped + [("s00", "s01")] if ("s00", "s01") not in dropped else dropped + [("s00", "s02")]
    lines = verify(as_file(still_reviewing), {}, set(), 3, dropped=["s00"], allow_extra=True).violations
    assert any("dropped out but still reviews" in line for line in lines)
