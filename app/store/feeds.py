"""Queries on feeds and the themes they serve."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from app.store.database import Database, from_db_time, to_db_time
from app.types import Feed


def add_feed(conn: sqlite3.Connection, url: str, title: str, now: datetime) -> int:
    """The feed's id, adding it if its URL is new."""
    conn.execute(
        "INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING",
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
    conn: sqlite3.Connection, feed_id: int, title: str, site_url: str, now: datetime
) -> None:
    """Note a successful update; keeps a user-set title if the feed sends none."""
    conn.execute(
        "UPDATE feeds SET title = CASE WHEN ? != '' THEN ? ELSE title END,"
        " site_url = ?, last_success = ?, last_error = '' WHERE id = ?",
        (title, title, site_url, to_db_time(now), feed_id),
    )


def feed_count(db: Database) -> int:
    return int(db.read("SELECT count(*) FROM feeds")[0][0])


def list_feeds(db: Database) -> list[Feed]:
    """All feeds with the names of their themes, by title."""
    rows = db.read(
        "SELECT f.*, group_concat(t.name, char(31)) AS theme_names FROM feeds f"
        " LEFT JOIN feed_themes ft ON ft.feed_id = f.id"
        " LEFT JOIN themes t ON t.id = ft.theme_id"
        " GROUP BY f.id ORDER BY f.title COLLATE NOCASE"
    )
    return [
        Feed(
            id=r["id"],
            url=r["url"],
            title=r["title"],
            site_url=r["site_url"],
            last_success=from_db_time(r["last_success"]),
            last_error=r["last_error"],
            themes=tuple(r["theme_names"].split("\x1f")) if r["theme_names"] else (),
        )
        for r in rows
    ]
