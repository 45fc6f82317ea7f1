"""The teacher's side: the `dlcourse` command (release, grade, feedback, status, report, peer, projects, doctor).

Nothing here is imported by a notebook; the student helpers live one level up (dlcourse.checks, dlcourse.data, ...).
"""
