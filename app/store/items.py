"""Queries on feed items: deduplicated upserts and the inbox order."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple, Protocol

from app.errors import NotFoundError
from app.i18n import _
from app.store.database import Database, db_time, from_db_time, to_db_time
from app.store.item_people import apply_boosts, has_people, link_items
from app.types import Item, ItemRow, ParsedEntry

# (theme_id, rank_key, relevance, best theme or None, matched terms as JSON)
RankRow = tuple[int, float, float, "int | None", str]

if TYPE_CHECKING:
    # A new item's values in the INSERT's order: feed_id, key, guid .. summary_text,
    # published (or None), sort_time, first_seen, updated_at, content_hash.
    NewItem = tuple[int, str, str, str, str, str, str, str, str | None, str, str, str, str]
    # A changed item's values in the UPDATE's order: guid .. summary_text, published (or
    # None), updated_at, content_hash, then the item's id.
    ChangedItem = tuple[str, str, str, str, str, str, str | None, str, str, int]


class Ranker(Protocol):
    """Ranks an item against the themes (app.strategy.scoring.Scorer is one): the store
    writes the rows it is given and knows nothing of how they are computed."""

    def rank_rows(self, title: str, text: str, sort_time: datetime) -> list[RankRow]: ...


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
    """The row the items table stores for a parsed entry, with its content hash."""
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
    conn: sqlite3.Connection,
    feed_id: int,
    entries: Iterable[ParsedEntry],
    now: datetime,
    scorer: Ranker,
) -> UpsertResult:
    """Insert new entries, update changed ones in place; the caller owns the transaction."""
    return upsert_rows(conn, feed_id, [entry_row(entry) for entry in entries], now, scorer)


def upsert_rows(
    conn: sqlite3.Connection,
    feed_id: int,
    rows: Iterable[EntryRow],
    now: datetime,
    scorer: Ranker,
) -> UpsertResult:
    """`upsert_entries` for entries already made rows.

    One query finds which entries are known (and their content hash), one executemany
    inserts the new ones: a refresh stores hundreds of feeds of ~50 entries each. New
    and changed items are ranked by `scorer`: the one every stored score reflects
    (app.strategy.scoring.current_scorer, read in the same transaction).
    """
    batch = {row.key: row for row in rows}  # a key twice in a feed: the last wins
    if not batch:
        return UpsertResult()
    known = {
        key: (item_id, content_hash)
        for key, item_id, content_hash in _by_key(conn, "key, id, content_hash", feed_id, batch)
    }
    inserts, updates = _changes(feed_id, batch, known, now)
    if not (inserts or updates):
        return UpsertResult()
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
        rank_items(conn, [u[-1] for u in updates], scorer)
    new_ids = _rank_new(conn, feed_id, inserts, scorer) if inserts else []
    if has_people(conn):  # who wrote them (docs/PEOPLE.md, "Who wrote it")
        link_items(conn, new_ids + [u[-1] for u in updates])
    return UpsertResult(len(inserts), len(updates))


def _by_key(
    conn: sqlite3.Connection, columns: str, feed_id: int, keys: Iterable[str]
) -> list[sqlite3.Row]:
    """`columns` of the feed's items with these keys: one query per 500 keys."""
    keys = list(keys)
    found: list[sqlite3.Row] = []
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        found += conn.execute(
            f"SELECT {columns} FROM items WHERE feed_id = ?"
            f" AND key IN ({','.join('?' * len(chunk))})",
            (feed_id, *chunk),
        ).fetchall()
    return found


def _changes(
    feed_id: int, batch: dict[str, EntryRow], known: dict[str, tuple[int, str]], now: datetime
) -> tuple[list[NewItem], list[ChangedItem]]:
    """(rows to insert, rows to update) as their statements take them; unchanged entries
    (same content hash) are left out."""
    now_text = to_db_time(now)
    latest = to_db_time(now + _FUTURE_SLACK)  # the same text format sorts as time does
    inserts: list[NewItem] = []
    updates: list[ChangedItem] = []
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
    return inserts, updates


def _rank_new(
    conn: sqlite3.Connection, feed_id: int, inserts: list[NewItem], scorer: Ranker
) -> list[int]:
    """Rank new items from the values in hand, their ids looked up by key; nothing to
    delete first, no flags set yet. Returns their ids."""
    # A comprehension, not dict(rows): typed, and twice as fast over sqlite3.Row.
    ids: dict[str, int] = {
        key: item_id for key, item_id in _by_key(conn, "key, id", feed_id, (i[1] for i in inserts))
    }
    rank_rows = scorer.rank_rows
    conn.executemany(
        "INSERT INTO ranks (item_id, theme_id, rank_key, relevance, best, terms)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (ids[key], *rank)
            for _f, key, _g, title, _l, _a, _s, text, _p, sort_time, *_rest in inserts
            for rank in rank_rows(title, text, db_time(sort_time))
        ],
    )
    return list(ids.values())


def rank_items(conn: sqlite3.Connection, item_ids: list[int], scorer: Ranker) -> None:
    """(Re)write the items' rows in the ranks table with `scorer`; the caller's transaction."""
    for start in range(0, len(item_ids), _KEYS_PER_QUERY):
        chunk = item_ids[start : start + _KEYS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM ranks WHERE item_id IN ({marks})", chunk)
        rows = conn.execute(
            "SELECT id, title, summary_text, sort_time, read, dismissed, starred FROM items"
            f" WHERE id IN ({marks})",
            chunk,
        ).fetchall()
        conn.executemany(
            "INSERT INTO ranks (item_id, theme_id, rank_key, relevance, best, terms,"
            " read, dismissed, starred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (item_id, *rank, read, dismissed, starred)
                for item_id, title, text, sort_time, read, dismissed, starred in rows
                for rank in scorer.rank_rows(title, text, db_time(sort_time))
            ],
        )
        apply_boosts(conn, chunk)  # the rows were written without their people's lift


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


def item_rows(db: Database, ids: list[int], theme_id: int = 0) -> dict[int, ItemRow]:
    """List rows for the given ids (missing ids are left out), each with the terms it
    matched under `theme_id` (0: its best theme)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.read(
        "SELECT i.id, i.title, i.published, i.read, i.starred, i.link, i.sort_time,"
        " f.title AS source, r.relevance,"
        " EXISTS (SELECT 1 FROM draft_items di WHERE di.item_id = i.id) AS has_draft,"
        " t.name AS theme, t.color,"
        # The terms as "keyword\x1eplace\x1f...": SQLite reads the JSON, so the window's
        # first paint does not import Python's json (~1.5 ms).
        " (SELECT group_concat(term, char(31)) FROM (SELECT json_extract(value, '$[0]')"
        "  || char(30) || json_extract(value, '$[1]') AS term FROM json_each(r.terms)"
        "  ORDER BY key)) AS terms,"
        " (SELECT max(p.posted_at) FROM posts p WHERE p.link = i.link AND i.link != '')"
        " AS shared_at"
        " FROM items i JOIN feeds f ON f.id = i.feed_id"
        " LEFT JOIN ranks r ON r.item_id = i.id AND r.theme_id = ?"
        " LEFT JOIN themes t ON t.id = r.best"
        f" WHERE i.id IN ({marks})",
        (theme_id, *ids),
    )
    return {
        r["id"]: ItemRow(
            id=r["id"],
            title=r["title"],
            source=r["source"],
            published=from_db_time(r["published"]),
            has_draft=bool(r["has_draft"]),
            read=bool(r["read"]),
            starred=bool(r["starred"]),
            theme=r["theme"] or "",
            color=r["color"] or "",
            shared_at=from_db_time(r["shared_at"]),
            relevance=float(r["relevance"] or 0.0),
            sort_time=from_db_time(r["sort_time"]),
            link=r["link"],
            matched=_split_terms(r["terms"]) if r["theme"] else (),
        )
        for r in rows
    }


def _split_terms(text: str | None) -> tuple[tuple[str, str], ...]:
    """("keyword", "place") pairs from item_rows' "keyword\x1eplace\x1f..." column."""
    if not text:
        return ()
    pairs = (term.partition("\x1e") for term in text.split("\x1f"))
    return tuple((keyword, place) for keyword, __, place in pairs)


def _terms(text: str | None) -> tuple[tuple[str, str], ...]:
    import json

    return tuple((term, where) for term, where in json.loads(text or "[]"))


def get_item(db: Database, item_id: int) -> Item:
    """One item in full: the themes its feed serves, what it matched, when it was shared."""
    rows = db.read(
        "SELECT i.*, f.title AS source,"
        " (SELECT group_concat(t.name, char(31)) FROM feed_themes ft"
        "  JOIN themes t ON t.id = ft.theme_id WHERE ft.feed_id = i.feed_id) AS theme_names,"
        " r.relevance, r.terms, bt.name AS best_theme"
        " FROM items i JOIN feeds f ON f.id = i.feed_id"
        " LEFT JOIN ranks r ON r.item_id = i.id AND r.theme_id = 0"
        " LEFT JOIN themes bt ON bt.id = r.best"
        " WHERE i.id = ?",
        (item_id,),
    )
    if not rows:
        raise NotFoundError(
            _("There is no item {id}.").format(id=item_id), _("It may have been removed.")
        )
    r = rows[0]
    terms = _terms(r["terms"])
    shared: tuple[tuple[datetime, str], ...] = ()
    if r["link"]:
        shared = tuple(
            (datetime.fromisoformat(p[0].replace("Z", "+00:00")), p[1])
            for p in db.read(
                "SELECT posted_at, platform FROM posts WHERE link = ? ORDER BY posted_at DESC",
                (r["link"],),
            )
        )
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
        read=bool(r["read"]),
        starred=bool(r["starred"]),
        dismissed=bool(r["dismissed"]),
        terms=tuple(term for term, __ in terms),
        relevance=float(r["relevance"] or 0.0),
        shared=shared,
        best_theme=r["best_theme"] or "",
        matched=terms if r["best_theme"] else (),
    )


def set_flags(
    conn: sqlite3.Connection,
    item_ids: list[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
    dismissed: bool | None = None,
) -> None:
    """Mark items read/unread, starred, dismissed; the ranks follow (a trigger)."""
    changes = {"read": read, "starred": starred, "dismissed": dismissed}
    sets = [(f"{name} = ?", int(value)) for name, value in changes.items() if value is not None]
    if not sets or not item_ids:
        return
    marks = ",".join("?" * len(item_ids))
    conn.execute(
        f"UPDATE items SET {', '.join(s for s, __ in sets)} WHERE id IN ({marks})",
        (*(v for __, v in sets), *item_ids),
    )


def item_count(db: Database) -> int:
    """How many items are stored, in every feed."""
    return int(db.read("SELECT count(*) FROM items")[0][0])
