"""Cells of a CSV file a spreadsheet will open, made safe to open.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some
treat a leading tab or carriage return the same way), so a name or note a stranger wrote,
such as `=HYPERLINK(...)`, could run on the user's machine ("CSV injection"). Such a cell
gets a leading apostrophe, which spreadsheets show as text and do not display.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """`value` as text a spreadsheet shows as it is: '' for None, an apostrophe before a
    formula's first character."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
