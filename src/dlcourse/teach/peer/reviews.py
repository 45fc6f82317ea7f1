"""Completed peer reviews: validating an import and counting who has done their reviews.

Stored as `<class_dir>/reviews/<lab>.csv` with the columns reviewer_id,author_id,score.
"""
from __future__ import annotations

import math
from pathlib import Path

from ..errors import CourseError
from .model import AssignmentFile, csv_text, read_rows

REVIEW_COLUMNS = ("reviewer_id", "author_id", "score")
REVIEWS = "reviews"


def reviews_file(class_folder: Path, lab: str) -> Path:
    return Path(class_folder) / REVIEWS / f"{lab}.csv"


def read_completed(path: str | Path, lab: str, assignment: AssignmentFile | None = None) -> list[tuple[str, str, str]]:
    """The rows of a completed-reviews CSV (reviewer_id, author_id, optional score), validated.

    Self reviews, duplicate pairs and non-numeric scores are errors; with an assignment, so is any pair that
    was not assigned, or an assignment for another lab.
    """
    rows = read_rows(path, ("reviewer_id", "author_id"), "reviews", optional=("score",))
    if not rows:
        raise CourseError(f"reviews file {path} has a header but no reviews; export the completed reviews again")
    if assignment is not None and assignment.lab != lab:
        raise CourseError(f"assignment file {assignment.path} is for lab {assignment.lab}, not {lab}; "
                          "give the assignment of this lab")
    assigned = {(r, a) for _, r, a in assignment.rows} if assignment is not None else None
    seen: dict[tuple[str, str], int] = {}
    result = []
    stray = []
    for line, row in rows:
        r, a, score = row["reviewer_id"], row["author_id"], row.get("score", "")
        if r == a:
            raise CourseError(f"reviews file {path} line {line}: {r} reviewed their own hand-in; remove the line")
        if (r, a) in seen:
            raise CourseError(f"reviews file {path} lines {seen[r, a]} and {line}: {r} reviewed {a} twice; "
                              "keep one line")
        seen[r, a] = line
        if score:
            try:
                value = float(score)
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                raise CourseError(f"reviews file {path} line {line}: score '{score}' is not a number; "
                                  "use a number or leave it empty")
        if assigned is not None and (r, a) not in assigned:
            stray.append(f"{r} -> {a} (line {line})")
        result.append((r, a, score))
    if stray:
        raise CourseError(f"{len(stray)} review(s) in {path} were not assigned in {assignment.path}: "
                          f"{', '.join(stray[:5])}{' ...' if len(stray) > 5 else ''}; check the lab and the files")
    return sorted(result)


def reviews_text(rows) -> str:
    return csv_text(REVIEW_COLUMNS, rows)


def reviews_done(class_dir: Path) -> dict[tuple[str, str], int]:
    """(student_id, lab) -> how many distinct hand-ins that student has reviewed, from <class_dir>/reviews/*.csv.

    Reads only; a missing reviews folder means no reviews yet. A lab is the file name without .csv.
    """
    folder = Path(class_dir) / REVIEWS
    done: dict[tuple[str, str], set[str]] = {}
    if not folder.is_dir():
        return {}
    for file in sorted(folder.glob("*.csv")):
        lab = file.stem
        for _, row in read_rows(file, ("reviewer_id", "author_id"), "stored reviews"):
            if row["reviewer_id"] != row["author_id"]:
                done.setdefault((row["reviewer_id"], lab), set()).add(row["author_id"])
    return {key: len(authors) for key, authors in sorted(done.items())}


def missing_reviews(assignment: AssignmentFile, rows) -> dict[str, int]:
    """reviewer -> assigned reviews not in `rows` (only reviewers with something missing)."""
    done = {(r, a) for r, a, _ in rows}
    missing: dict[str, int] = {}
    for _, r, a in assignment.rows:
        if (r, a) not in done:
            missing[r] = missing.get(r, 0) + 1
    return dict(sorted(missing.items()))
