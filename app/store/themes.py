"""Queries on career themes."""

from __future__ import annotations

import sqlite3

from app.store.database import Database
from app.types import Theme


def save_theme(conn: sqlite3.Connection, theme: Theme, position: int = 0) -> int:
    """Insert or update a theme by name; returns its id."""
    import json  # not at module level: start-up reads no themes

    conn.execute(
        "INSERT INTO themes (name, keywords, excluded, hashtags, color, position)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
        " keywords = excluded.keywords, excluded = excluded.excluded,"
        " hashtags = excluded.hashtags, color = excluded.color, position = excluded.position",
        (
            theme.name,
            json.dumps(list(theme.keywords)),
            json.dumps(list(theme.excluded)),
            json.dumps(list(theme.hashtags)),
            theme.color,
            position,
        ),
    )
    row = conn.execute("SELECT id FROM themes WHERE name = ?", (theme.name,)).fetchone()
    return int(row[0])


def theme_names(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every theme in the user's order: no JSON decoded (start-up)."""
    return [(r[0], r[1]) for r in db.read("SELECT id, name FROM themes ORDER BY position, id")]


def list_themes(db: Database) -> list[Theme]:
    """All themes in the user's order."""
    import json

    return [
        Theme(
            id=r["id"],
            name=r["name"],
            keywords=tuple(json.loads(r["keywords"])),
            excluded=tuple(json.loads(r["excluded"])),
            hashtags=tuple(json.loads(r["hashtags"])),
            color=r["color"],
        )
        for r in db.read("SELECT * FROM themes ORDER BY position, id")
    ]
