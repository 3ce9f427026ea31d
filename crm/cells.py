"""Cells safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets
skip before reading one of those) is a formula to Excel and WPS: `=1+2 Corp` would be evaluated,
and `=HYPERLINK(…)` would leak data. OWASP's fix for CSV is a leading apostrophe, which
spreadsheets hide and keep the text as typed; in .xlsx the cell is written as text instead.
"""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """`value`, with a leading apostrophe if it is text a spreadsheet would read as a formula.

    >>> safe_cell("=1+2 Corp"), safe_cell("@SUM(A1)"), safe_cell("Acme"), safe_cell(5)
    ("'=1+2 Corp", "'@SUM(A1)", 'Acme', 5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]
