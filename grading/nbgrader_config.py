"""nbgrader configuration for teachers who run `nbgrader` by hand from grading/.

`dlcourse` writes the same settings itself for every run; both come from dlcourse.teach.grading.nbconfig.
"""
from pathlib import Path

from dlcourse.teach.grading.nbconfig import settings

here = Path(__file__).resolve().parent
c = get_config()  # noqa: F821
for section, traits in settings(labs=here.parent / "labs", root=here / "class", release=here.parent / "weeks",
                                db_url=f"sqlite:///{here / 'class' / 'gradebook.db'}").items():
    for trait, value in traits.items():
        setattr(getattr(c, section), trait, value)
