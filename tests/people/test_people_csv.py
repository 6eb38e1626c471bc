"""Writing people to a CSV file for a spreadsheet (app/people/people_csv.py,
docs/PEOPLE_IMPORT.md "Export"): every column, formula cells neutralised, written whole
or not at all."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from app.errors import DigwellError
from app.people.people_csv import COLUMNS, people_csv, person_row, write_people_csv
from app.types import Person

PRIYA = Person(
    3,
    "Priya Raman",
    company="Acme, Robotics",
    role="Staff Engineer",
    how_known="Met at a meetup",
    notes='She said "hi"\nand more',
    circle="Close",
    linkedin="https://www.linkedin.com/in/priya-raman",
    x="@priyar",
    mastodon="@priya@hachyderm.io",
    bluesky="priya.bsky.social",
    threads="@priya.r",
    website="https://priya.dev",
    email="priya@example.com",
    added_on=date(2026, 1, 5),
    last_touch=date(2026, 10, 1),
    due_on=date(2026, 10, 31),
    overdue_on=date(2026, 11, 15),
    gives=4,
    asks=1,
)


def test_a_persons_row_has_every_column_in_order():
    row = dict(zip(COLUMNS, person_row(PRIYA), strict=True))
    assert row == {
        "id": "3",
        "name": "Priya Raman",
        "company": "Acme, Robotics",
        "role": "Staff Engineer",
        "circle": "Close",
        "how_known": "Met at a meetup",
        "linkedin": "https://www.linkedin.com/in/priya-raman",
        "x": "'@priyar",  # a spreadsheet would read @ as a formula
        "mastodon": "'@priya@hachyderm.io",
        "bluesky": "priya.bsky.social",
        "threads": "'@priya.r",
        "website": "https://priya.dev",
        "email": "priya@example.com",
        "notes": 'She said "hi"\nand more',
        "archived": "",
        "added_on": "2026-01-05",
        "last_touch": "2026-10-01",
        "next_due": "2026-10-31",
        "overdue_on": "2026-11-15",
        "gives": "4",
        "asks": "1",
    }


def test_empty_dates_are_empty_and_archived_says_yes():
    row = dict(zip(COLUMNS, person_row(Person(1, "Sam Lee", archived=True)), strict=True))
    assert (row["last_touch"], row["next_due"], row["archived"]) == ("", "", "yes")


def test_the_text_reads_back_as_written_with_quotes_commas_and_newlines():
    evil = Person(2, "=cmd|' /C calc'!A0", company="-1+1", notes="\tx")
    text = people_csv([PRIYA, evil])
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == person_row(PRIYA)
    assert rows[2][1:3] == ["'=cmd|' /C calc'!A0", "'-1+1"]
    assert rows[2][COLUMNS.index("notes")] == "'\tx"


def test_the_file_is_utf8_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "people.csv"
    assert write_people_csv(path, [PRIYA, Person(2, "José García")]) == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,")
    assert "José García" in data.decode("utf-8-sig")


def test_a_file_that_cannot_be_written_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "people.csv"
    folder.mkdir()  # the name is taken by a folder: the last step fails
    with pytest.raises(DigwellError, match="could not be saved"):
        write_people_csv(folder, [PRIYA])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv"]
    assert folder.is_dir()
