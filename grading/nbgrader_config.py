"""nbgrader configuration for teachers who run `nbgrader` (or the formgrader) by hand from grading/.

Built from the same objects `dlcourse` uses (grading/course.toml, the class folder, DLCOURSE_CLASS and
DLCOURSE_DB), so the formgrader always opens the gradebook that `dlcourse` wrote.
"""
from pathlib import Path

from dlcourse.teach.classfolder import ClassFolder
from dlcourse.teach.course import Course
from dlcourse.teach.grading.nbconfig import settings

course = Course.load(Path(__file__).resolve().parent.parent)
folder = ClassFolder.open(course)
c = get_config()  # noqa: F821
for section, traits in settings(labs=course.root / "labs", root=folder.path, release=folder.release,
                                db_url=folder.db_url).items():
    for trait, value in traits.items():
        setattr(getattr(c, section), trait, value)
