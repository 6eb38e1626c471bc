"""Restoring a backup into an empty data folder, or refusing and saying why.

Everything is checked before anything is written: the file is a zip, it is a Digwell
backup of a format and schema this Digwell reads, every member's name stays inside its
folder, the sizes are within the limits, and every member matches its checksum (the
database's as it is copied out under a temporary name beside its place). The database
is then checked, migrated (an older backup is brought up to date) and renamed into
place last; the user's templates go back into their folder, never over a file already
there. A failure on the way takes back whatever was written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from app.backup import layout, verify
from app.backup.snapshot import check_integrity, holds_data
from app.errors import DigwellError
from app.i18n import _
from app.store.database import Database


class FeedToSignIn(NamedTuple):
    """A private feed whose secret this computer's keyring does not hold."""

    id: int
    title: str
    url: str


class RestoreReport(NamedTuple):
    """What a restore wrote."""

    data_dir: Path
    database: Path
    backup_created_at: datetime
    backup_app_version: str
    schema_from: int  # the backup's database schema
    schema_to: int  # after migrating (this Digwell's)
    counts: dict[str, int]
    templates_folder: Path
    templates_restored: tuple[str, ...]  # paths inside the templates folder
    templates_skipped: tuple[str, ...]  # a file of that name was already there: kept
    feeds_to_sign_in: tuple[FeedToSignIn, ...]  # secrets are never in a backup

    @property
    def migrated(self) -> bool:
        return self.schema_to != self.schema_from


def backup_info(archive: Path) -> layout.Manifest:
    """What a backup holds (its manifest), after checking that it is a Digwell backup
    this Digwell can restore: for showing before restoring. Checksums are checked by
    `restore_backup`."""
    archive = Path(archive).expanduser()
    with verify.open_zip(archive) as zf:
        manifest, __ = verify.checked_listing(zf, archive.name)
        verify.check_schema(zf, manifest, archive.name)
    return manifest


def check_restore_target(data_dir: Path) -> None:
    """Raise a DigwellError unless a backup may be restored into `data_dir`: it has no
    Digwell database, or an empty one (no feeds, themes, items, drafts or posts) that
    nothing has open."""
    data_dir = Path(data_dir).expanduser()
    db_path = data_dir / layout.DATABASE
    if not db_path.exists():
        if _wal(db_path).exists():
            raise _in_use(data_dir)
        return
    try:
        full = holds_data(db_path)
    except sqlite3.Error as err:
        raise DigwellError(
            _(
                "The folder {folder} holds a file {file} that Digwell cannot read "
                "({error}); nothing was restored."
            ).format(folder=data_dir, file=db_path.name, error=err),
            # Translators: --data-dir NEW_FOLDER is a command-line option: keep it.
            _("Restore into another folder (--data-dir NEW_FOLDER), or move {path} away.").format(
                path=db_path
            ),
        ) from err
    if full:
        raise DigwellError(
            _(
                "The folder {folder} already holds a Digwell database with your data; a "
                "backup is only restored into an empty folder, so nothing was changed."
            ).format(folder=data_dir),
            # Translators: "digwell restore FILE --data-dir NEW_FOLDER" is a command: keep it.
            _(
                "Restore into a new folder (digwell restore FILE --data-dir NEW_FOLDER), or "
                "quit Digwell and move {path} away first."
            ).format(path=db_path),
        )
    if _wal(db_path).exists():  # left after our connection closed: another one is open
        raise _in_use(data_dir)


def restore_backup(archive: Path, data_dir: Path, config_dir: Path | None = None) -> RestoreReport:
    """Restore the backup `archive` into the data folder `data_dir` (created if needed),
    and its templates into the user's templates folder under `config_dir` (default:
    the user's config folder). Refuses with a DigwellError, writing nothing, unless the
    folder is empty (see `check_restore_target`) and the backup is intact and readable
    by this Digwell."""
    archive = Path(archive).expanduser()
    data_dir = Path(data_dir).expanduser()
    name = archive.name
    with verify.open_zip(archive) as zf:
        manifest, infos = verify.checked_listing(zf, name)
        schema_from = verify.check_schema(zf, manifest, name)
        check_restore_target(data_dir)
        templates = {}
        for member, info in infos.items():
            if member == layout.DATABASE:
                continue  # checked as it is written out
            data = verify.read_checked(zf, info, manifest.files[member], name)
            if member.startswith(layout.TEMPLATES):
                templates[member] = data
        return _write(
            zf,
            infos[layout.DATABASE],
            manifest,
            schema_from,
            templates,
            data_dir,
            layout.templates_folder(config_dir),
            name,
        )


def _write(
    zf: zipfile.ZipFile,
    db_info: zipfile.ZipInfo,
    manifest: layout.Manifest,
    schema_from: int,
    templates: dict[str, bytes],
    data_dir: Path,
    folder: Path,
    name: str,
) -> RestoreReport:
    db_path = data_dir / layout.DATABASE
    new_dirs = [d for d in (data_dir, *data_dir.parents) if not d.exists()]
    temp: Path | None = None
    written: list[Path] = []
    made_dirs: list[Path] = []
    done = False
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{layout.DATABASE}.", suffix=".restoring", dir=data_dir
        )
        temp = Path(temp_name)
        with os.fdopen(fd, "wb") as out:
            verify.extract_checked(zf, db_info, manifest.files[layout.DATABASE], out, name)
            out.flush()
            os.fsync(out.fileno())
        # Translators: the start of a sentence: "… failed SQLite's integrity check";
        # {name} is a backup file's name.
        check_integrity(temp, _("The database in {name}").format(name=name))
        schema_to, counts, private = _migrate(temp, name)
        restored, skipped = _restore_templates(templates, folder, written, made_dirs)
        check_restore_target(data_dir)  # nothing opened it meanwhile
        os.replace(temp, db_path)
        done = True
    except OSError as err:
        raise DigwellError(
            _("{name} could not be restored into {folder} ({error}); nothing was restored.").format(
                name=name, folder=data_dir, error=err.strerror or err
            ),
            _("Check that there is free space and that you may write to that folder."),
        ) from err
    finally:
        if not done:
            _undo(temp, written, new_dirs[::-1] + made_dirs)
    counts["templates"] = len(restored) + len(skipped)
    return RestoreReport(
        data_dir=data_dir,
        database=db_path,
        backup_created_at=manifest.created_at,
        backup_app_version=manifest.app_version,
        schema_from=schema_from,
        schema_to=schema_to,
        counts=counts,
        templates_folder=folder,
        templates_restored=restored,
        templates_skipped=skipped,
        feeds_to_sign_in=tuple(FeedToSignIn(*f[:3]) for f in private if not _secret_at_hand(f[3])),
    )


def _in_use(data_dir: Path) -> DigwellError:
    return DigwellError(
        _(
            "The database in {folder} is open in Digwell (a window or a command), or one "
            "left its journal (digwell.sqlite3-wal) behind; nothing was restored."
        ).format(folder=data_dir),
        _("Quit Digwell, then restore again; or restore into a new folder with --data-dir."),
    )


# Writing ---------------------------------------------------------------------------


def _migrate(path: Path, name: str) -> tuple[int, dict[str, int], list[tuple[int, str, str, str]]]:
    """Open the restored database as Digwell does (migrating an older one); its
    schema version, counts and private feeds (id, title, url, secret reference)."""
    try:
        db = Database(path)
    except DigwellError as err:
        raise DigwellError(
            _("The database in {name} cannot be opened: {error}").format(
                name=name, error=err.message
            ),
            err.hint,
        ) from err
    try:
        counts = {
            table: int(db.read(f"SELECT count(*) FROM {table}{where}")[0][0])
            for table, where in (
                ("feeds", " WHERE removed_at IS NULL"),
                ("themes", ""),
                ("items", ""),
                ("drafts", ""),
                ("posts", ""),
                ("people", " WHERE archived_at IS NULL"),
            )
        }
        private = [
            (r["id"], r["title"] or r["url"], r["url"], r["secret_ref"])
            for r in db.read(
                "SELECT id, title, url, secret_ref FROM feeds"
                " WHERE removed_at IS NULL AND secret_ref IS NOT NULL ORDER BY id"
            )
        ]
        return db.schema_version, counts, private
    finally:
        db.close()


def _secret_at_hand(ref: str) -> bool:
    """Whether this computer's keyring holds the feed's secret (same computer, same
    keyring); when it cannot say, the feed needs signing in again."""
    from app.credentials import load_secret

    try:
        return load_secret(ref) is not None
    except DigwellError:
        return False


def _restore_templates(
    templates: dict[str, bytes], folder: Path, written: list[Path], made_dirs: list[Path]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    restored: list[str] = []
    skipped: list[str] = []
    for member, data in templates.items():
        relative = member.removeprefix(layout.TEMPLATES)
        path = folder / relative
        if not path.resolve().is_relative_to(folder.resolve()):
            skipped.append(relative)  # a link in the folder points elsewhere: not followed
            continue
        for parent in reversed(path.parents):
            if not parent.exists():
                parent.mkdir()
                made_dirs.append(parent)
        try:
            with path.open("xb") as out:
                written.append(path)
                out.write(data)
        except FileExistsError:
            skipped.append(relative)
            continue
        restored.append(relative)
    return tuple(restored), tuple(skipped)


def _wal(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal")


def _undo(temp: Path | None, written: list[Path], made_dirs: list[Path]) -> None:
    """Take back what a failed restore wrote (`made_dirs` in the order they were made)."""
    if temp is not None:
        for path in (temp, *(temp.with_name(temp.name + s) for s in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(OSError):
                path.unlink()
    for path in written:
        with contextlib.suppress(OSError):
            path.unlink()
    for path in reversed(made_dirs):
        with contextlib.suppress(OSError):
            path.rmdir()  # only if empty
