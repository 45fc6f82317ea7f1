"""Reading and validating the peer-review CSV files, and writing outputs atomically.

Every reader raises `CourseError` with one line that says what is wrong and what to do.
"""
from __future__ import annotations

import csv
import io
import operator
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError

ASSIGNMENT_COLUMNS = ("lab", "reviewer_id", "author_id")

Pair = tuple[str, str]


@dataclass(frozen=True)
class AssignmentFile:
    """An assignment CSV as read: its lab and its rows as (line number, reviewer, author)."""
    path: Path
    lab: str
    rows: list[tuple[int, str, str]]

    def pairs(self) -> list[Pair]:
        """The pairs, refusing duplicates and self reviews (inputs to add and drop must be clean)."""
        seen: dict[Pair, int] = {}
        for line, reviewer, author in self.rows:
            if reviewer == author:
                raise CourseError(f"{self.path} line {line}: {reviewer} reviews themselves; "
                                  f"fix the file (dlcourse peer verify {self.path} lists every problem)")
            if (reviewer, author) in seen:
                raise CourseError(f"{self.path} lines {seen[reviewer, author]} and {line}: {reviewer} -> {author} "
                                  "appears twice; remove one")
            seen[reviewer, author] = line
        return list(seen)

    def students(self) -> set[str]:
        return {r for _, r, _ in self.rows} | {a for _, _, a in self.rows}


def _open(file: Path, what: str, required: tuple[str, ...]) -> str:
    if not file.is_file():
        raise CourseError(f"{what} file {file} not found; check the path")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CourseError(f"{what} file {file} is not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise CourseError(f"{what} file {file} is empty; it needs a header line with {', '.join(required)}")
    return text


def read_table(path: str | os.PathLike, columns: tuple[str, ...], what: str,
               filled: tuple[str, ...] | None = None, optional: tuple[str, ...] = ()
               ) -> tuple[list[int], list[tuple[str, ...]]]:
    """(line numbers, rows) of a CSV file, each row the stripped values of `columns` then `optional` columns.

    Checks that the file exists, is not empty and has the columns, and that the `filled` columns (default:
    all of `columns`) are not empty; blank lines are skipped. A missing optional column reads as ''.
    """
    file = Path(path)
    text = _open(file, what, columns)
    fast = None if optional or any(c in text for c in '" \t\r') else _plain_rows(text, columns)
    lines, rows = fast if fast is not None else _csv_rows(file, text, columns, what, optional)
    must = [i for i, c in enumerate(columns) if c in (columns if filled is None else filled)]
    maybe_empty = fast is None or ",," in text or ",\n" in text or "\n," in text or text.startswith(",")
    if maybe_empty and any("" in row for row in rows):
        for line, row in zip(lines, rows):
            for i in must:
                if not row[i]:
                    raise CourseError(f"{what} file {file} line {line}: empty {columns[i]}; fill it in or remove "
                                      "the line")
    return lines, rows


def _header_index(file: Path, header: list[str], columns: tuple[str, ...], what: str) -> list[int]:
    missing = [c for c in columns if c not in header]
    if missing:
        raise CourseError(f"{what} file {file} lacks column(s) {', '.join(missing)} (found: {', '.join(header)}); "
                          "add them to the header line")
    return [header.index(c) for c in columns]


def _plain_rows(text: str, columns: tuple[str, ...]):
    """Fast path for CSV without quotes, spaces, CR or blank lines: one row per line, every pass in C.
    None when the file is not that simple (the csv module then reads it)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    header = lines[0].split(",")
    if "" in lines or any(c not in header for c in columns):
        return None
    take = operator.itemgetter(*[header.index(c) for c in columns])
    cells = [line.split(",") for line in lines[1:]]
    if set(map(len, cells)) - {len(header)}:
        return None
    rows = list(map(take, cells)) if len(columns) > 1 else [(take(row),) for row in cells]
    return list(range(2, len(rows) + 2)), rows


def _csv_rows(file: Path, text: str, columns: tuple[str, ...], what: str, optional: tuple[str, ...]):
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader)]
    take = operator.itemgetter(*_header_index(file, header, columns, what))
    extra = [header.index(c) if c in header else None for c in optional]
    width = len(header)
    numbers, rows = [], []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        values = take(row)
        values = tuple(map(str.strip, values if len(columns) > 1 else (values,)))
        if extra:
            values += tuple("" if i is None else row[i].strip() for i in extra)
        numbers.append(reader.line_num)
        rows.append(values)
    return numbers, rows


def read_rows(path: str | os.PathLike, required: tuple[str, ...], what: str,
              filled: tuple[str, ...] | None = None, optional: tuple[str, ...] = ()
              ) -> list[tuple[int, dict[str, str]]]:
    """Like `read_table`, as (line number, {column: value}) for the required and optional columns."""
    names = required + optional
    lines, rows = read_table(path, required, what, filled, optional)
    return [(line, dict(zip(names, values))) for line, values in zip(lines, rows)]


def read_students(path: str | os.PathLike, what: str = "submitters") -> list[str]:
    """Student ids from a CSV with a student_id column; duplicates and an empty list are errors."""
    rows = read_rows(path, ("student_id",), what)
    seen: dict[str, int] = {}
    for line, row in rows:
        sid = row["student_id"]
        if sid in seen:
            raise CourseError(f"{what} file {path}: student {sid} appears twice (lines {seen[sid]} and {line}); "
                              "remove one")
        seen[sid] = line
    if not seen:
        raise CourseError(f"{what} file {path} lists no students; add one student_id per line")
    return list(seen)


def read_groups(path: str | os.PathLike) -> dict[str, str]:
    """student_id -> group from a CSV `student_id,group`; an empty group means the student works alone."""
    groups: dict[str, str] = {}
    lines: dict[str, int] = {}
    for line, row in read_rows(path, ("student_id", "group"), "groups", filled=("student_id",)):
        sid, group = row["student_id"], row.get("group", "")
        if sid in lines:
            if groups.get(sid, "") != group:
                raise CourseError(f"groups file {path}: student {sid} is in two groups ('{groups.get(sid, '')}' on "
                                  f"line {lines[sid]}, '{group}' on line {line}); keep one")
            raise CourseError(f"groups file {path}: student {sid} appears twice (lines {lines[sid]} and {line}); "
                              "remove one")
        lines[sid] = line
        if group:
            groups[sid] = group
    return groups


def read_assignment(path: str | os.PathLike) -> AssignmentFile:
    """An assignment CSV `lab,reviewer_id,author_id` holding one lab."""
    lines, rows = read_table(path, ASSIGNMENT_COLUMNS, "assignment")
    if not rows:
        raise CourseError(f"assignment file {path} has a header but no pairs; make one with dlcourse peer assign")
    labs = sorted({values[0] for values in rows})
    if len(labs) > 1:
        raise CourseError(f"assignment file {path} mixes labs ({', '.join(labs)}); keep one lab per file")
    return AssignmentFile(Path(path), labs[0], [(line, r, a) for line, (_, r, a) in zip(lines, rows)])


def read_history(folder: str | os.PathLike, skip_lab: str | None = None) -> set[Pair]:
    """Every reviewer->author pair in the earlier weeks' assignment files (*.csv) of a folder.

    Rows of `skip_lab` are left out, so re-running this week's assignment is not held against itself.
    """
    base = Path(folder)
    if not base.is_dir():
        raise CourseError(f"history folder {base} not found; give the folder holding earlier weeks' assignment CSVs")
    pairs: set[Pair] = set()
    for file in sorted(base.glob("*.csv")):
        _, rows = read_table(file, ASSIGNMENT_COLUMNS, "history")
        if skip_lab in {lab for lab, _, _ in rows}:
            rows = [row for row in rows if row[0] != skip_lab]
        pairs.update(map(operator.itemgetter(1, 2), rows))
    return pairs


def read_graded_students(class_folder: Path, lab: str) -> list[str]:
    """Students with a graded hand-in for `lab`: the rows of <class_dir>/grades.csv whose lab column is `lab`."""
    grades = class_folder / "grades.csv"
    if not grades.is_file():
        raise CourseError(f"no {grades}: grade the lab first (dlcourse grade) or give --submitters FILE")
    students = list(dict.fromkeys(row["student_id"] for _, row in read_rows(grades, ("student_id", "lab"), "grades")
                                  if row["lab"] == lab))
    if not students:
        raise CourseError(f"{grades} has no graded hand-in for lab {lab}; grade it first or give --submitters FILE")
    return students


def csv_text(header: tuple[str, ...] | list[str], rows) -> str:
    """CSV text with '\\n' line ends (the same bytes on every platform)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def assignment_text(lab: str, pairs) -> str:
    """The assignment file: `lab,reviewer_id,author_id`, sorted by reviewer then author."""
    return csv_text(ASSIGNMENT_COLUMNS, [(lab, r, a) for r, a in sorted(pairs)])
