"""Roster matching: which roster student a platform's name, user number, username or e-mail belongs to.

Every column a teacher has counts: student_id, name (accents, hyphens, any order of names, run-together
'lastnamefirstname' forms), email and its local part, and platform id columns (moodle_id, canvas_id,
blackboard_username, brightspace_id, ...). A match that fits several students is never guessed.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

NAME_COLUMNS = ("name", "full_name", "fullname")
FIRST_LAST = (("first_name", "last_name"), ("firstname", "lastname"), ("given_name", "family_name"),
              ("first_name", "surname"))
_FOLD = str.maketrans({"ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                       "ı": "i"})
_ID_COLUMN = re.compile(r"(_id|_username|_user|_login|username|login)$")


def fold(text: str) -> str:
    """Lower case, accents and special letters spelled plainly: 'Østergård-Núñez' -> 'ostergard-nunez'."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_FOLD)


def name_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^0-9a-z]+", fold(text)) if t]


@dataclass
class Match:
    """The student found (student_id), or none; candidates when several fit; how it was matched."""

    student_id: str | None
    how: str = ""
    candidates: list[str] = field(default_factory=list)

    @property
    def ambiguous(self) -> bool:
        return self.student_id is None and len(self.candidates) > 1


def _add(index: dict[str, set[str]], key: str, sid: str) -> None:
    if key:
        index.setdefault(key, set()).add(sid)


class Roster:
    """Indexes of a roster ({student_id: row}) for matching."""

    def __init__(self, rows: dict[str, dict]):
        self.rows = rows
        self.ids: dict[str, set[str]] = {}                  # student_id
        self.platform: dict[str, dict[str, set[str]]] = {}  # column -> value -> students
        self.emails: dict[str, set[str]] = {}
        self.locals: dict[str, set[str]] = {}
        self.full: dict[str, set[str]] = {}                 # sorted tokens / run-together forms of the whole name
        self.part: dict[str, set[str]] = {}                 # the same for two or more of the names
        for sid, row in rows.items():
            _add(self.ids, sid.casefold(), sid)
            for col, value in row.items():
                if col and col != "student_id" and value and _ID_COLUMN.search(col.casefold()):
                    _add(self.platform.setdefault(col.casefold(), {}), value.strip().casefold(), sid)
            email = (row.get("email") or row.get("e-mail") or "").strip().casefold()
            if email:
                _add(self.emails, email, sid)
                _add(self.locals, email.split("@")[0], sid)
            for name in self.names_of(row):
                tokens = name_tokens(name)[:6]
                self._index_name(tokens, sid)

    @staticmethod
    def names_of(row: dict) -> list[str]:
        names = [row[c] for c in NAME_COLUMNS if row.get(c)]
        names += [f"{row[a]} {row[b]}" for a, b in FIRST_LAST if row.get(a) and row.get(b)]
        return names

    def _index_name(self, tokens: list[str], sid: str) -> None:
        if not tokens:
            return
        _add(self.full, " ".join(sorted(tokens)), sid)
        for perm in itertools.permutations(tokens):
            _add(self.full, "".join(perm), sid)
        if len(tokens) > 2:
            for k in range(2, len(tokens)):
                for sub in itertools.combinations(tokens, k):
                    _add(self.part, " ".join(sorted(sub)), sid)
                    for perm in itertools.permutations(sub):
                        _add(self.part, "".join(perm), sid)

    def name(self, sid: str) -> str:
        row = self.rows.get(sid) or {}
        names = self.names_of(row)
        return names[0] if names else ""

    def label(self, sid: str) -> str:
        name = self.name(sid)
        return f"{sid} ({name})" if name else sid

    # -- matching -------------------------------------------------------------------------------------
    def _decide(self, hits: set[str], how: str) -> Match | None:
        if len(hits) == 1:
            return Match(next(iter(hits)), how)
        if len(hits) > 1:
            return Match(None, how, sorted(hits))
        return None

    def by_id(self, value: str, platform: str | None = None) -> Match | None:
        """A user number or username: the platform's own columns first, then student ids, e-mails."""
        value = (value or "").strip().casefold()
        if not value:
            return None
        if platform:
            for col, index in self.platform.items():
                if platform in col and value in index:
                    return self._decide(index[value], col)
            if platform in ("canvas", "moodle", "brightspace"):  # their numbers are no university ids
                return None
        for how, index in (("student_id", self.ids), ("email", self.emails), ("email", self.locals)):
            if value in index:
                return self._decide(index[value], how)
        hits = {s for col, index in self.platform.items() if value in index for s in index[value]}
        return self._decide(hits, "platform id")

    def by_name(self, text: str) -> Match | None:
        tokens = name_tokens(text)
        if not tokens:
            return None
        keys = [" ".join(sorted(tokens)), "".join(tokens)]
        for how, index in (("name", self.full), ("part of the name", self.part)):
            hits = set().union(*(index.get(k, set()) for k in keys))
            if hits:
                return self._decide(hits, how)
        return None

    def match(self, *, ids: list[tuple[str | None, str]] = (), name: str = "", free: str = "") -> Match:
        """The student of a hand-in: `ids` as (platform or None, value) tried first, then the `name`, then
        `free` text (a folder or file name) as an id, an e-mail, a name, or roster ids among its words."""
        for platform, value in ids:
            found = self.by_id(value, platform)
            if found:
                return found
        if name:
            found = self.by_name(name)
            if found:
                return found
        if free:
            found = self.by_id(free) or self.by_name(free)
            if found:
                return found
            words = [w for w in re.split(r"[\s_\-.()\[\],]+", free) if w]
            hits = {s for w in words for s in self.ids.get(w.casefold(), ())}
            hits |= {s for w in words for s in self.emails.get(w.casefold(), set()) | self.locals.get(w.casefold(), set())}
            if not hits:
                low = free.casefold()
                hits = {s for s in self.rows if len(s) >= 4 and s.casefold() in low}
            found = self._decide(hits, "student_id in the name")
            if found:
                return found
        return Match(None)
