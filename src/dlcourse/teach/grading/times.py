"""Hand-in times: nbgrader's timestamp.txt (named zones included), platform stamps, zone-less clock times."""
from __future__ import annotations

import re
from datetime import datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import CourseError

_UTC_NAMES = {"UTC", "GMT", "Z", "UT"}
_NAMED_ZONE = re.compile(r"^(?P<when>.+?)\s+(?P<zone>[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+|UTC|GMT|Z|UT)$")
_DASHED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_ T](\d{2})[-:](\d{2})[-:](\d{2})$")
_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})[-_T]?(\d{2})(\d{2})(\d{2})$")


def zone(name: str | tzinfo | None) -> tzinfo:
    """The time zone named `name` (an IANA name such as 'Europe/Copenhagen'; None or 'UTC' for UTC)."""
    if name is None or isinstance(name, tzinfo):
        return name or timezone.utc
    if name.upper() in _UTC_NAMES:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CourseError(f"unknown time zone {name!r}: use an IANA name such as 'Europe/Copenhagen'") from None


def localize(naive: datetime, tz: str | tzinfo | None = "UTC") -> datetime:
    """A clock time without zone, read in `tz` (an aware time is returned unchanged)."""
    return naive if naive.tzinfo else naive.replace(tzinfo=zone(tz))


def parse_stamp(text: str, tz: str | tzinfo | None = "UTC") -> datetime | None:
    """nbgrader's timestamp.txt ('2026-09-14 21:03:00.000000 UTC', '2026-09-14 14:03:00 America/Los_Angeles'),
    ISO 8601 with or without offset, or platform forms ('2026-09-08-10-00-00'); zone-less times are read in
    `tz`. None when the text is no time."""
    text = (text or "").strip()
    if not text:
        return None
    first = text.splitlines()[0].strip()
    found = _NAMED_ZONE.match(first)
    where: tzinfo | None = None
    if found:
        try:
            where = zone(found["zone"])
            first = found["when"]
        except CourseError:
            where = None
    for pattern in (_DASHED, _DIGITS):
        hit = pattern.match(first)
        if hit:
            try:
                stamp = datetime(*(int(x) for x in hit.groups()))
            except ValueError:
                return None
            return localize(stamp, where or tz)
    from dateutil import parser

    try:
        stamp = parser.parse(first)
    except (ValueError, OverflowError):
        return None
    if where is not None:
        return stamp.replace(tzinfo=where) if stamp.tzinfo is None else stamp
    return localize(stamp, tz)


def write_stamp(when: datetime) -> str:
    """`when` as nbgrader writes timestamp.txt, in UTC: '2026-09-14 21:03:00.000000 UTC'."""
    return when.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
