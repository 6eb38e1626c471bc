"""Queries on planned breaks: first and last day (both included, ISO dates) and a note
(the rules: docs/CADENCE.md, "Planned breaks")."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.store.database import Database
from app.types import Break

_SELECT = "SELECT id, starts_on, ends_on, note FROM breaks"


def _break(r: sqlite3.Row) -> Break:
    return Break(r[0], date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[3])


def list_breaks(db: Database) -> list[Break]:
    """Every break, by first day (then last day, then id)."""
    return [_break(r) for r in db.read(f"{_SELECT} ORDER BY starts_on, ends_on, id")]


def get_break(db: Database, break_id: int) -> Break | None:
    rows = db.read(f"{_SELECT} WHERE id = ?", (break_id,))
    return _break(rows[0]) if rows else None


def breaks_on(db: Database, day: date) -> list[Break]:
    """The breaks that hold `day` (the reminders ask every poll; an index answers)."""
    iso = day.isoformat()
    sql = f"{_SELECT} WHERE starts_on <= ? AND ends_on >= ? ORDER BY starts_on, ends_on, id"
    return [_break(r) for r in db.read(sql, (iso, iso))]


def add_break(conn: sqlite3.Connection, starts_on: date, ends_on: date, note: str = "") -> int:
    """Insert a break; returns its id. The schema refuses a last day before the first."""
    cur = conn.execute(
        "INSERT INTO breaks (starts_on, ends_on, note) VALUES (?, ?, ?)",
        (starts_on.isoformat(), ends_on.isoformat(), note),
    )
    return int(cur.lastrowid or 0)


def remove_break(conn: sqlite3.Connection, break_id: int) -> bool:
    """Delete a break; False when there was none with that id."""
    return conn.execute("DELETE FROM breaks WHERE id = ?", (break_id,)).rowcount > 0
