"""Copying the database safely while it is in use, and telling an empty one from one
holding the user's data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.errors import DigwellError
from app.i18n import _

# The tables whose rows are the user's own: a database without any is "empty" (a new
# data folder, or one the window opened once), whatever settings it holds.
DATA_TABLES = ("feeds", "themes", "items", "drafts", "posts", "people")
_BUSY_TIMEOUT_S = 5.0
SQLITE_HEADER = b"SQLite format 3\x00"


def snapshot_database(source: Path, target: Path) -> None:
    """Copy the database at `source` to a new file `target` with SQLite's online backup
    API, from a connection of its own: the copy is one committed state even while the
    window or a refresh writes (in WAL mode a reader never waits for a writer, and a
    write still open is not in it). The copy is a single file (rollback journal, no
    -wal beside it) that passed `PRAGMA integrity_check`."""
    src = dst = None
    try:
        src = sqlite3.connect(source, timeout=_BUSY_TIMEOUT_S)
        dst = sqlite3.connect(target)
        src.backup(dst)  # all pages in one step: one read transaction, one state
        dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as err:
        raise DigwellError(
            _("The database {path} could not be copied ({error}); no backup was written.").format(
                path=source, error=err
            ),
            _("Close other programs using it, or free some disk space, then try again."),
        ) from err
    finally:
        for conn in (dst, src):
            if conn is not None:
                conn.close()
    # Translators: the start of a sentence: "… failed SQLite's integrity check".
    check_integrity(target, _("The database {path}").format(path=source))


def check_integrity(path: Path, what: str) -> None:
    """Raise a DigwellError unless SQLite's integrity check passes on `path`; `what`
    names it, translated ("The database /x/digwell.sqlite3")."""
    try:
        conn = sqlite3.connect(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        finally:
            conn.close()
    except sqlite3.Error as err:
        rows = [str(err)]
    if rows != ["ok"]:
        raise DigwellError(
            # Translators: {what} is e.g. "The database /x/digwell.sqlite3"; {problems} are
            # SQLite's (English) findings.
            _("{what} failed SQLite's integrity check ({problems}).").format(
                what=what, problems="; ".join(rows)
            ),
            _(
                "Nothing was written. Keep your previous backups; restore one, or copy the "
                "data folder aside and ask for help."
            ),
        )


def schema_version_in_header(header: bytes) -> int | None:
    """The user_version stored in a database file's first 100 bytes (None: not SQLite)."""
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return None
    return int.from_bytes(header[60:64], "big")


def holds_data(path: Path) -> bool:
    """Whether the database at `path` holds the user's data (any feed, theme, item,
    draft or post). Raises sqlite3.Error when it is not a database."""
    conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return any(
            conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None
            for name in DATA_TABLES
            if name in tables
        )
    finally:
        # The last connection to close removes the -wal and -shm files, so a WAL left
        # behind afterwards means someone else has the database open.
        conn.close()
