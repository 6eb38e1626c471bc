"""Cells a spreadsheet would run as a formula get a leading apostrophe
(app/text/spreadsheet.py)."""

from __future__ import annotations

import pytest

from app.text.spreadsheet import safe_cell


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=1+1", "'=1+1"),
        (
            '=HYPERLINK("https://evil.example","click")',
            '\'=HYPERLINK("https://evil.example","click")',
        ),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2", "'-2"),
        ("@priyar", "'@priyar"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Priya Raman", "Priya Raman"),
        ("a=b", "a=b"),  # only the first character counts
        (" =1", " =1"),
        ("", ""),
        (None, ""),
        (42, "42"),
        (-3, "'-3"),
    ],
)
def test_formula_cells_are_neutralised_and_others_left_alone(value, cell):
    assert safe_cell(value) == cell
