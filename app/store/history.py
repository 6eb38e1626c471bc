"""Queries for importing history from the platforms' exports (docs/HISTORY.md): what is
already logged (to recognise duplicates), the bulk inserts of posts and engagement, and
engagement counted over time. Each read is one query however large the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from app.store.database import Database, db_time, to_db_time

# (posted_at as stored, platform, kind, url, text, link, theme_id, source, external_id)
PostRow = tuple[str, str, str, str, str, str, int | None, str, str]
# (platform, kind, at as stored, url, external_id, source)
EngagementRow = tuple[str, str, str, str, str, str]


def _column(db: Database, sql: str, params: tuple[object, ...] = ()) -> list[str]:
    return [str(value) for value in db.column(sql, params)]


def external_ids(db: Database, platform: str) -> set[str]:
    """The platform's own ids of the posts imported from it before."""
    return set(
        _column(
            db,
            "SELECT external_id FROM posts WHERE platform = ? AND external_id IS NOT NULL",
            (platform,),
        )
    )


def engagement_ids(db: Database, platform: str) -> set[str]:
    """The platform's own ids of the comments and replies imported from it before."""
    return set(_column(db, "SELECT external_id FROM engagement WHERE platform = ?", (platform,)))


def logged_urls(db: Database) -> list[str]:
    """The address of every logged post that has one, whatever its platform or source."""
    return _column(db, "SELECT url FROM posts WHERE url != ''")


def logged_links(db: Database, platform: str) -> list[tuple[str, datetime]]:
    """(shared link, when) of every logged post on the platform that shared a link."""
    rows = db.read(
        "SELECT link, posted_at FROM posts WHERE platform = ? AND link != ''", (platform,)
    )
    return [(str(r[0]), db_time(r[1])) for r in rows]


def post_times(db: Database) -> list[datetime]:
    """When each logged post was posted (the score and streak before an import)."""
    return [db_time(text) for text in db.column("SELECT posted_at FROM posts")]


def person_match_keys(db: Database) -> set[str]:
    """The name (`n:`) and handle (`@`) keys of the user's people, archived ones left
    out: what a post's text may name them by (app/compose/mentioning.py)."""
    return set(
        _column(
            db,
            "SELECT DISTINCT k.key FROM person_keys k JOIN people p ON p.id = k.person_id"
            " WHERE p.archived_at IS NULL AND (k.key LIKE 'n:%' OR k.key LIKE '@%')",
        )
    )


def theme_ids(db: Database) -> set[int]:
    return {int(value) for value in db.column("SELECT id FROM themes")}


def insert_posts(conn: sqlite3.Connection, rows: Iterable[PostRow]) -> int:
    """Add imported posts; one already there (same platform and external id) is left
    as it is. Returns how many were added. The caller's transaction."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO posts (posted_at, platform, kind, url, text, link, theme_id,"
        " source, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return conn.total_changes - before


def insert_engagement(conn: sqlite3.Connection, rows: Iterable[EngagementRow]) -> int:
    """Add comments and replies; one already there is left as it is. Returns how many
    were added. The caller's transaction."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO engagement (platform, kind, at, url, external_id, source)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return conn.total_changes - before


def engagement_times(db: Database, since: datetime, until: datetime) -> list[datetime]:
    """When each comment or reply from `since` (included) to `until` (excluded) was made."""
    return [
        db_time(text)
        for text in db.column(
            "SELECT at FROM engagement WHERE at >= ? AND at < ? ORDER BY at",
            (to_db_time(since), to_db_time(until)),
        )
    ]


def per_source(db: Database) -> dict[str, tuple[int, int]]:
    """source -> (posts, comments and replies) imported from it; '' is the posts
    logged in Digwell itself."""
    counts: dict[str, tuple[int, int]] = {}
    for source, count in db.read("SELECT source, COUNT(*) FROM posts GROUP BY source"):
        counts[str(source)] = (int(count), 0)
    for source, count in db.read("SELECT source, COUNT(*) FROM engagement GROUP BY source"):
        counts[str(source)] = (counts.get(str(source), (0, 0))[0], int(count))
    return counts
