"""Queries on planned breaks (docs/CADENCE.md, "Planned breaks")."""

import sqlite3
from datetime import date

import pytest

from app.store import breaks as breaks_q
from app.types import Break


def _add(db, start: date, end: date, note: str = "") -> int:
    with db.transaction() as conn:
        return breaks_q.add_break(conn, start, end, note)


def test_breaks_come_back_by_first_day_with_their_note(db):
    late = _add(db, date(2026, 8, 3), date(2026, 8, 16), "Summer holiday")
    early = _add(db, date(2026, 4, 1), date(2026, 4, 3))
    same_start = _add(db, date(2026, 4, 1), date(2026, 4, 2), "Easter, short")
    assert breaks_q.list_breaks(db) == [
        Break(same_start, date(2026, 4, 1), date(2026, 4, 2), "Easter, short"),
        Break(early, date(2026, 4, 1), date(2026, 4, 3), ""),
        Break(late, date(2026, 8, 3), date(2026, 8, 16), "Summer holiday"),
    ]
    assert breaks_q.get_break(db, late) == Break(
        late, date(2026, 8, 3), date(2026, 8, 16), "Summer holiday"
    )
    assert breaks_q.get_break(db, 999) is None


def test_breaks_on_a_day_include_their_first_and_last_day(db):
    a = _add(db, date(2026, 8, 3), date(2026, 8, 16))
    b = _add(db, date(2026, 8, 10), date(2026, 8, 20))
    assert [x.id for x in breaks_q.breaks_on(db, date(2026, 8, 3))] == [a]
    assert [x.id for x in breaks_q.breaks_on(db, date(2026, 8, 12))] == [a, b]
    assert [x.id for x in breaks_q.breaks_on(db, date(2026, 8, 20))] == [b]
    assert breaks_q.breaks_on(db, date(2026, 8, 21)) == []
    assert breaks_q.breaks_on(db, date(2026, 8, 2)) == []


def test_a_one_day_break_and_far_dates_keep_their_order(db):
    one = _add(db, date(2026, 5, 1), date(2026, 5, 1))
    far = _add(db, date(987, 1, 1), date(9999, 12, 31))  # ISO text sorts as dates do
    assert [b.id for b in breaks_q.list_breaks(db)] == [far, one]
    assert breaks_q.get_break(db, far).starts_on == date(987, 1, 1)


def test_removing_a_break_says_whether_there_was_one(db):
    kept = _add(db, date(2026, 8, 3), date(2026, 8, 16))
    gone = _add(db, date(2026, 9, 1), date(2026, 9, 2))
    with db.transaction() as conn:
        assert breaks_q.remove_break(conn, gone) is True
        assert breaks_q.remove_break(conn, gone) is False
    assert [b.id for b in breaks_q.list_breaks(db)] == [kept]


def test_the_schema_refuses_a_break_that_ends_before_it_starts(db):
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        breaks_q.add_break(conn, date(2026, 8, 16), date(2026, 8, 3))
    assert breaks_q.list_breaks(db) == []
