"""Queries on feed items: deduplicated upserts and the inbox order."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

from app.errors import NotFoundError
from app.store.database import Database, from_db_time, to_db_time
from app.types import Item, ItemRow, ParsedEntry

# An entry dated further ahead than this is sorted as if published now.
_FUTURE_SLACK = timedelta(hours=1)
# Well under SQLite's limit on query parameters (999 in older versions).
_KEYS_PER_QUERY = 500
# Items full-text indexed per transaction when catching up: ~35 us an item.
_INDEX_BATCH = 5000


class UpsertResult(NamedTuple):
    """How many entries were new and how many changed."""

    added: int = 0
    updated: int = 0


class EntryRow(NamedTuple):
    """An entry as the items table stores it, with its content hash. Made from a
    ParsedEntry by `entry_row`, in the refresh's worker processes, so storing does no
    hashing or date formatting."""

    key: str
    guid: str
    title: str
    link: str
    author: str
    summary_html: str
    summary_text: str
    published: str | None  # database time text
    content_hash: str


def entry_row(entry: ParsedEntry) -> EntryRow:
    import hashlib  # only refreshes need it; keeps it off the start-up path

    published = entry.published
    # The hash's text is what every stored hash was made from: keep it.
    stamp = published.isoformat() if published else ""
    parts = (entry.title, entry.link, entry.author, entry.summary_html, stamp)
    return EntryRow(
        entry.key,
        entry.guid,
        entry.title,
        entry.link,
        entry.author,
        entry.summary_html,
        entry.summary_text,
        to_db_time(published) if published else None,
        hashlib.sha1("\x00".join(parts).encode()).hexdigest(),
    )


def upsert_entries(
    conn: sqlite3.Connection, feed_id: int, entries: Iterable[ParsedEntry], now: datetime
) -> UpsertResult:
    """Insert new entries, update changed ones in place; the caller owns the transaction."""
    return upsert_rows(conn, feed_id, [entry_row(entry) for entry in entries], now)


def upsert_rows(
    conn: sqlite3.Connection, feed_id: int, rows: Iterable[EntryRow], now: datetime
) -> UpsertResult:
    """`upsert_entries` for entries already made rows.

    One query finds which entries are known (and their content hash), one executemany
    inserts the new ones: a refresh stores hundreds of feeds of ~50 entries each.
    """
    batch = {row.key: row for row in rows}  # a key twice in a feed: the last wins
    if not batch:
        return UpsertResult()
    known: dict[str, tuple[int, str]] = {}
    keys = list(batch)
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        found = conn.execute(
            "SELECT key, id, content_hash FROM items WHERE feed_id = ?"
            f" AND key IN ({','.join('?' * len(chunk))})",
            (feed_id, *chunk),
        ).fetchall()
        known.update((r[0], (r[1], r[2])) for r in found)
    now_text = to_db_time(now)
    latest = to_db_time(now + _FUTURE_SLACK)  # the same text format sorts as time does
    inserts, updates = [], []
    for key, row in batch.items():
        stored = known.get(key)
        if stored is not None and stored[1] == row.content_hash:
            continue
        values = row[1:8]  # guid .. published
        if stored is None:
            published = row.published
            sort_time = published if published and published <= latest else now_text
            inserts.append((feed_id, key, *values, sort_time, now_text, now_text, row.content_hash))
        else:
            updates.append((*values, now_text, row.content_hash, stored[0]))
    if inserts:
        conn.executemany(
            "INSERT INTO items (feed_id, key, guid, title, link, author, summary_html,"
            " summary_text, published, sort_time, first_seen, updated_at, content_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
    if updates:
        conn.executemany(
            "UPDATE items SET guid = ?, title = ?, link = ?, author = ?, summary_html = ?,"
            " summary_text = ?, published = ?, updated_at = ?, content_hash = ? WHERE id = ?",
            updates,
        )
    return UpsertResult(len(inserts), len(updates))


def index_pending(conn: sqlite3.Connection, limit: int | None = None) -> int:
    """Full-text index the items waiting for it (new or changed), or the first `limit`
    of them; returns how many. The caller owns the transaction. Search must call this
    first to see every item: a refresh leaves its new items waiting (see refresh.py)."""
    waiting = "items_fts_pending"
    if limit is not None:
        waiting = f"(SELECT item_id FROM items_fts_pending ORDER BY item_id LIMIT {int(limit)})"
    count = conn.execute(f"SELECT count(*) FROM {waiting}").fetchone()[0]
    if count:
        conn.execute(
            "INSERT INTO items_fts(rowid, title, summary_text)"
            f" SELECT i.id, i.title, i.summary_text FROM {waiting} p"
            " JOIN items i ON i.id = p.item_id"
        )
        if limit is None:
            conn.execute("DELETE FROM items_fts_pending")
        else:
            conn.execute(f"DELETE FROM items_fts_pending WHERE item_id IN {waiting}")
    return int(count)


def index_all_pending(db: Database, batch: int = _INDEX_BATCH) -> int:
    """Index every item waiting for it, `batch` items per transaction, so that other
    writers (the window starring an item) wait ~0.2 s at most; returns how many."""
    total = 0
    while True:
        with db.transaction() as conn:
            done = index_pending(conn, batch)
        total += done
        if done < batch:
            return total


def inbox_page(
    db: Database, limit: int, after: tuple[str, int] | None = None
) -> list[tuple[int, str]]:
    """(id, sort_time) of the next `limit` items in inbox order after `after` (the
    last row of the page before, as (sort_time, id)); one indexed range scan."""
    if after is None:
        rows = db.read(
            "SELECT id, sort_time FROM items ORDER BY sort_time DESC, id DESC LIMIT ?", (limit,)
        )
    else:
        rows = db.read(
            "SELECT id, sort_time FROM items WHERE sort_time < ? OR (sort_time = ? AND id < ?)"
            " ORDER BY sort_time DESC, id DESC LIMIT ?",
            (after[0], after[0], after[1], limit),
        )
    return [(r[0], r[1]) for r in rows]


def inbox_ids(db: Database, limit: int | None = None) -> list[int]:
    """Item ids, newest first."""
    sql = "SELECT id FROM items ORDER BY sort_time DESC, id DESC"
    if limit is not None:
        return db.column(sql + " LIMIT ?", (limit,))
    return db.column(sql)


def item_rows(db: Database, ids: list[int]) -> dict[int, ItemRow]:
    """List rows for the given ids (missing ids are left out)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.read(
        "SELECT i.id, i.title, i.published, f.title AS source,"
        " EXISTS (SELECT 1 FROM draft_items di WHERE di.item_id = i.id) AS has_draft"
        f" FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id IN ({marks})",
        tuple(ids),
    )
    return {
        r["id"]: ItemRow(
            id=r["id"],
            title=r["title"],
            source=r["source"],
            published=from_db_time(r["published"]),
            has_draft=bool(r["has_draft"]),
        )
        for r in rows
    }


def get_item(db: Database, item_id: int) -> Item:
    """One item in full, with the themes its feed serves."""
    rows = db.read(
        "SELECT i.*, f.title AS source,"
        " (SELECT group_concat(t.name, char(31)) FROM feed_themes ft"
        "  JOIN themes t ON t.id = ft.theme_id WHERE ft.feed_id = i.feed_id) AS theme_names"
        " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?",
        (item_id,),
    )
    if not rows:
        raise NotFoundError(f"There is no item {item_id}.", "It may have been removed.")
    r = rows[0]
    return Item(
        id=r["id"],
        feed_id=r["feed_id"],
        title=r["title"],
        link=r["link"],
        author=r["author"],
        source=r["source"],
        summary_html=r["summary_html"],
        summary_text=r["summary_text"],
        published=from_db_time(r["published"]),
        themes=tuple(r["theme_names"].split("\x1f")) if r["theme_names"] else (),
    )


def item_count(db: Database) -> int:
    return int(db.read("SELECT count(*) FROM items")[0][0])
