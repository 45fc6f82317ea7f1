"""A PostgreSQL gradebook: nbgrader makes its tables there, parallel graders write at once, scores match SQLite."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from helpers import read_grades, solved_with
from tiny_course import LAB

from dlcourse.teach.cli import main
from dlcourse.teach.classfolder import default_db_url, with_driver
from dlcourse.teach.grading.merge import submission_table

COURSE = "dlcourse"


def two_handins(root: Path) -> Path:
    box = root.parent / "export"
    for name, text in {"good": solved_with(root),
                       "partial": solved_with(root).replace("return a + b", "return a - b")}.items():
        (box / name).mkdir(parents=True)
        (box / name / "lab.ipynb").write_text(text)
    return box


@pytest.mark.services
def test_postgres_gradebook_matches_sqlite(tiny, pg_url, tmp_path):
    from sqlalchemy import create_engine, inspect, text

    inbox = two_handins(tiny)
    local = tmp_path / "sqlite-class"
    assert main(["grade", LAB, "--from", str(inbox), "--class-dir", str(local), "--workers", "2"]) == 0
    assert main(["grade", LAB, "--from", str(inbox), "--db", pg_url, "--workers", "2"]) == 0

    class_dir = tiny / "grading" / "class"
    assert not (class_dir / "gradebook.db").exists(), "grades went to SQLite, not PostgreSQL"
    assert read_grades(class_dir) == read_grades(local)
    assert read_grades(class_dir)["good"]["score"] == "3" and read_grades(class_dir)["partial"]["score"] == "2"
    in_postgres = submission_table(with_driver(pg_url), LAB, COURSE)
    assert in_postgres == submission_table(default_db_url(local), LAB, COURSE)
    assert in_postgres[("partial", "test_add")][0] == 0 and in_postgres[("good", "test_add")][0] == 1

    engine = create_engine(with_driver(pg_url))  # the rows really are in PostgreSQL
    try:
        assert engine.dialect.name == "postgresql"
        assert {"assignment", "submitted_assignment", "grade", "comment"} <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            students = conn.execute(text("SELECT student.id FROM submitted_assignment "
                                         "JOIN student ON student.id = submitted_assignment.student_id "
                                         "ORDER BY student.id")).scalars().all()
    finally:
        engine.dispose()
    assert students == ["good", "partial"]


def test_sqlite_only_settings_stay_out_of_postgres_urls(tmp_path):
    """The busy timeout belongs to the SQLite default only; a PostgreSQL URL only gets the driver installed here."""
    from sqlalchemy.engine import make_url

    from dlcourse.teach.grading.autograde import Lab

    lab = Lab(tmp_path, LAB, tmp_path / "class", db_url="postgresql://u@127.0.0.1:5/db")
    driver = make_url(lab.db_url).get_dialect().driver
    assert importlib.util.find_spec(driver), f"{lab.db_url} needs {driver}, which is not installed"
    assert make_url(lab.db_url).host == "127.0.0.1" and make_url(lab.db_url).database == "db"
    assert lab.nbgrader_settings()["CourseDirectory"]["db_url"] == lab.db_url
    assert default_db_url(tmp_path).endswith("?timeout=120") and default_db_url(tmp_path).startswith("sqlite:///")
