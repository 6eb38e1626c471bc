"""Re-score every item after the strategy changed, then switch the inbox over at once.

New scores are computed into a temporary table, batch by batch (reporting progress),
while the inbox keeps ranking by the old ones; one transaction then replaces every
score and records the new strategy as the one the scores reflect. Items a refresh
stored or changed meanwhile are scored in that transaction too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from app.store.database import Database, db_time, to_db_time
from app.store.item_people import apply_boosts
from app.store.items import rank_items
from app.store.migrations import (
    RANKS_ORDER_INDEX,
    UNREAD_COUNT_TRIGGER_NAMES,
    UNREAD_COUNT_TRIGGERS,
)
from app.strategy.scoring import Scorer, keep_snapshot, saved_scorer

# Items read and scored per step: ~20 ms of work between two progress reports.
_BATCH = 2000

Progress = Callable[[int, int], None]  # (items scored, items in all)


def rescore(db: Database, now: datetime, on_progress: Progress | None = None) -> int:
    """Score every item with the strategy as last saved; returns how many were scored."""
    conn = db.conn
    scorer = saved_scorer(conn)
    started = to_db_time(now)
    total = int(conn.execute("SELECT count(*) FROM items").fetchone()[0])
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS new_ranks (item_id INTEGER NOT NULL,"
        " theme_id INTEGER NOT NULL, rank_key REAL NOT NULL, relevance REAL NOT NULL,"
        " best INTEGER, terms TEXT NOT NULL)"
    )
    conn.execute("DELETE FROM temp.new_ranks")
    try:
        last, done = _score_apart(conn, scorer, total, on_progress)
        with db.transaction() as tx:
            stragglers = _switch_over(tx, scorer, last, started)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.new_ranks")
        conn.execute("DROP TABLE IF EXISTS temp.flags")
    return done + len([i for i in stragglers if i > last])


def _score_apart(
    conn: sqlite3.Connection, scorer: Scorer, total: int, on_progress: Progress | None
) -> tuple[int, int]:
    """Score every item into temp.new_ranks, batch by batch, while the inbox keeps ranking
    by the old scores; (the last item id scored, how many were scored)."""
    last = done = 0
    while True:
        rows = conn.execute(
            "SELECT id, title, summary_text, sort_time FROM items WHERE id > ? ORDER BY id LIMIT ?",
            (last, _BATCH),
        ).fetchall()
        if not rows:
            return last, done
        conn.executemany(
            "INSERT INTO temp.new_ranks VALUES (?, ?, ?, ?, ?, ?)",
            [
                (item_id, *rank)
                for item_id, title, text, sort_time in rows
                for rank in scorer.rank_rows(title, text, db_time(sort_time))
            ],
        )
        last = rows[-1][0]
        done += len(rows)
        if on_progress:
            on_progress(done, max(total, done))


def _switch_over(tx: sqlite3.Connection, scorer: Scorer, last: int, started: str) -> list[int]:
    """Replace every score by the new ones, in the caller's transaction; the ids of the
    items a refresh stored or changed meanwhile, scored here too."""
    # Flags as they are now, from the rows being replaced (narrow, unlike items).
    tx.execute("CREATE TEMP TABLE flags (item_id INTEGER PRIMARY KEY, read, dismissed, starred)")
    tx.execute(
        "INSERT INTO temp.flags SELECT item_id, read, dismissed, starred FROM ranks"
        " WHERE theme_id = 0"
    )
    for name in UNREAD_COUNT_TRIGGER_NAMES:  # recounted once below instead
        tx.execute(f"DROP TRIGGER {name}")
    tx.execute("DROP INDEX ranks_order")  # built again below, in one sorted pass
    tx.execute("DELETE FROM ranks")
    tx.execute(
        "INSERT INTO ranks (item_id, theme_id, rank_key, relevance, best, terms,"
        " read, dismissed, starred)"
        " SELECT n.item_id, n.theme_id, n.rank_key, n.relevance, n.best, n.terms,"
        " coalesce(f.read, 0), coalesce(f.dismissed, 0), coalesce(f.starred, 0)"
        " FROM temp.new_ranks n LEFT JOIN temp.flags f ON f.item_id = n.item_id"
        " ORDER BY n.item_id, n.theme_id"
    )
    apply_boosts(tx)  # items by the user's people rank higher (docs/PEOPLE.md)
    tx.execute(RANKS_ORDER_INDEX)
    stragglers = [
        r[0]
        for r in tx.execute("SELECT id FROM items WHERE id > ? OR updated_at >= ?", (last, started))
    ]
    rank_items(tx, stragglers, scorer)
    tx.execute("DELETE FROM unread_counts")
    tx.execute(
        "INSERT INTO unread_counts SELECT theme_id, count(*) FROM ranks"
        " WHERE dismissed = 0 AND read = 0 GROUP BY theme_id"
    )
    for statement in _statements(UNREAD_COUNT_TRIGGERS):
        tx.execute(statement)
    keep_snapshot(tx, scorer)
    return stragglers


def _statements(script: str) -> list[str]:
    """The CREATE TRIGGER statements of a script, one each (each ends with "END;")."""
    return [part.strip() + " END;" for part in script.split("END;") if part.strip()]
