"""The variants corpus graded through the real pipeline: no correct answer loses a point, every slip costs
exactly the cells it names (its own and those that directly use it), no more and no less.

One grading run per lab (all its variants as one class, in parallel). Guide: tests/variants/README.md.
"""
from __future__ import annotations

import pytest
from conftest import ROOT, lab_names
from helpers import grade_class
from variants import handin, labs_with_variants, load

from dlcourse.teach import notebooks
from dlcourse.teach.grading.autograde import cell_points

MIN_PER_KIND = 12
CASES = [(v.lab, v.name) for lab in labs_with_variants() for v in load(lab)]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """lab -> {variant name: Outcome}, grading each lab's variants once."""
    cache = {}

    def get(lab: str):
        if lab not in cache:
            release = notebooks.read(ROOT / "weeks" / lab / f"{lab}.ipynb")
            source = notebooks.read(ROOT / "labs" / lab / f"{lab}.ipynb")
            texts = {v.name: handin(v, release, source) for v in load(lab)}
            cache[lab] = grade_class(tmp_path_factory.mktemp(f"variants-{lab}"), lab, texts, ROOT)
        return cache[lab]
    return get


@pytest.mark.parametrize("lab", lab_names())
def test_every_lab_has_a_corpus(lab):
    variants = load(lab)
    correct = sum(v.kind == "correct" for v in variants)
    wrong = len(variants) - correct
    assert correct >= MIN_PER_KIND and wrong >= MIN_PER_KIND, (
        f"{lab}: {correct} correct and {wrong} wrong variants in tests/variants/{lab}/; "
        f"each lab needs at least {MIN_PER_KIND} of each")


@pytest.mark.notebooks
@pytest.mark.parametrize("lab, name", CASES)
def test_variant_earns_what_it_should(lab, name, graded):
    variant = next(v for v in load(lab) if v.name == name)
    outcome = graded(lab)[name]
    auto, _ = cell_points(notebooks.read(ROOT / "labs" / lab / f"{lab}.ipynb"))
    assert outcome.status == "graded", f"{lab}/{name} could not be graded: {outcome.status}: {outcome.message}"
    unknown = sorted(set(variant.loses) - set(auto))
    assert not unknown, f"{lab}/{name}: '# loses:' names {unknown}, which are not autograded test cells"
    lost = {c: f"{outcome.cells.get(c)}/{p:g}" for c, p in auto.items() if (outcome.cells.get(c) or 0) < p}
    if variant.kind == "correct":
        assert not lost, f"{lab}/{name} is a correct answer ({variant.why}) but loses points on {lost}"
    else:
        kept = [c for c in variant.loses if c not in lost]
        assert not kept, f"{lab}/{name} is a slip ({variant.why}) but keeps full points on {kept}"
        extra = {c: v for c, v in lost.items() if c not in variant.loses}
        assert not extra, (f"{lab}/{name} ({variant.why}) costs more than the cells it names "
                           f"({', '.join(variant.loses)}): also {extra}")
