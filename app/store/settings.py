"""User settings as JSON values in one key/value table."""

from __future__ import annotations

import sqlite3

from app.store.database import Database

# When the last refresh started: written by app.feeds.refresh, shown as "last refreshed".
LAST_REFRESH_KEY = "last_refresh_at"


def get_setting(db: Database, key: str, default: object = None) -> object:
    """The setting's value, or `default` if it was never set."""
    # SQLite decodes scalars itself, so start-up (which reads only numbers) never
    # imports Python's json module (~2 ms).
    rows = db.read(
        "SELECT json_type(value) AS kind, json_extract(value, '$') AS scalar, value"
        " FROM settings WHERE key = ?",
        (key,),
    )
    if not rows:
        return default
    kind, scalar, text = rows[0]
    if kind in ("object", "array"):
        import json

        return json.loads(text)
    if kind in ("true", "false"):
        return kind == "true"
    return scalar


def set_setting(conn: sqlite3.Connection, key: str, value: object) -> None:
    import json

    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )
