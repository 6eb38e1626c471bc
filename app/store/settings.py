"""User settings as JSON values in one key/value table."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.store.database import Database


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    rows = db.read("SELECT value FROM settings WHERE key = ?", (key,))
    return json.loads(rows[0][0]) if rows else default


def set_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )
