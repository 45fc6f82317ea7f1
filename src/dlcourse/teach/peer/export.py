"""One message per reviewer: the hand-ins to review, as CSV rows, Markdown sections or e-mail files."""
from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP

from ..errors import CourseError
from .model import AssignmentFile, csv_text, read_rows

FORMATS = ("csv", "markdown", "email")


@dataclass(frozen=True)
class Person:
    student_id: str
    name: str = ""
    email: str = ""

    def label(self) -> str:
        return f"{self.name} ({self.student_id})" if self.name else self.student_id


@dataclass(frozen=True)
class Message:
    reviewer: Person
    lab: str
    items: list[str]          # what to review: names, ids or anonymous codes

    def subject(self) -> str:
        return f"Peer review for {self.lab}: {len(self.items)} hand-in(s) to review"

    def body(self) -> str:
        greeting = f"Hello {self.reviewer.name or self.reviewer.student_id},"
        lines = [greeting, "", f"please review these hand-ins for {self.lab}:", ""]
        lines += [f"- {item}" for item in self.items]
        lines += ["", "Your lab counts as passed once your reviews are in.", ""]
        return "\n".join(lines)


def read_roster(path) -> dict[str, Person]:
    """student_id -> Person from a roster CSV `student_id,name,email[,group]`."""
    people: dict[str, Person] = {}
    for line, row in read_rows(path, ("student_id", "name", "email"), "roster", filled=("student_id",)):
        sid = row["student_id"]
        if sid in people:
            raise CourseError(f"roster file {path}: student {sid} appears twice (line {line}); remove one")
        people[sid] = Person(sid, row["name"], row["email"])
    return people


def anonymous_code(lab: str, author: str, salt: str = "", length: int = 8) -> str:
    """A stable code for a hand-in: a keyed hash of lab and author id (the same every time, no identity)."""
    digest = hmac.new(salt.encode(), f"{lab}\0{author}".encode(), hashlib.sha256).hexdigest()
    return "H" + digest[:length].upper()


def anonymous_codes(lab: str, authors, salt: str = "") -> dict[str, str]:
    """Codes for every author, lengthened for all if two would collide."""
    authors = sorted(set(authors))
    for length in (8, 12, 16, 32, 64):
        codes = {a: anonymous_code(lab, a, salt, length) for a in authors}
        if len(set(codes.values())) == len(codes):
            return codes
    raise CourseError("anonymous codes collide; give another --salt")


def messages(file: AssignmentFile, roster: dict[str, Person] | None, anonymous: bool, salt: str = "") -> list[Message]:
    """The messages, one per reviewer in id order, authors in id order (codes sorted when anonymous)."""
    pairs = file.pairs()
    if roster is not None:
        unknown = sorted({sid for pair in pairs for sid in pair} - set(roster))
        if unknown:
            raise CourseError(f"student(s) {', '.join(unknown[:5])} of {file.path} are not in the roster; "
                              "add them to the roster file")
    codes = anonymous_codes(file.lab, [a for _, a in pairs], salt) if anonymous else {}
    by_reviewer: dict[str, list[str]] = {}
    for r, a in pairs:
        by_reviewer.setdefault(r, []).append(a)
    result = []
    for r in sorted(by_reviewer):
        person = roster[r] if roster is not None else Person(r)
        if anonymous:
            items = sorted(f"hand-in {codes[a]}" for a in by_reviewer[r])
        else:
            items = [(roster[a] if roster is not None else Person(a)).label() for a in sorted(by_reviewer[r])]
        result.append(Message(person, file.lab, items))
    return result


def as_csv(msgs: list[Message]) -> str:
    rows = [(m.reviewer.student_id, m.reviewer.name, m.reviewer.email, m.lab, len(m.items), "; ".join(m.items))
            for m in msgs]
    return csv_text(("reviewer_id", "name", "email", "lab", "count", "to_review"), rows)


def as_markdown(msgs: list[Message]) -> str:
    lab = msgs[0].lab if msgs else ""
    lines = [f"# Peer review: {lab}", ""]
    for m in msgs:
        lines += [f"## {m.reviewer.label()}", ""] + [f"- {item}" for item in m.items] + [""]
    return "\n".join(lines)


def as_emails(msgs: list[Message]) -> dict[str, str]:
    """File name -> RFC 5322 message text (no Date header, so the same input gives the same bytes)."""
    files = {}
    for m in msgs:
        if not m.reviewer.email:
            raise CourseError(f"no e-mail address for {m.reviewer.student_id}; e-mails need --roster with an email "
                              "column filled in")
        mail = EmailMessage(policy=SMTP.clone(linesep="\n"))
        mail["To"] = f"{m.reviewer.name} <{m.reviewer.email}>" if m.reviewer.name else m.reviewer.email
        mail["Subject"] = m.subject()
        mail.set_content(m.body())
        name = re.sub(r"[^A-Za-z0-9._-]", "_", m.reviewer.student_id).lstrip(".") or "_"
        if f"{name}.eml" in files:
            raise CourseError(f"student ids {m.reviewer.student_id} and another one give the same file name "
                              f"{name}.eml; use csv or markdown instead")
        files[f"{name}.eml"] = mail.as_string()
    return files
