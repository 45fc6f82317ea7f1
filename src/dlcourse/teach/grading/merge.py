"""Copying one lab's autograded submissions from one nbgrader gradebook into another (cluster shards).

Only what the autograder writes is copied: the student, the submission's timestamp, each grade's
automatic score and whether it awaits a human, each answer's automatic comment and the late penalty.
What a teacher entered in the target (manual scores and comments, extra credit, flags, extensions)
stays, as when nbgrader regrades a hand-in in place. Copying twice changes nothing.
"""
from __future__ import annotations

import warnings
from collections.abc import Collection

STUDENT_FIELDS = ("first_name", "last_name", "email", "lms_user_id")


def copy_submissions(src_url: str, dst_url: str, lab: str, course_id: str,
                     students: Collection[str] | None = None) -> list[str]:
    """Copy `lab`'s submissions (of `students` only, when given) from gradebook `src_url` into `dst_url`.

    The target must already know the lab (autograde.prepare). Returns the students copied, sorted.
    """
    from nbgrader.api import Gradebook, MissingEntry
    from sqlalchemy.exc import SAWarning

    copied = []
    with warnings.catch_warnings(), Gradebook(src_url, course_id) as src, Gradebook(dst_url, course_id) as dst:
        # nbgrader's add_submission trips SQLAlchemy 2's autoflush warnings; the rows are made all the same
        warnings.filterwarnings("ignore", ".*not in session", SAWarning)
        dst.find_assignment(lab)
        try:
            submissions = src.find_assignment(lab).submissions
        except MissingEntry:
            return []
        for sub in submissions:
            student = sub.student
            if students is not None and student.id not in students:
                continue
            known = {f: getattr(student, f) for f in STUDENT_FIELDS if getattr(student, f) is not None}
            dst.update_or_create_student(student.id, **known)
            dst.update_or_create_submission(lab, student.id, timestamp=sub.timestamp)
            for nb in sub.notebooks:
                _copy_notebook(nb, dst, lab, student.id)
            dst.db.commit()
            copied.append(student.id)
    return sorted(copied)


def _copy_notebook(nb, dst, lab: str, student: str) -> None:
    target = dst.find_submission_notebook(nb.name, lab, student)
    target.late_submission_penalty = nb.late_submission_penalty
    for grade in nb.grades:
        mine = dst.find_grade(grade.name, nb.name, lab, student)
        mine.auto_score = grade.auto_score
        # as nbgrader's SaveAutoGrades: a cell a teacher already graded by hand needs another look
        mine.needs_manual_grade = bool(grade.needs_manual_grade or mine.manual_score is not None)
    for comment in nb.comments:
        dst.find_comment(comment.name, nb.name, lab, student).auto_comment = comment.auto_comment


def submission_table(url: str, lab: str, course_id: str) -> dict[tuple[str, str], tuple]:
    """(student, cell) -> (auto score, manual score, needs a human) of every graded cell of `lab`: for comparisons."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(url, course_id) as gb:
        try:
            submissions = gb.find_assignment(lab).submissions
        except MissingEntry:
            return {}
        return {(sub.student.id, grade.name): (grade.auto_score, grade.manual_score, grade.needs_manual_grade)
                for sub in submissions for nb in sub.notebooks for grade in nb.grades}
