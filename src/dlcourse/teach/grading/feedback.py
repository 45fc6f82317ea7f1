"""Feedback pages without the hidden tests: students see their score and each failure message, not the code
that checked them (for week 1 that code holds the exact answers)."""
from __future__ import annotations

HIDDEN_NOTE = "# (hidden tests ran here; their code is not shown)"


def strip_hidden(source: str) -> str:
    """`source` with every ### BEGIN/END HIDDEN TESTS region replaced by one note line."""
    out, hidden = [], False
    for line in source.split("\n"):
        if "BEGIN HIDDEN TESTS" in line:
            hidden = True
            out.append(line[: len(line) - len(line.lstrip())] + HIDDEN_NOTE)
        elif "END HIDDEN TESTS" in line:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out)


def short_error(output: dict) -> dict:
    """An error output cut to its last line, 'AssertionError: message': a traceback quotes test code."""
    return {**output, "traceback": [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]}


def hide_test_code(nb) -> None:
    """In place: hidden test regions out of every graded test cell, tracebacks cut to their message."""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        cell.source = strip_hidden(cell.source)
        cell.outputs = [short_error(o) if o.get("output_type") == "error" else o for o in cell.get("outputs", [])]


def feedback_preprocessors() -> list:
    """nbgrader's feedback preprocessors with ours between: GetGrades, HideTestCode, the page's CSS."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor, Preprocessor
    from nbgrader.preprocessors import GetGrades

    class HideTestCode(Preprocessor):
        enabled = True  # nbconvert registers preprocessor classes disabled unless they say so

        def preprocess(self, nb, resources):
            hide_test_code(nb)
            return nb, resources

    return [GetGrades, HideTestCode, CSSHTMLHeaderPreprocessor]
