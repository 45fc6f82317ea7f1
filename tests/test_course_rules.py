"""Course rules, status, report and feedback on a graded tiny class."""
from __future__ import annotations

import csv
from datetime import datetime, timezone
from pathlib import Path

import pytest
from helpers import solved_with
from tiny_course import LAB

from dlcourse.teach.cli import main
from dlcourse.teach.errors import CourseError
from dlcourse.teach.grading.autograde import Outcome
from dlcourse.teach.grading.rules import parse_rules
from dlcourse.teach.grading.tables import judge


def outcome(score, submitted="2026-09-14 20:00:00.000000 UTC", lab="w02"):
    return Outcome("s1", lab, "graded", score, 10.0, submitted_at=submitted)


def test_rules_pass_late_and_reviews():
    rules = parse_rules({"rules": {"pass_fraction": 0.6, "late_policy": "zero", "reviews_count_for_pass": True,
                                   "reviews_required": 3},
                         "labs": {"w02": {"deadline": datetime(2026, 9, 14, 23, 59, tzinfo=timezone.utc)}}}, ["w02"])
    assert judge(outcome(6), rules, reviews=3).passed
    assert not judge(outcome(5.9), rules, reviews=3).passed
    assert not judge(outcome(10), rules, reviews=2).passed, "reviews count for passing here"
    late = judge(outcome(10, "2026-09-15 08:00:00.000000 UTC"), rules, reviews=3)
    assert late.late and late.score == 0 and not late.passed


def test_late_penalty_per_day_and_lateness_in_time():
    rules = parse_rules({"rules": {"late_policy": "per_day", "late_penalty_per_day": 0.25},
                         "labs": {"w02": {"deadline": datetime(2026, 9, 14, 23, 59, tzinfo=timezone.utc)}}}, ["w02"])
    on_time = judge(outcome(8, "2026-09-14 23:00:00.000000 UTC"), rules)
    assert not on_time.late and on_time.score == 8
    two_days = judge(outcome(8, "2026-09-16 08:00:00.000000 UTC"), rules)  # 32 h late: two started days
    assert two_days.late and round(two_days.late_by.total_seconds() / 3600) == 32 and two_days.score == 4


@pytest.mark.parametrize("data, words", [
    ({"rules": {"pass_fraction": 2}}, "from 0 to 1"),
    ({"rules": {"late_policy": "maybe"}}, "late_policy"),
    ({"rules": {"late_policy": "per_day", "late_penalty_per_day": 2}}, "late_penalty_per_day"),
    ({"labs": {"w09": {}}}, "not in labs/"),
    ({"labs": {"w02": {"deadline": "monday"}}}, "TOML date-time"),
])
def test_bad_rules_are_one_line_errors(data, words):
    with pytest.raises(CourseError, match=words):
        parse_rules(data, ["w02"])


@pytest.fixture
def graded_class(tiny):
    box = tiny.parent / "export"
    for student, text in (("ann", solved_with(tiny)), ("bo", solved_with(tiny).replace("return a + b", "return 0")),
                          ("cy", "{broken")):
        (box / student).mkdir(parents=True)
        (box / student / "lab.ipynb").write_text(text)
    (tiny / "grading" / "class").mkdir(parents=True)
    (tiny / "grading" / "class" / "roster.csv").write_text("student_id,name\nann,Ann\nbo,Bo\ncy,Cy\ndee,Dee\n")
    assert main(["grade", LAB, "--from", str(box), "--workers", "2"]) == 0
    return tiny / "grading" / "class"


def test_status_report_and_feedback(graded_class, tiny, capsys):
    reviews = tiny / "done.csv"
    reviews.write_text("reviewer_id,author_id\nann,bo\nann,cy\nbo,ann\n")
    assert main(["peer", "import", LAB, str(reviews)]) == 0
    assert main(["status"]) == 0
    with (graded_class / "status.csv").open() as fh:
        status = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert set(status) == {"ann", "bo", "cy", "dee"}, "the roster's students without hand-in are listed too"
    assert status["ann"][LAB] == "true" and status["bo"][LAB] == "true" and status["cy"][LAB] == "false"
    assert (status["ann"]["reviews_done"], status["bo"]["reviews_done"], status["dee"]["reviews_done"]) == ("2", "1", "0")
    assert status["ann"]["labs_passed"] == "1" and status["ann"]["project_eligible"] == "false"

    assert main(["report"]) == 0
    page = (graded_class / "report.html").read_text()
    assert page.count("data:image/png;base64,") == 4
    assert "cy" in page and "corrupt" in page and "dee" in page and "no hand-in" not in page.split("Needs")[0]
    assert "<td>dee</td><td>Dee</td><td>0 of 1</td>" in page, "every roster student, with the name, is in the report"

    assert main(["feedback", LAB]) == 0
    pages = sorted(p.parts[-3] for p in Path(graded_class / "feedback").glob(f"*/{LAB}/*.html"))
    assert pages == ["ann", "bo"], "one feedback page per graded hand-in"
    bo = next(Path(graded_class / "feedback").glob(f"bo/{LAB}/*.html")).read_text()
    assert "add(-1, 1)" not in bo and "BEGIN HIDDEN TESTS" not in bo, "feedback shows the hidden tests' code"
    assert "hidden tests ran here" in bo and "add(1, 2) should be 3" in bo, "the failure message stays"
