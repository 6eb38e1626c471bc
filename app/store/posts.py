"""Queries on the log of published posts."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from app.errors import NotFoundError
from app.i18n import _
from app.store.database import Database, db_time, from_db_time, to_db_time
from app.types import POST_KINDS, Post


def add_post(
    conn: sqlite3.Connection,
    *,
    posted_at: datetime,
    platform: str,
    kind: str = "share",
    url: str = "",
    text: str = "",
    link: str = "",
    draft_id: int | None = None,
    item_id: int | None = None,
    theme_id: int | None = None,
) -> int:
    """Log a post; returns its id."""
    if kind not in POST_KINDS:
        raise ValueError(f"unknown post kind {kind!r}")
    cur = conn.execute(
        "INSERT INTO posts (posted_at, platform, kind, url, text, link, draft_id, item_id,"
        " theme_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (to_db_time(posted_at), platform, kind, url, text, link, draft_id, item_id, theme_id),
    )
    return int(cur.lastrowid or 0)


def _post(r: sqlite3.Row) -> Post:
    posted = from_db_time(r["posted_at"])
    assert posted is not None
    return Post(
        id=r["id"],
        posted_at=posted,
        platform=r["platform"],
        kind=r["kind"],
        url=r["url"],
        text=r["text"],
        draft_id=r["draft_id"],
        item_id=r["item_id"],
        link=r["link"],
        theme_id=r["theme_id"],
    )


def posts_between(db: Database, start: datetime, end: datetime) -> list[Post]:
    """Posts with start <= posted_at < end, oldest first."""
    rows = db.read(
        "SELECT * FROM posts WHERE posted_at >= ? AND posted_at < ? ORDER BY posted_at, id",
        (to_db_time(start), to_db_time(end)),
    )
    return [_post(r) for r in rows]


def list_posts(db: Database) -> list[Post]:
    """Every post, newest first."""
    return [_post(r) for r in db.read("SELECT * FROM posts ORDER BY posted_at DESC, id DESC")]


def post_ids(db: Database) -> list[int]:
    """Every post's id, newest first (the posts log's order)."""
    return db.column("SELECT id FROM posts ORDER BY posted_at DESC, id DESC")


def posts_by_id(db: Database, ids: list[int]) -> dict[int, Post]:
    """These posts by id (missing ones left out): the posts log reads a screenful."""
    marks = ",".join("?" * len(ids))
    return {
        r["id"]: _post(r) for r in db.read(f"SELECT * FROM posts WHERE id IN ({marks})", tuple(ids))
    }


def get_post(db: Database, post_id: int) -> Post:
    rows = db.read("SELECT * FROM posts WHERE id = ?", (post_id,))
    if not rows:
        raise NotFoundError(
            _("There is no post {id}.").format(id=post_id), _("It may have been deleted.")
        )
    return _post(rows[0])


def delete_post(conn: sqlite3.Connection, post_id: int) -> None:
    if conn.execute("DELETE FROM posts WHERE id = ?", (post_id,)).rowcount == 0:
        raise NotFoundError(
            _("There is no post {id}.").format(id=post_id), _("It may have been deleted.")
        )


def recent_posts(db: Database, limit: int) -> list[Post]:
    """The newest `limit` posts, newest first."""
    rows = db.read("SELECT * FROM posts ORDER BY posted_at DESC, id DESC LIMIT ?", (limit,))
    return [_post(r) for r in rows]


def posts_of_link(db: Database, link: str) -> list[Post]:
    """Posts that shared this link, newest first."""
    if not link:
        return []
    rows = db.read("SELECT * FROM posts WHERE link = ? ORDER BY posted_at DESC, id DESC", (link,))
    return [_post(r) for r in rows]


def last_post_on_theme(db: Database, theme_id: int) -> Post | None:
    rows = db.read(
        "SELECT * FROM posts WHERE theme_id = ? ORDER BY posted_at DESC, id DESC LIMIT 1",
        (theme_id,),
    )
    return _post(rows[0]) if rows else None


def post_of_draft(db: Database, draft_id: int) -> Post | None:
    rows = db.read(
        "SELECT * FROM posts WHERE draft_id = ? ORDER BY posted_at DESC, id DESC LIMIT 1",
        (draft_id,),
    )
    return _post(rows[0]) if rows else None


# What a caller may change on a logged post; id stays.
_EDITABLE = frozenset(
    {"posted_at", "platform", "kind", "url", "text", "link", "draft_id", "item_id", "theme_id"}
)


def update_post(conn: sqlite3.Connection, post_id: int, **fields: object) -> None:
    """Change the given columns of a post; NotFoundError if there is no such post."""
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValueError(f"posts have no editable field {', '.join(sorted(unknown))}")
    if "kind" in fields and fields["kind"] not in POST_KINDS:
        raise ValueError(f"unknown post kind {fields['kind']!r}")
    if "posted_at" in fields:
        posted_at = fields["posted_at"]
        assert isinstance(posted_at, datetime)
        fields = {**fields, "posted_at": to_db_time(posted_at)}
    if not fields:
        get_post_in(conn, post_id)  # still says when the post is gone
        return
    names = sorted(fields)  # only names from _EDITABLE reach the SQL
    assignments = ", ".join(f"{name} = ?" for name in names)
    cur = conn.execute(
        f"UPDATE posts SET {assignments} WHERE id = ?",
        (*(fields[name] for name in names), post_id),
    )
    if cur.rowcount == 0:
        raise NotFoundError(
            _("There is no post {id}.").format(id=post_id), _("It may have been deleted.")
        )


def get_post_in(conn: sqlite3.Connection, post_id: int) -> Post:
    """`get_post` on a connection, e.g. inside a transaction."""
    row = conn.execute("SELECT * FROM posts WHERE id = ?", (post_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            _("There is no post {id}.").format(id=post_id), _("It may have been deleted.")
        )
    return _post(row)


def restore_post(conn: sqlite3.Connection, post: Post) -> int:
    """Put a deleted post back, under its old id when that is still free; returns its id.
    A draft, item or theme deleted in the meantime is left out rather than failing."""
    taken = conn.execute("SELECT 1 FROM posts WHERE id = ?", (post.id,)).fetchone()
    cur = conn.execute(
        "INSERT INTO posts (id, posted_at, platform, kind, url, text, link, draft_id, item_id,"
        " theme_id) VALUES (?, ?, ?, ?, ?, ?, ?,"
        " (SELECT id FROM drafts WHERE id = ?), (SELECT id FROM items WHERE id = ?),"
        " (SELECT id FROM themes WHERE id = ?))",
        (
            None if taken else post.id,
            to_db_time(post.posted_at),
            post.platform,
            post.kind,
            post.url,
            post.text,
            post.link,
            post.draft_id,
            post.item_id,
            post.theme_id,
        ),
    )
    return int(cur.lastrowid or 0)


def post_exists(db: Database, posted_at: datetime, platform: str, url: str) -> bool:
    """Whether a post at this time, on this platform, with this URL is logged."""
    rows = db.read(
        "SELECT 1 FROM posts WHERE posted_at = ? AND platform = ? AND url = ? LIMIT 1",
        (to_db_time(posted_at), platform, url),
    )
    return bool(rows)


def post_keys(conn: sqlite3.Connection) -> Counter[tuple[str, str, str]]:
    """How many posts each (posted_at as stored, platform, url) has: what an import
    compares its rows with."""
    rows = conn.execute("SELECT posted_at, platform, url FROM posts").fetchall()
    return Counter((r[0], r[1], r[2]) for r in rows)


def post_count(db: Database) -> int:
    return int(db.read("SELECT COUNT(*) FROM posts")[0][0])


# --- what the cadence report needs, aggregated by SQLite (app/cadence/facts.py) --------


def first_post_time(db: Database) -> datetime | None:
    """When the first post was posted (an index answers)."""
    return from_db_time(db.read("SELECT MIN(posted_at) FROM posts")[0][0])


_EPOCH_DAY = date(1970, 1, 1)


def local_day_counts(
    db: Database, until: datetime, offsets: Sequence[tuple[datetime, int]]
) -> dict[date, int]:
    """Posts up to `until` per local day, where `offsets` lists [(from, UTC offset in
    seconds)] in order, the first one in force from the first post on. One range of the
    `posts_seconds` index per offset, summed in whole days: no date is parsed."""
    counts: dict[date, int] = {}
    for n, (start, offset) in enumerate(offsets):
        low = int(start.timestamp()) if n else 0
        high = int(offsets[n + 1][0].timestamp()) if n + 1 < len(offsets) else None
        last = int(until.timestamp())
        rows = db.read(
            "SELECT (posted_s + ?) / 86400, count(*) FROM posts"
            " WHERE posted_s >= ? AND posted_s < ? AND posted_s <= ? GROUP BY 1",
            (offset, low, last + 1 if high is None else high, last),
        )
        for day, count in rows:
            key = _EPOCH_DAY + timedelta(days=int(day))
            counts[key] = counts.get(key, 0) + int(count)
    return counts


def last_post_times(db: Database, until: datetime) -> dict[int | None, datetime]:
    """theme id (as stored; None for none) -> its last post up to `until`."""
    # One lookup per theme in posts_theme_time (theme_id, posted_at), not a scan of
    # every post: the themes are few, the posts may be 50,000.
    rows = db.read(
        "SELECT t.theme_id, (SELECT max(p.posted_at) FROM posts p WHERE p.theme_id IS t.theme_id"
        " AND p.posted_at <= ?) FROM (SELECT DISTINCT theme_id FROM posts) t",
        (to_db_time(until),),
    )
    return {r[0]: db_time(r[1]) for r in rows if r[1] is not None}
