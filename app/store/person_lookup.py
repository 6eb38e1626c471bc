"""Which of the user's people hold these matching keys (docs/PEOPLE.md, "Mentions"): what
a draft's names and @mentions are looked up by, in one query however long the text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from app.store.database import Database


def holders(db: Database, keys: Iterable[str]) -> dict[str, list[int]]:
    """key -> ids of the people (never archived ones) holding it, earliest added first."""
    listed = sorted(set(keys))
    if not listed:
        return {}
    found: dict[str, list[int]] = {}
    for key, person_id in db.read(
        "SELECT k.key, k.person_id FROM person_keys k JOIN people p ON p.id = k.person_id"
        " WHERE p.archived_at IS NULL AND k.key IN (SELECT value FROM json_each(?))"
        " ORDER BY k.key, k.person_id",
        (json.dumps(listed, ensure_ascii=False),),
    ):
        found.setdefault(key, []).append(person_id)
    return found


def existing(conn: sqlite3.Connection, person_ids: Iterable[int]) -> set[int]:
    """Which of these people are still kept (archived ones too)."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(int(i) for i in person_ids)),),
        )
    }
