"""Queries on drafts and the items they came from."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from app.errors import NotFoundError
from app.i18n import _
from app.store.database import Database, from_db_time, to_db_time
from app.types import Draft

DRAFT_STATES = ("draft", "planned", "posted", "archived")


def create_draft(
    conn: sqlite3.Connection,
    *,
    text: str,
    template: str,
    platform: str,
    item_ids: list[int],
    now: datetime,
    theme_id: int | None = None,
    take: str = "",
) -> int:
    """Store a new draft with its origin; returns its id."""
    stamp = to_db_time(now)
    cur = conn.execute(
        "INSERT INTO drafts (text, take, template, platform, theme_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (text, take, template, platform, theme_id, stamp, stamp),
    )
    draft_id = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO draft_items (draft_id, item_id, position) VALUES (?, ?, ?)",
        [(draft_id, item_id, pos) for pos, item_id in enumerate(item_ids)],
    )
    return draft_id


def update_draft(
    conn: sqlite3.Connection,
    draft_id: int,
    now: datetime,
    *,
    text: str | None = None,
    platform: str | None = None,
    state: str | None = None,
    take: str | None = None,
    template: str | None = None,
) -> None:
    """Change a draft's fields; those given as None stay as they are."""
    if state is not None and state not in DRAFT_STATES:
        raise ValueError(f"unknown draft state {state!r}")
    cur = conn.execute(
        "UPDATE drafts SET text = coalesce(?, text), platform = coalesce(?, platform),"
        " state = coalesce(?, state), take = coalesce(?, take),"
        " template = coalesce(?, template), updated_at = ?,"
        " planned_for = CASE WHEN coalesce(?, state) = 'planned' THEN planned_for END"
        " WHERE id = ?",
        (text, platform, state, take, template, to_db_time(now), state, draft_id),
    )
    if cur.rowcount == 0:
        raise NotFoundError(
            _("There is no draft {id}.").format(id=draft_id), _("It may have been deleted.")
        )


_DRAFT_SELECT = (
    "SELECT d.*,"
    " (SELECT group_concat(item_id) FROM (SELECT item_id FROM draft_items"
    "  WHERE draft_id = d.id ORDER BY position)) AS item_list,"
    " (SELECT i.title FROM draft_items di JOIN items i ON i.id = di.item_id"
    "  WHERE di.draft_id = d.id ORDER BY di.position LIMIT 1) AS first_title,"
    " (SELECT name FROM themes WHERE id = d.theme_id) AS theme_name"
    " FROM drafts d"
)


def _draft(r: sqlite3.Row) -> Draft:
    created = from_db_time(r["created_at"])
    updated = from_db_time(r["updated_at"])
    assert created is not None and updated is not None
    items = tuple(int(x) for x in r["item_list"].split(",")) if r["item_list"] else ()
    title = r["first_title"] or " ".join(r["text"].split())[:80] or "(empty draft)"
    return Draft(
        id=r["id"],
        text=r["text"],
        template=r["template"],
        platform=r["platform"],
        state=r["state"],
        created=created,
        updated=updated,
        item_ids=items,
        title=title,
        take=r["take"],
        theme_id=r["theme_id"],
        theme=r["theme_name"] or "",
        planned_for=from_db_time(r["planned_for"]),
    )


def move_state(conn: sqlite3.Connection, draft_id: int, old: str, new: str, now: datetime) -> bool:
    """Set the draft's state to `new` only if it is `old`; whether it was."""
    cur = conn.execute(
        "UPDATE drafts SET state = ?, planned_for = NULL, updated_at = ?"
        " WHERE id = ? AND state = ?",
        (new, to_db_time(now), draft_id, old),
    )
    return cur.rowcount > 0


def plan_draft(
    conn: sqlite3.Connection, draft_id: int, when: datetime | None, now: datetime
) -> None:
    """Plan a draft for `when` (None: planned, no time yet)."""
    cur = conn.execute(
        "UPDATE drafts SET state = 'planned', planned_for = ?, updated_at = ? WHERE id = ?",
        (to_db_time(when) if when else None, to_db_time(now), draft_id),
    )
    if cur.rowcount == 0:
        raise NotFoundError(
            _("There is no draft {id}.").format(id=draft_id), _("It may have been deleted.")
        )


def planned_drafts(db: Database) -> list[Draft]:
    """Planned drafts with a time, soonest first."""
    rows = db.read(
        _DRAFT_SELECT + " WHERE d.state = 'planned' AND d.planned_for IS NOT NULL"
        " ORDER BY d.planned_for, d.id"
    )
    return [_draft(r) for r in rows]


def get_draft(db: Database, draft_id: int) -> Draft:
    rows = db.read(_DRAFT_SELECT + " WHERE d.id = ?", (draft_id,))
    if not rows:
        raise NotFoundError(
            _("There is no draft {id}.").format(id=draft_id), _("It may have been deleted.")
        )
    return _draft(rows[0])


def list_drafts(db: Database, states: tuple[str, ...] = DRAFT_STATES) -> list[Draft]:
    """Drafts in these states, most recently edited first."""
    marks = ",".join("?" * len(states))
    rows = db.read(
        _DRAFT_SELECT + f" WHERE d.state IN ({marks}) ORDER BY d.updated_at DESC, d.id DESC",
        states,
    )
    return [_draft(r) for r in rows]


def delete_draft(conn: sqlite3.Connection, draft_id: int) -> None:
    """Delete a draft; posts made from it stay in the log."""
    if conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,)).rowcount == 0:
        raise NotFoundError(
            _("There is no draft {id}.").format(id=draft_id), _("It may have been deleted.")
        )


def draft_count(db: Database, states: tuple[str, ...] = ("draft", "planned")) -> int:
    """How many drafts are in these states (by default: not yet posted or archived)."""
    marks = ",".join("?" * len(states))
    return int(db.read(f"SELECT count(*) FROM drafts WHERE state IN ({marks})", states)[0][0])


def open_draft_for_item(db: Database, item_id: int) -> int | None:
    """The newest unposted draft made from this item, if any."""
    rows = db.read(
        "SELECT d.id FROM drafts d JOIN draft_items di ON di.draft_id = d.id"
        " WHERE di.item_id = ? AND d.state IN ('draft', 'planned')"
        " ORDER BY d.updated_at DESC, d.id DESC LIMIT 1",
        (item_id,),
    )
    return int(rows[0][0]) if rows else None
