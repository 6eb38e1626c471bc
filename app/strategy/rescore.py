"""Re-score every item after the strategy changed, then switch the inbox over at once.

New scores are computed into a temporary table, batch by batch (reporting progress),
while the inbox keeps ranking by the old ones; one transaction then replaces every
score and records the new strategy as the one the scores reflect. Items a refresh
stored or changed meanwhile are scored in that transaction too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.store.database import Database, from_db_time, to_db_time
from app.store.items import rank_items
from app.strategy.scoring import keep_snapshot, saved_scorer

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
    last = done = 0
    try:
        while True:
            rows = conn.execute(
                "SELECT id, title, summary_text, sort_time FROM items WHERE id > ?"
                " ORDER BY id LIMIT ?",
                (last, _BATCH),
            ).fetchall()
            if not rows:
                break
            conn.executemany(
                "INSERT INTO temp.new_ranks VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (item_id, *rank)
                    for item_id, title, text, sort_time in rows
                    for rank in scorer.rank_rows(title, text, from_db_time(sort_time))
                ],
            )
            last = rows[-1][0]
            done += len(rows)
            if on_progress:
                on_progress(done, max(total, done))
        with db.transaction() as tx:
            tx.execute("DELETE FROM ranks")
            tx.execute(
                "INSERT INTO ranks (item_id, theme_id, rank_key, relevance, best, terms,"
                " read, dismissed, starred)"
                " SELECT n.item_id, n.theme_id, n.rank_key, n.relevance, n.best, n.terms,"
                " i.read, i.dismissed, i.starred"
                " FROM temp.new_ranks n JOIN items i ON i.id = n.item_id"
            )
            stragglers = [
                r[0]
                for r in tx.execute(
                    "SELECT id FROM items WHERE id > ? OR updated_at >= ?", (last, started)
                )
            ]
            rank_items(tx, stragglers, scorer)
            keep_snapshot(tx, scorer)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.new_ranks")
    return done + len([i for i in stragglers if i > last])
