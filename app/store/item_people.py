"""Which items one of the user's people wrote, and the lift that gives them in the inbox
(docs/PEOPLE.md, "Who wrote it").

An item is linked to a person when a key of its author field (app/text/names.py) is one
of the person's keys, else when a key of its feed's address is (their blog, their
Mastodon feed). Items are linked as they are stored, and again when people are added,
changed or archived. A linked item's rows in `ranks` carry `boost`, added to their rank
key: ranking as if 2 ** boost times as relevant. The boost is a setting (`BOOST_KEY`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from app.store.database import Database
from app.text.names import author_keys, feed_url_keys, url_key

BOOST_KEY = "people_rank_boost"
DEFAULT_BOOST = 1.0  # as if twice as relevant
BOOST_LEVELS = (0.0, 1.0, 2.0)  # off, twice, four times
_CHUNK = 500
_ALL_ITEMS_FROM = 50  # relinking more people than this reads every item once


def boost(conn: sqlite3.Connection) -> float:
    row = conn.execute(
        "SELECT json_extract(value, '$') FROM settings WHERE key = ?", (BOOST_KEY,)
    ).fetchone()
    return DEFAULT_BOOST if row is None or row[0] is None else float(row[0])


def set_boost(conn: sqlite3.Connection, value: float) -> None:
    """Change the boost and move every linked item's rank keys by the difference."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (BOOST_KEY, repr(float(value))),
    )
    conn.execute(
        "UPDATE ranks SET rank_key = rank_key - boost + ?, boost = ?"
        " WHERE item_id IN (SELECT item_id FROM item_people)",
        (value, value),
    )


def apply_boosts(conn: sqlite3.Connection, item_ids: Sequence[int] | None = None) -> None:
    """Give linked items' rank rows the boost, where a rewrite of their rows (a re-score,
    a changed item) left them without it."""
    value = boost(conn)
    if not value:
        return
    where = "" if item_ids is None else " AND item_id IN (SELECT value FROM json_each(?))"
    params: tuple[object, ...] = (value, value) + (() if item_ids is None else (_json(item_ids),))
    conn.execute(
        "UPDATE ranks SET rank_key = rank_key - boost + ?, boost = ?"
        " WHERE boost = 0 AND item_id IN (SELECT item_id FROM item_people)" + where,
        params,
    )


def has_people(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM person_keys LIMIT 1").fetchone() is not None


def link_items(conn: sqlite3.Connection, item_ids: Sequence[int]) -> int:
    """Match these items to people afresh (their author or feed may have changed, or the
    people); returns how many links changed. The caller's transaction."""
    if not item_ids:
        return 0
    changed = 0
    for start in range(0, len(item_ids), _CHUNK):
        chunk = item_ids[start : start + _CHUNK]
        rows = conn.execute(
            "SELECT i.id, i.author, f.url, f.site_url, ip.person_id FROM items i"
            " JOIN feeds f ON f.id = i.feed_id LEFT JOIN item_people ip ON ip.item_id = i.id"
            " WHERE i.id IN (SELECT value FROM json_each(?))",
            (_json(chunk),),
        ).fetchall()
        changed += _relink(conn, rows)
    return changed


def relink_people(conn: sqlite3.Connection, person_ids: Sequence[int] | None) -> int:
    """Match items again after these people's keys changed (None: everyone's); returns
    how many links changed. Reads only the items that could match a few people."""
    if person_ids is None or len(person_ids) > _ALL_ITEMS_FROM:
        ids = [r[0] for r in conn.execute("SELECT id FROM items ORDER BY id")]
    else:
        ids = sorted(_candidates(conn, person_ids))
    return link_items(conn, ids)


def linked_items(conn: sqlite3.Connection, person_ids: Sequence[int]) -> list[int]:
    """The items linked to these people now."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT item_id FROM item_people WHERE person_id IN (SELECT value FROM json_each(?))"
            " ORDER BY item_id",
            (_json(person_ids),),
        )
    ]


def unlink_people(conn: sqlite3.Connection, person_ids: Sequence[int]) -> None:
    """Take these people's items out of item_people and their boost off (before the
    people are archived, merged away or deleted)."""
    marks = _json(person_ids)
    conn.execute(
        "UPDATE ranks SET rank_key = rank_key - boost, boost = 0 WHERE item_id IN"
        " (SELECT item_id FROM item_people WHERE person_id IN (SELECT value FROM json_each(?)))",
        (marks,),
    )
    conn.execute(
        "DELETE FROM item_people WHERE person_id IN (SELECT value FROM json_each(?))", (marks,)
    )


def authors_of(db: Database, item_ids: Iterable[int]) -> dict[int, tuple[int, str, str | None]]:
    """item id -> (person id, name, last touch as ISO date or None) for linked items."""
    return {
        r[0]: (r[1], r[2], r[3])
        for r in db.read(
            "SELECT ip.item_id, p.id, p.name, p.last_touch FROM item_people ip"
            " JOIN people p ON p.id = ip.person_id"
            " WHERE ip.item_id IN (SELECT value FROM json_each(?))",
            (_json(list(item_ids)),),
        )
    }


def items_by(db: Database, person_id: int, limit: int = 50) -> list[int]:
    """The newest items a person wrote, newest first."""
    return db.column(
        "SELECT i.id FROM item_people ip JOIN items i ON i.id = ip.item_id"
        " WHERE ip.person_id = ? ORDER BY i.sort_time DESC, i.id DESC LIMIT ?",
        (person_id, limit),
    )


# --- matching ----------------------------------------------------------------------

_AUTHOR_KEYS: dict[str, list[str]] = {}  # a refresh sees the same authors feed after feed


def _author_keys(author: str) -> list[str]:
    keys = _AUTHOR_KEYS.get(author)
    if keys is None:
        keys = author_keys(author)
        if len(_AUTHOR_KEYS) > 50_000:
            _AUTHOR_KEYS.clear()
        _AUTHOR_KEYS[author] = keys
    return keys


def _relink(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> int:
    feed_keys: dict[tuple[str, str], list[str]] = {}
    wanted: dict[int, tuple[list[str], list[str]]] = {}
    for item_id, author, url, site_url, _ in rows:
        keys = feed_keys.get((url, site_url))
        if keys is None:
            keys = feed_keys[(url, site_url)] = feed_url_keys(url) + [
                k for k in [url_key(site_url)] if k
            ]
        wanted[item_id] = (_author_keys(author), keys)
    every = {k for author, feed in wanted.values() for k in (*author, *feed)}
    owner = _owners(conn, every) if every else {}
    changes: list[tuple[int, int | None]] = []
    for item_id, _, _, _, linked in rows:
        author, feed = wanted[item_id]
        person = next((owner[k] for k in author if k in owner), None)
        if person is None:  # their blog, their Mastodon feed
            person = next((owner[k] for k in feed if k in owner), None)
        if person != linked:
            changes.append((item_id, person))
    if changes:
        _write(conn, changes)
    return len(changes)


def _owners(conn: sqlite3.Connection, keys: set[str]) -> dict[str, int]:
    """key -> the person holding it (the earliest added, if several do)."""
    found: dict[str, int] = {}
    listed = sorted(keys)
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start : start + _CHUNK]
        found.update(
            conn.execute(
                "SELECT key, min(person_id) FROM person_keys"
                f" WHERE key IN ({','.join('?' * len(chunk))}) GROUP BY key",
                chunk,
            ).fetchall()
        )
    return found


def _write(conn: sqlite3.Connection, changes: list[tuple[int, int | None]]) -> None:
    value = boost(conn)
    linked = [(item_id, person) for item_id, person in changes if person is not None]
    unlinked = [(item_id,) for item_id, person in changes if person is None]
    if unlinked:
        conn.executemany("DELETE FROM item_people WHERE item_id = ?", unlinked)
        conn.executemany(
            "UPDATE ranks SET rank_key = rank_key - boost, boost = 0 WHERE item_id = ?", unlinked
        )
    if linked:
        conn.executemany(
            "INSERT INTO item_people (item_id, person_id) VALUES (?, ?)"
            " ON CONFLICT (item_id) DO UPDATE SET person_id = excluded.person_id",
            linked,
        )
        conn.executemany(
            "UPDATE ranks SET rank_key = rank_key - boost + ?, boost = ? WHERE item_id = ?",
            [(value, value, item_id) for item_id, _ in linked],
        )


def _candidates(conn: sqlite3.Connection, person_ids: Sequence[int]) -> set[int]:
    """Items these people may have written: those linked to them now, those whose author
    field holds a word of their name or a handle, and those of feeds at their addresses."""
    marks = _json(person_ids)
    ids = {
        r[0]
        for r in conn.execute(
            "SELECT item_id FROM item_people WHERE person_id IN (SELECT value FROM json_each(?))",
            (marks,),
        )
    }
    keys = [
        r[0]
        for r in conn.execute(
            "SELECT key FROM person_keys WHERE person_id IN (SELECT value FROM json_each(?))",
            (marks,),
        )
    ]
    names = conn.execute(
        "SELECT name FROM people WHERE id IN (SELECT value FROM json_each(?))", (marks,)
    ).fetchall()
    # LIKE ignores case in ASCII only: a name key has no accents, an author may.
    words = {_longest(k[2:] if k[:2] in ("n:", "e:") else k[1:]) for k in keys if k[:2] != "u:"}
    words |= {_longest(r[0].casefold()) for r in names}
    words.discard("")
    if words:
        where = " OR ".join(["author LIKE ? ESCAPE '\\'"] * len(words))
        ids.update(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM items WHERE {where}", [f"%{_like(w)}%" for w in words]
            )
        )
    addresses = {k for k in keys if k.startswith("u:")}
    if addresses:
        feeds = conn.execute("SELECT id, url, site_url FROM feeds").fetchall()
        for feed_id, url, site_url in feeds:
            if addresses.intersection([*feed_url_keys(url), url_key(site_url)]):
                ids.update(
                    r[0] for r in conn.execute("SELECT id FROM items WHERE feed_id = ?", (feed_id,))
                )
    return ids


def _longest(text: str) -> str:
    """The longest word of a name, handle or address (the part before any @ server)."""
    words = text.split("@")[0].replace(".", " ").replace("_", " ").split()
    return max(words, key=len) if words else ""


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"
