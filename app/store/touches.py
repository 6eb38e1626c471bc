"""Queries on touches: each contact with a person (docs/PEOPLE.md). After writing any,
the caller runs app.store.people.refresh_people for the people concerned."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from app.errors import NotFoundError
from app.i18n import _
from app.store.database import Database, to_db_time
from app.store.people import ids_json
from app.types import GIVE_KINDS, TOUCH_KINDS, Touch

_SELECT = (
    "SELECT t.id, t.person_id, t.kind, t.touched_on, t.note, t.post_id, t.auto,"
    " coalesce(po.url, ''), coalesce(po.text, ''), coalesce(po.platform, '')"
    " FROM touches t LEFT JOIN posts po ON po.id = t.post_id"
)
_GIVES = ", ".join(f"'{k}'" for k in GIVE_KINDS)


def _touch(r: sqlite3.Row) -> Touch:
    return Touch(
        r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5], bool(r[6]), r[7], r[8], r[9]
    )


def add_touch(
    conn: sqlite3.Connection,
    person_id: int,
    kind: str,
    on: date,
    *,
    note: str = "",
    post_id: int | None = None,
    auto: bool = False,
    now: datetime,
) -> int:
    if kind not in TOUCH_KINDS:
        raise ValueError(f"unknown touch kind {kind!r}")
    cur = conn.execute(
        "INSERT INTO touches (person_id, kind, touched_on, note, post_id, auto, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (person_id, kind, on.isoformat(), note, post_id, int(auto), to_db_time(now)),
    )
    return int(cur.lastrowid or 0)


def add_touches(
    conn: sqlite3.Connection, rows: Sequence[tuple[int, str, date, str]], now: datetime
) -> None:
    """Many (person id, kind, day, note) at once: an import's `connected` touches."""
    stamp = to_db_time(now)
    conn.executemany(
        "INSERT INTO touches (person_id, kind, touched_on, note, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(p, k, d.isoformat(), n, stamp) for p, k, d, n in rows],
    )


def get_touch(db: Database, touch_id: int) -> Touch:
    rows = db.read(_SELECT + " WHERE t.id = ?", (touch_id,))
    if not rows:
        raise NotFoundError(_("No touch with id {id}.").format(id=touch_id))
    return _touch(rows[0])


def delete_touch(conn: sqlite3.Connection, touch_id: int) -> None:
    conn.execute("DELETE FROM touches WHERE id = ?", (touch_id,))


def touches_of(db: Database, person_id: int, limit: int | None = None) -> list[Touch]:
    """A person's touches, newest first, with the posts behind them."""
    rows = db.read(
        _SELECT + " WHERE t.person_id = ? ORDER BY t.touched_on DESC, t.id DESC LIMIT ?",
        (person_id, -1 if limit is None else limit),
    )
    return [_touch(r) for r in rows]


def touches_of_post(db: Database, post_id: int) -> list[Touch]:
    return [_touch(r) for r in db.read(_SELECT + " WHERE t.post_id = ? ORDER BY t.id", (post_id,))]


def take_auto_touches(conn: sqlite3.Connection, post_ids: Sequence[int]) -> list[Touch]:
    """Delete the touches marking these posts logged by themselves, and return them (to
    put back if the posts come back); the caller refreshes their people."""
    rows = conn.execute(
        _SELECT + " WHERE t.auto = 1 AND t.post_id IN (SELECT value FROM json_each(?))"
        " ORDER BY t.id",
        (ids_json(post_ids),),
    ).fetchall()
    conn.execute(
        "DELETE FROM touches WHERE auto = 1 AND post_id IN (SELECT value FROM json_each(?))",
        (ids_json(post_ids),),
    )
    return [_touch(r) for r in rows]


def move_touches(conn: sqlite3.Connection, from_person: int, to_person: int) -> None:
    conn.execute("UPDATE touches SET person_id = ? WHERE person_id = ?", (to_person, from_person))


def gave_since(db: Database, person_id: int, since: date) -> bool:
    """Whether the user gave this person anything on or after `since`."""
    rows = db.read(
        f"SELECT 1 FROM touches WHERE person_id = ? AND kind IN ({_GIVES})"
        " AND touched_on >= ? LIMIT 1",
        (person_id, since.isoformat()),
    )
    return bool(rows)


def gives_between(db: Database, start: date, end: date) -> list[tuple[str, str, date]]:
    """(person's name, kind, day) of each give from `start` until before `end`, newest
    first (the Cadence page's month)."""
    rows = db.read(
        "SELECT p.name, t.kind, t.touched_on FROM touches t JOIN people p ON p.id = t.person_id"
        f" WHERE t.kind IN ({_GIVES}) AND t.touched_on >= ? AND t.touched_on < ?"
        " ORDER BY t.touched_on DESC, t.id DESC",
        (start.isoformat(), end.isoformat()),
    )
    return [(r[0], r[1], date.fromisoformat(r[2])) for r in rows]


def totals(db: Database) -> tuple[int, int]:
    """(gives, asks) over every person the user keeps, archived too."""
    row = db.read("SELECT coalesce(sum(gives), 0), coalesce(sum(asks), 0) FROM people")[0]
    return int(row[0]), int(row[1])


def touch_count(db: Database) -> int:
    return int(db.read("SELECT count(*) FROM touches")[0][0])
