"""The SQLite connection: pragmas, migrations, transactions, and clear storage errors."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import SchemaTooNewError, StorageError
from app.i18n import _
from app.store.migrations import LATEST_VERSION, MIGRATIONS

if TYPE_CHECKING:
    from collections.abc import Mapping

    # What a query's ? (a tuple) or :name (a mapping) placeholders are filled from.
    SqlParams = tuple[object, ...] | Mapping[str, object]

_BUSY_TIMEOUT_MS = 5000
_BULK_BUSY_TIMEOUT_MS = 60_000


def to_db_time(dt: datetime) -> str:
    """An aware datetime as the UTC text the database sorts by."""
    if dt.tzinfo is None:
        raise ValueError("naive datetimes are not stored")
    # isoformat is several times faster than strftime; a refresh formats ~100k times.
    return dt.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def from_db_time(text: str | None) -> datetime | None:
    """The inverse of `to_db_time`; None stays None."""
    if not text:
        return None
    # fromisoformat, not strptime: _strptime costs ~10 ms of start-up on first use.
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def db_time(text: str) -> datetime:
    """`from_db_time` for a column that is never NULL."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _storage_error(err: sqlite3.Error, path: Path) -> StorageError:
    text = str(err).lower()
    # Python 3.11+ names SQLite's extended code; on 3.10 the message text has to do.
    code = getattr(err, "sqlite_errorname", "")
    if "locked" in text or "busy" in text:
        return StorageError(
            _("The database {path} is busy: another program is holding it.").format(path=path),
            _("Close other Digwell windows or commands, then try again."),
        )
    if "readonly" in text or "read-only" in text or _read_only_folder(text, path):
        return StorageError(
            _("The database {path} is read-only.").format(path=path),
            _("Check the folder's permissions, or choose another one with --data-dir."),
        )
    # A WAL database cannot even be read when its shared-memory file cannot grow: on a
    # full disk, opening fails with this "disk I/O error" before any write is tried.
    if "is full" in text or code == "SQLITE_IOERR_SHMSIZE":
        return StorageError(
            _("The disk holding {path} is full; nothing was saved.").format(path=path),
            _("Free some space, then try again."),
        )
    if "not a database" in text or "malformed" in text:
        return StorageError(
            _("The file {path} is damaged or is not a Digwell database.").format(path=path),
            _("Restore it from a backup, or move it away to start afresh."),
        )
    if "unable to open" in text:
        return StorageError(
            _("The database {path} cannot be opened.").format(path=path),
            _("Check that its folder exists and that you may write to it."),
        )
    # Translators: {error} is SQLite's own (English) message.
    return StorageError(_("The database {path} failed: {error}.").format(path=path, error=err), "")


def _read_only_folder(text: str, path: Path) -> bool:
    """Whether SQLite's "unable to open" comes from a folder nobody may write to (a
    read-only mount, or permissions): WAL needs to create files beside the database."""
    if "unable to open" not in text:
        return False
    folder = path.parent
    return folder.is_dir() and not os.access(folder, os.W_OK)


class Database:
    """One connection to the Digwell database, migrated to the latest schema on open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StorageError(
                _("The data folder {path} cannot be created ({error}).").format(
                    path=path.parent, error=err.strerror
                ),
                _("Choose another folder with --data-dir."),
            ) from err
        try:
            # Autocommit mode: transactions are explicit (see `transaction`).
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_TIMEOUT_MS / 1000)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as err:
            self._close_quietly()
            raise _storage_error(err, path) from err
        except SchemaTooNewError:
            self._close_quietly()  # the file stays as it was, and nothing holds it open
            raise

    def _close_quietly(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > LATEST_VERSION:
            raise SchemaTooNewError(
                _(
                    "The database {path} was written by a newer Digwell "
                    "(schema {schema}; this one knows {latest}). It was left untouched."
                ).format(path=self.path, schema=version, latest=LATEST_VERSION),
                _("Install the newer Digwell, or choose another folder with --data-dir."),
            )
        for target in range(version + 1, LATEST_VERSION + 1):
            script = MIGRATIONS[target - 1]
            # executescript commits first, so the BEGIN lives inside the script.
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;"
                )
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing writes; storage failures become StorageError."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise _storage_error(err, self.path) from err
        try:
            yield self.conn
        except sqlite3.OperationalError as err:
            self._rollback()
            raise _storage_error(err, self.path) from err
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            self._rollback()
            raise _storage_error(err, self.path) from err

    @contextmanager
    def bulk_writes(self, checkpoint_pages: int, cache_mib: int) -> Iterator[None]:
        """For a while: checkpoint the WAL every `checkpoint_pages` pages instead of
        SQLite's 1,000, cache `cache_mib` MiB of pages instead of its 2, and wait up to a
        minute for another writer (a re-score's swap of 100k items' ranks takes seconds)."""
        pragmas = {
            "wal_autocheckpoint": int(checkpoint_pages),
            "cache_size": -1024 * cache_mib,
            "busy_timeout": _BULK_BUSY_TIMEOUT_MS,
        }
        previous = {name: self.conn.execute(f"PRAGMA {name}").fetchone()[0] for name in pragmas}
        for name, value in pragmas.items():
            self.conn.execute(f"PRAGMA {name} = {value}")
        try:
            yield
        finally:
            for name, value in previous.items():
                self.conn.execute(f"PRAGMA {name} = {int(value)}")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def read(self, sql: str, params: SqlParams = ()) -> list[sqlite3.Row]:
        """Run a query and return all rows; storage failures become StorageError."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as err:
            raise _storage_error(err, self.path) from err

    def column(self, sql: str, params: SqlParams = ()) -> list[Any]:
        """The first column of every row: half the cost of `read` on long results
        (no Row objects), e.g. the inbox's ids."""
        try:
            cursor = self.conn.cursor()
            cursor.row_factory = None
            return [row[0] for row in cursor.execute(sql, params)]
        except sqlite3.OperationalError as err:
            raise _storage_error(err, self.path) from err

    def close(self) -> None:
        self.conn.close()
