"""Where a person stands on their keep-warm interval, in words (app/people/keep_warm.py):
the same words in the window, the CLI and the inbox's reasons (docs/PEOPLE.md)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.people.keep_warm import (
    ASK_WINDOW_DAYS,
    PRUNE_AFTER_DAYS,
    ago,
    ask_note,
    due_text,
    is_overdue,
    last_touch_text,
    status,
)
from app.types import Person

TODAY = date(2026, 11, 23)


def _person(due: int | None, overdue: int | None, **extra) -> Person:
    """Due and overdue so many days from today (negative: past)."""
    return Person(
        1,
        "Priya Raman",
        due_on=None if due is None else TODAY + timedelta(due),
        overdue_on=None if overdue is None else TODAY + timedelta(overdue),
        **extra,
    )


def test_the_rules_windows():
    assert (ASK_WINDOW_DAYS, PRUNE_AFTER_DAYS) == (180, 365)


@pytest.mark.parametrize(
    "due,overdue,state",
    [
        (10, 25, "warm"),
        (1, 16, "warm"),
        (0, 15, "due"),  # due from the day itself
        (-3, 12, "due"),
        (-15, 0, "overdue"),
        (-40, -25, "overdue"),
        (None, None, "warm"),
    ],
)
def test_status_compares_today_with_both_days(due, overdue, state):
    assert status(_person(due, overdue), TODAY) == state
    assert is_overdue(_person(due, overdue), TODAY) == (state == "overdue")


def test_archived_people_are_archived_whatever_their_days():
    gone = _person(-40, -25, archived=True)
    assert status(gone, TODAY) == "archived" and due_text(gone, TODAY) == "archived"
    assert not is_overdue(gone, TODAY)


@pytest.mark.parametrize(
    "days,words",
    [
        (-3, "today"),  # a touch dated ahead of a slow clock reads as today
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (13, "13 days ago"),
        (14, "2 weeks ago"),
        (59, "8 weeks ago"),
        (60, "2 months ago"),
        (150, "5 months ago"),
        (729, "24 months ago"),
        (730, "2 years ago"),
        (1200, "3 years ago"),
    ],
)
def test_ago(days, words):
    assert ago(TODAY - timedelta(days), TODAY) == words


def test_last_touch_text():
    assert last_touch_text(_person(1, 2), TODAY) == "no touch yet"
    touched = _person(1, 2, last_touch=TODAY - timedelta(150))
    assert last_touch_text(touched, TODAY) == "last touch 5 months ago"


@pytest.mark.parametrize(
    "due,overdue,words",
    [
        (21, 36, "due in 3 weeks"),
        (1, 16, "due in 1 day"),
        (0, 15, "due for less than a day"),
        (-3, 12, "due for 3 days"),
        (-15, 0, "overdue by less than a day"),
        (-27, -12, "overdue by 12 days"),
        (-400, -200, "overdue by 6 months"),
        (None, None, ""),
    ],
)
def test_due_text(due, overdue, words):
    assert due_text(_person(due, overdue), TODAY) == words


def test_the_ask_note_is_gentle_and_names_the_person():
    note = ask_note("Priya Raman")
    assert "Priya Raman" in note and "6 months" in note
    assert note.startswith("You haven't credited, thanked or helped")
    assert note.endswith("?")
