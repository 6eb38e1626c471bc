"""Queries on feeds: subscriptions, their themes, and what each refresh learned."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from app.store.database import Database, from_db_time, to_db_time
from app.types import Feed

_LIVE = "removed_at IS NULL"


def add_feed(conn: sqlite3.Connection, url: str, title: str, now: datetime) -> int:
    """The feed's id, adding it if its URL is new. A removed feed comes back as new:
    unpaused, no errors, fetched at the next refresh."""
    conn.execute(
        "INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?)"
        " ON CONFLICT(url) DO UPDATE SET"
        " added_at = CASE WHEN removed_at IS NULL THEN added_at ELSE excluded.added_at END,"
        " paused = CASE WHEN removed_at IS NULL THEN paused ELSE 0 END,"
        " paused_reason = CASE WHEN removed_at IS NULL THEN paused_reason ELSE '' END,"
        " failures = CASE WHEN removed_at IS NULL THEN failures ELSE 0 END,"
        " last_error = CASE WHEN removed_at IS NULL THEN last_error ELSE '' END,"
        " next_fetch_at = CASE WHEN removed_at IS NULL THEN next_fetch_at ELSE NULL END,"
        " removed_at = NULL",
        (url, title, to_db_time(now)),
    )
    return int(conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0])


def set_feed_themes(conn: sqlite3.Connection, feed_id: int, theme_ids: list[int]) -> None:
    """Replace the set of themes a feed serves."""
    conn.execute("DELETE FROM feed_themes WHERE feed_id = ?", (feed_id,))
    conn.executemany(
        "INSERT INTO feed_themes (feed_id, theme_id) VALUES (?, ?)",
        [(feed_id, t) for t in theme_ids],
    )


def record_success(
    conn: sqlite3.Connection,
    feed_id: int,
    title: str,
    site_url: str,
    now: datetime,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    next_fetch_at: datetime | None = None,
) -> None:
    """Note a successful update; keeps a user-set title if the feed sends none."""
    conn.execute(
        "UPDATE feeds SET title = CASE WHEN title = '' AND ? != '' THEN ? ELSE title END,"
        " site_url = CASE WHEN ? != '' THEN ? ELSE site_url END,"
        " last_success = ?, last_attempt = ?, last_error = '', failures = 0,"
        " etag = ?, last_modified = ?, next_fetch_at = ? WHERE id = ?",
        (
            title,
            title,
            site_url,
            site_url,
            to_db_time(now),
            to_db_time(now),
            etag,
            last_modified,
            to_db_time(next_fetch_at) if next_fetch_at else None,
            feed_id,
        ),
    )


def record_not_modified(
    conn: sqlite3.Connection, feed_id: int, now: datetime, next_fetch_at: datetime | None
) -> None:
    """The server said nothing changed (HTTP 304): that is a success too."""
    conn.execute(
        "UPDATE feeds SET last_success = ?, last_attempt = ?, last_error = '', failures = 0,"
        " next_fetch_at = ? WHERE id = ?",
        (
            to_db_time(now),
            to_db_time(now),
            to_db_time(next_fetch_at) if next_fetch_at else None,
            feed_id,
        ),
    )


def record_failure(
    conn: sqlite3.Connection, feed_id: int, error: str, now: datetime, next_fetch_at: datetime
) -> None:
    """Keep the reason, count the failure, and wait before asking again."""
    conn.execute(
        "UPDATE feeds SET last_error = ?, last_attempt = ?, failures = failures + 1,"
        " next_fetch_at = ? WHERE id = ?",
        (error, to_db_time(now), to_db_time(next_fetch_at), feed_id),
    )


def set_paused(conn: sqlite3.Connection, feed_id: int, paused: bool, reason: str = "") -> None:
    conn.execute(
        "UPDATE feeds SET paused = ?, paused_reason = ?, next_fetch_at = NULL,"
        " failures = CASE WHEN ? THEN failures ELSE 0 END WHERE id = ?",
        (int(paused), reason if paused else "", int(paused), feed_id),
    )


def rename_feed(conn: sqlite3.Connection, feed_id: int, title: str) -> None:
    conn.execute("UPDATE feeds SET title = ? WHERE id = ?", (title, feed_id))


def move_url(conn: sqlite3.Connection, feed_id: int, new_url: str) -> bool:
    """Follow a permanent redirect; False if another subscription already has that URL."""
    taken = conn.execute(
        "SELECT 1 FROM feeds WHERE url = ? AND id != ?", (new_url, feed_id)
    ).fetchone()
    if taken:
        return False
    conn.execute(
        "UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL WHERE id = ?",
        (new_url, feed_id),
    )
    return True


def set_secret_ref(conn: sqlite3.Connection, feed_id: int, ref: str | None, kind: str) -> None:
    """Remember where the feed's secret lives in the keyring (never the secret itself)."""
    conn.execute(
        "UPDATE feeds SET secret_ref = ?, auth_kind = ? WHERE id = ?", (ref, kind, feed_id)
    )


def make_due(conn: sqlite3.Connection, feed_id: int) -> None:
    """Fetch the feed at the next refresh, whatever its schedule said."""
    conn.execute("UPDATE feeds SET next_fetch_at = NULL WHERE id = ?", (feed_id,))


def secret_ref(db: Database, feed_id: int) -> str | None:
    rows = db.read("SELECT secret_ref FROM feeds WHERE id = ?", (feed_id,))
    return rows[0]["secret_ref"] if rows else None


def remove_feed(conn: sqlite3.Connection, feed_id: int, now: datetime) -> int:
    """Unsubscribe. Items that were starred, drafted from or posted stay, still naming
    their source; the rest go. Returns how many items were kept."""
    conn.execute(
        "DELETE FROM items WHERE feed_id = ? AND starred = 0"
        " AND NOT EXISTS (SELECT 1 FROM draft_items d WHERE d.item_id = items.id)"
        " AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.item_id = items.id)",
        (feed_id,),
    )
    conn.execute("DELETE FROM feed_themes WHERE feed_id = ?", (feed_id,))
    conn.execute(
        "UPDATE feeds SET removed_at = ?, secret_ref = NULL, auth_kind = '', etag = NULL,"
        " last_modified = NULL WHERE id = ?",
        (to_db_time(now), feed_id),
    )
    return int(
        conn.execute("SELECT count(*) FROM items WHERE feed_id = ?", (feed_id,)).fetchone()[0]
    )


def feed_count(db: Database) -> int:
    return int(db.read(f"SELECT count(*) FROM feeds WHERE {_LIVE}")[0][0])


def error_count(db: Database) -> int:
    """Subscribed feeds whose last fetch failed."""
    return int(db.read(f"SELECT count(*) FROM feeds WHERE {_LIVE} AND last_error != ''")[0][0])


def list_feeds(db: Database, feed_ids: list[int] | None = None) -> list[Feed]:
    """Subscribed feeds with their themes and item counts, by title."""
    where = _LIVE
    params: tuple[int, ...] = ()
    if feed_ids is not None:
        where += f" AND f.id IN ({','.join('?' * len(feed_ids))})"
        params = tuple(feed_ids)
    rows = db.read(
        "SELECT f.*, (SELECT group_concat(name, char(31)) FROM (SELECT t.name"
        "   FROM feed_themes ft JOIN themes t ON t.id = ft.theme_id WHERE ft.feed_id = f.id"
        "   ORDER BY t.position, t.name)) AS theme_names,"
        " (SELECT count(*) FROM items i WHERE i.feed_id = f.id) AS item_count"
        f" FROM feeds f WHERE {where} ORDER BY f.title COLLATE NOCASE, f.url",
        params,
    )
    return [_feed(r) for r in rows]


def find_feed(db: Database, url_or_id: str) -> Feed | None:
    """A subscribed feed by its URL or its id."""
    key = url_or_id.strip()
    rows = db.read(f"SELECT id FROM feeds f WHERE {_LIVE} AND (url = ? OR id = ?)", (key, key))
    return list_feeds(db, [rows[0]["id"]])[0] if rows else None


def due_feeds(db: Database, now: datetime, *, force: bool = False) -> list[sqlite3.Row]:
    """Feeds to fetch now: not paused, and not asked to wait (unless forced)."""
    sql = (
        "SELECT id, url, title, etag, last_modified, failures, secret_ref, auth_kind"
        f" FROM feeds WHERE {_LIVE} AND paused = 0"
    )
    if force:
        return db.read(sql + " ORDER BY id")
    return db.read(
        sql + " AND (next_fetch_at IS NULL OR next_fetch_at <= ?) ORDER BY id",
        (to_db_time(now),),
    )


def _feed(r: sqlite3.Row) -> Feed:
    return Feed(
        id=r["id"],
        url=r["url"],
        title=r["title"],
        site_url=r["site_url"],
        last_success=from_db_time(r["last_success"]),
        last_error=r["last_error"],
        themes=tuple(r["theme_names"].split("\x1f")) if r["theme_names"] else (),
        item_count=r["item_count"],
        paused=bool(r["paused"]),
        paused_reason=r["paused_reason"],
        failures=r["failures"],
        last_attempt=from_db_time(r["last_attempt"]),
        next_fetch_at=from_db_time(r["next_fetch_at"]),
        auth_kind=r["auth_kind"],
    )
