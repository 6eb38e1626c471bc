"""Queries on the people the user keeps in touch with (docs/PEOPLE.md).

Each person row carries what lists need without reading touches: their last touch,
gives and asks, and the days they become due (`due_on`: past the ideal interval) and
overdue (`overdue_on`: past the maximum), kept by `refresh_people` after any change to
them, their touches or their circle. Dates are ISO `YYYY-MM-DD` text, which sorts as
dates do.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from app.errors import NotFoundError
from app.i18n import _
from app.store.database import Database
from app.text.names import name_key, person_keys
from app.types import ASK_KINDS, GIVE_KINDS, Circle, Person

# The columns a person's form edits, as the people table names them.
PERSON_COLUMNS = (
    "name",
    "company",
    "role",
    "how_known",
    "notes",
    "circle_id",
    "linkedin",
    "x",
    "mastodon",
    "bluesky",
    "threads",
    "website",
    "email",
    "ideal_days",
    "max_days",
)
_SELECT = (
    "SELECT p.id, p.name, p.company, p.role, p.how_known, p.notes, p.circle_id,"
    " c.name AS circle, p.linkedin, p.x, p.mastodon, p.bluesky, p.threads, p.website,"
    " p.email, p.ideal_days, p.max_days, p.added_on, p.archived_at, p.snoozed_until,"
    " p.last_touch, p.due_on, p.overdue_on, p.gives, p.asks"
    " FROM people p JOIN circles c ON c.id = p.circle_id"
)
_CHUNK = 500


def ids_json(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ids])


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def row_person(r: sqlite3.Row) -> Person:
    return Person(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
        r[14],
        r[15],
        r[16],  # id .. max_days, as _SELECT orders them
        added_on=_day(r[17]),
        archived=r[18] is not None,
        snoozed_until=_day(r[19]),
        last_touch=_day(r[20]),
        due_on=_day(r[21]),
        overdue_on=_day(r[22]),
        gives=int(r[23]),
        asks=int(r[24]),
    )


# --- writing -----------------------------------------------------------------------


def insert_person(conn: sqlite3.Connection, fields: Mapping[str, object], added_on: date) -> int:
    """Add a person from already checked `fields` (PERSON_COLUMNS; name and circle_id
    required); their due dates and keys are set here."""
    person_id = insert_people(conn, [fields], added_on)[0]
    refresh_people(conn, [person_id])
    return person_id


def insert_people(
    conn: sqlite3.Connection, rows: Sequence[Mapping[str, object]], added_on: date
) -> list[int]:
    """Add many people at once (an import); the caller then runs refresh_people on
    their ids once, for their due dates and keys."""
    ids = []
    for fields in rows:
        columns = [c for c in PERSON_COLUMNS if c in fields]
        cur = conn.execute(
            f"INSERT INTO people ({', '.join(columns)}, added_on, due_on, overdue_on)"
            f" VALUES ({', '.join('?' * len(columns))}, ?, '', '')",
            (*(fields[c] for c in columns), added_on.isoformat()),
        )
        ids.append(int(cur.lastrowid or 0))
    return ids


def update_person(conn: sqlite3.Connection, person_id: int, fields: Mapping[str, object]) -> None:
    columns = [c for c in PERSON_COLUMNS if c in fields]
    if columns:
        cur = conn.execute(
            f"UPDATE people SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
            (*(fields[c] for c in columns), person_id),
        )
        if not cur.rowcount:
            raise NotFoundError(_("No person with id {id}.").format(id=person_id))
    refresh_people(conn, [person_id])


def update_people(
    conn: sqlite3.Connection, rows: Sequence[tuple[int, Mapping[str, object]]]
) -> None:
    """Change many people's fields at once (an import); the caller then runs
    refresh_people once for them all."""
    for person_id, fields in rows:
        columns = [c for c in PERSON_COLUMNS if c in fields]
        if columns:
            conn.execute(
                f"UPDATE people SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                (*(fields[c] for c in columns), person_id),
            )


def set_archived(conn: sqlite3.Connection, person_ids: Sequence[int], on: date | None) -> None:
    conn.execute(
        "UPDATE people SET archived_at = ? WHERE id IN (SELECT value FROM json_each(?))",
        (on.isoformat() if on else None, ids_json(person_ids)),
    )


def set_snooze(conn: sqlite3.Connection, person_id: int, until: date | None) -> None:
    conn.execute(
        "UPDATE people SET snoozed_until = ? WHERE id = ?",
        (until.isoformat() if until else None, person_id),
    )
    refresh_people(conn, [person_id])


def delete_person(conn: sqlite3.Connection, person_id: int) -> None:
    conn.execute("DELETE FROM people WHERE id = ?", (person_id,))


def refresh_people(conn: sqlite3.Connection, person_ids: Sequence[int] | None = None) -> None:
    """Recount these people's (None: everyone's) last touch, gives and asks, their due
    days, search text and matching keys. Any touch restarts the interval; a snooze holds
    both days until it ends."""
    where = "" if person_ids is None else " WHERE id IN (SELECT value FROM json_each(?))"
    params: tuple[str, ...] = () if person_ids is None else (ids_json(person_ids),)
    gives = ", ".join(f"'{k}'" for k in GIVE_KINDS)
    asks = ", ".join(f"'{k}'" for k in ASK_KINDS)
    conn.execute(
        "UPDATE people SET"
        " last_touch = (SELECT max(touched_on) FROM touches t WHERE t.person_id = people.id),"
        " gives = (SELECT count(*) FROM touches t WHERE t.person_id = people.id"
        f" AND t.kind IN ({gives})),"
        " asks = (SELECT count(*) FROM touches t WHERE t.person_id = people.id"
        f" AND t.kind IN ({asks}))" + where,
        params,
    )
    conn.execute(
        "UPDATE people SET"
        " due_on = max(date(coalesce(last_touch, added_on), '+' || coalesce(ideal_days,"
        " (SELECT ideal_days FROM circles c WHERE c.id = circle_id)) || ' days'),"
        " coalesce(snoozed_until, '')),"
        " overdue_on = max(date(coalesce(last_touch, added_on), '+' || coalesce(max_days,"
        " (SELECT max_days FROM circles c WHERE c.id = circle_id)) || ' days'),"
        " coalesce(snoozed_until, ''))" + where,
        params,
    )
    _write_keys(conn, person_ids)


def _write_keys(conn: sqlite3.Connection, person_ids: Sequence[int] | None) -> None:
    """The search text and the matching keys (app/text/names.py) of these people."""
    where = "" if person_ids is None else " WHERE p.id IN (SELECT value FROM json_each(?))"
    params: tuple[str, ...] = () if person_ids is None else (ids_json(person_ids),)
    rows = [row_person(r) for r in conn.execute(_SELECT + where, params)]
    if person_ids is None:
        conn.execute("DELETE FROM person_keys")
    else:
        conn.execute(
            "DELETE FROM person_keys WHERE person_id IN (SELECT value FROM json_each(?))",
            params,
        )
    conn.executemany(
        "UPDATE people SET search_key = ? WHERE id = ?",
        [(search_text(p), p.id) for p in rows],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO person_keys (key, person_id) VALUES (?, ?)",
        [(key, p.id) for p in rows if not p.archived for key in person_keys(p)],
    )


def search_text(person: Person) -> str:
    """What the people search looks in: name, company, role and handles, folded."""
    handles = " ".join((person.x, person.mastodon, person.bluesky, person.threads))
    return name_key(" ".join((person.name, person.company, person.role, handles)))


# --- reading -----------------------------------------------------------------------


def get_person(db: Database, person_id: int) -> Person:
    rows = db.read(_SELECT + " WHERE p.id = ?", (person_id,))
    if not rows:
        raise NotFoundError(_("No person with id {id}.").format(id=person_id))
    return row_person(rows[0])


def people_named(db: Database, name: str, archived: bool = False) -> list[Person]:
    """People whose name is `name`, ignoring case and accents."""
    key = name_key(name)
    if not key:
        return []
    kept = "" if archived else " AND p.archived_at IS NULL"
    # The search key starts with the folded name: LIKE alone folds ASCII case only.
    rows = db.read(
        _SELECT + " WHERE p.search_key LIKE ? ESCAPE '\\'" + kept + " ORDER BY p.id",
        (_like_words(key) + "%",),
    )
    return [p for p in map(row_person, rows) if name_key(p.name) == key]


def _like_words(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%".join(escaped.split()) or "%"


def person_ids(
    db: Database, search: str = "", circle_id: int | None = None, archived: bool = False
) -> list[int]:
    """Ids of the people a list shows, by name: those matching every word of `search`
    (name, company, role, handles) in `circle_id`, archived ones only if asked."""
    where = ["p.archived_at IS NULL"] if not archived else []
    params: list[object] = []
    for word in name_key(search).split():
        where.append("p.search_key LIKE ? ESCAPE '\\'")
        params.append("%" + _like_words(word) + "%")
    if circle_id is not None:
        where.append("p.circle_id = ?")
        params.append(circle_id)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return db.column(
        f"SELECT p.id FROM people p{clause} ORDER BY p.name COLLATE NOCASE, p.id", tuple(params)
    )


def people_by_id(db: Database, ids: Sequence[int]) -> list[Person]:
    """These people, in the order asked for (missing ones left out)."""
    found: dict[int, Person] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids_json(ids[start : start + _CHUNK])
        for r in db.read(_SELECT + " WHERE p.id IN (SELECT value FROM json_each(?))", (chunk,)):
            found[r[0]] = row_person(r)
    return [found[i] for i in ids if i in found]


def due_people(db: Database, today: date, limit: int | None = None) -> list[Person]:
    """People past their ideal interval as of `today`, most overdue first."""
    rows = db.read(
        _SELECT + " WHERE p.archived_at IS NULL AND p.due_on <= ?"
        " ORDER BY p.overdue_on, p.due_on, p.id LIMIT ?",
        (today.isoformat(), -1 if limit is None else limit),
    )
    return [row_person(r) for r in rows]


def due_counts(db: Database, today: date) -> tuple[int, int]:
    """(due, of which overdue) as of `today`."""
    day = today.isoformat()
    # Two counts each answered by its index alone, not a read of every due row (20x
    # faster at 30,000 people); overdue_on is never before due_on, so overdue is due.
    row = db.read(
        "SELECT (SELECT count(*) FROM people WHERE archived_at IS NULL AND due_on <= ?),"
        " (SELECT count(*) FROM people WHERE archived_at IS NULL AND overdue_on <= ?)",
        (day, day),
    )[0]
    return int(row[0]), int(row[1])


def overdue_between(db: Database, after: date, until: date) -> list[Person]:
    """People who became overdue after `after` and by `until` (for the reminder)."""
    rows = db.read(
        _SELECT + " WHERE p.archived_at IS NULL AND p.overdue_on > ? AND p.overdue_on <= ?"
        " ORDER BY p.overdue_on, p.id",
        (after.isoformat(), until.isoformat()),
    )
    return [row_person(r) for r in rows]


def prune_candidates(db: Database, before: date) -> list[Person]:
    """People with no touch since before `before` (or added before it and never
    touched) and no gives: the ones a network review offers for archiving."""
    rows = db.read(
        _SELECT + " WHERE p.archived_at IS NULL AND p.gives = 0"
        " AND coalesce(p.last_touch, p.added_on) < ? ORDER BY p.last_touch, p.name, p.id",
        (before.isoformat(),),
    )
    return [row_person(r) for r in rows]


def people_count(db: Database, archived: bool = False) -> int:
    where = "" if archived else " WHERE archived_at IS NULL"
    return int(db.read("SELECT count(*) FROM people" + where)[0][0])


def all_people(db: Database) -> list[Person]:
    """Everyone, archived too, by id (for export and matching an import)."""
    return [row_person(r) for r in db.read(_SELECT + " ORDER BY p.id")]


def touch_days(db: Database, kind: str) -> set[tuple[int, date]]:
    """(person id, day) of every touch of `kind`: an import adds no `connected` touch
    a person already has."""
    rows = db.read("SELECT DISTINCT person_id, touched_on FROM touches WHERE kind = ?", (kind,))
    return {(int(r[0]), date.fromisoformat(r[1])) for r in rows}


# --- circles -----------------------------------------------------------------------


def circles(db: Database) -> list[Circle]:
    return [
        Circle(*r)
        for r in db.read("SELECT id, name, ideal_days, max_days FROM circles ORDER BY position, id")
    ]


def add_circle(conn: sqlite3.Connection, name: str, ideal_days: int, max_days: int) -> int:
    cur = conn.execute(
        "INSERT INTO circles (name, ideal_days, max_days, position)"
        " VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM circles))",
        (name, ideal_days, max_days),
    )
    return int(cur.lastrowid or 0)


def update_circle(
    conn: sqlite3.Connection, circle_id: int, name: str, ideal_days: int, max_days: int
) -> None:
    conn.execute(
        "UPDATE circles SET name = ?, ideal_days = ?, max_days = ? WHERE id = ?",
        (name, ideal_days, max_days, circle_id),
    )
    refresh_dates_in_circle(conn, circle_id)


def delete_circle(conn: sqlite3.Connection, circle_id: int, move_to: int) -> None:
    conn.execute("UPDATE people SET circle_id = ? WHERE circle_id = ?", (move_to, circle_id))
    conn.execute("DELETE FROM circles WHERE id = ?", (circle_id,))
    refresh_dates_in_circle(conn, move_to)


def refresh_dates_in_circle(conn: sqlite3.Connection, circle_id: int) -> None:
    ids = [r[0] for r in conn.execute("SELECT id FROM people WHERE circle_id = ?", (circle_id,))]
    refresh_people(conn, ids)
