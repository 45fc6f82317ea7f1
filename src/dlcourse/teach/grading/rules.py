"""The course rules (grading/course.toml): pass thresholds, deadlines, reviews, project access."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..errors import CourseError

LATE_POLICIES = ("flag", "zero", "per_day")  # per_day: late_penalty_per_day of the score per started day


@dataclass(frozen=True)
class LabRule:
    pass_fraction: float = 0.5
    deadline: datetime | None = None


@dataclass(frozen=True)
class Rules:
    labs: dict[str, LabRule] = field(default_factory=dict)
    default: LabRule = LabRule()
    reviews_required: int = 3
    reviews_count_for_pass: bool = False
    labs_for_project: int = 6
    late_policy: str = "flag"
    late_penalty_per_day: float = 0.0

    def lab(self, name: str) -> LabRule:
        return self.labs.get(name, self.default)


def _deadline(value, where: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    raise CourseError(f"{where}: deadline must be a TOML date-time like 2026-09-14T23:59:00+02:00")


def _fraction(value, where: str) -> float:
    if not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise CourseError(f"{where}: pass_fraction must be a number from 0 to 1, got {value!r}")
    return float(value)


def parse_rules(data: dict, lab_names: list[str]) -> Rules:
    """Rules from the parsed TOML; unknown labs and bad values are one-line CourseErrors."""
    r = data.get("rules", {})
    default = LabRule(_fraction(r.get("pass_fraction", 0.5), "[rules]"), _deadline(r.get("deadline"), "[rules]"))
    labs = {}
    for name, table in data.get("labs", {}).items():
        if name not in lab_names:
            raise CourseError(f"course.toml names lab '{name}', which is not in labs/: choose one of {', '.join(lab_names)}")
        labs[name] = LabRule(_fraction(table.get("pass_fraction", default.pass_fraction), f"[labs.{name}]"),
                             _deadline(table.get("deadline"), f"[labs.{name}]"))
    policy = r.get("late_policy", "flag")
    if policy not in LATE_POLICIES:
        raise CourseError(f"[rules] late_policy must be one of {', '.join(LATE_POLICIES)}, got {policy!r}")
    need = r.get("labs_for_project", 6)
    if not isinstance(need, int) or need < 0:
        raise CourseError(f"[rules] labs_for_project must be a whole number, got {need!r}")
    reviews = r.get("reviews_required", 3)
    if not isinstance(reviews, int) or reviews < 0:
        raise CourseError(f"[rules] reviews_required must be a whole number, got {reviews!r}")
    per_day = r.get("late_penalty_per_day", 0.1 if policy == "per_day" else 0.0)
    if not isinstance(per_day, (int, float)) or not 0 <= per_day <= 1:
        raise CourseError(f"[rules] late_penalty_per_day must be a share from 0 to 1, got {per_day!r}")
    return Rules(labs, default, reviews, bool(r.get("reviews_count_for_pass", False)), need, policy, float(per_day))
