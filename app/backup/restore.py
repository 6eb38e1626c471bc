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
import hashlib
import os
import sqlite3
import tempfile
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from app.backup import layout
from app.backup.snapshot import check_integrity, holds_data, schema_version_in_header
from app.errors import DigwellError
from app.store.database import Database
from app.store.migrations import LATEST_VERSION

_CHUNK = 1024 * 1024
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


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
    with _open_zip(archive) as zf:
        manifest, _ = _checked_listing(zf, archive.name)
        _check_schema(zf, manifest, archive.name)
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
            f"The folder {data_dir} holds a file {db_path.name} that Digwell cannot read "
            f"({err}); nothing was restored.",
            f"Restore into another folder (--data-dir NEW_FOLDER), or move {db_path} away.",
        ) from err
    if full:
        raise DigwellError(
            f"The folder {data_dir} already holds a Digwell database with your data; a "
            "backup is only restored into an empty folder, so nothing was changed.",
            "Restore into a new folder (digwell restore FILE --data-dir NEW_FOLDER), or "
            f"quit Digwell and move {db_path} away first.",
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
    with _open_zip(archive) as zf:
        manifest, infos = _checked_listing(zf, name)
        schema_from = _check_schema(zf, manifest, name)
        check_restore_target(data_dir)
        templates = {}
        for member, info in infos.items():
            if member == layout.DATABASE:
                continue  # checked as it is written out
            data = _read_checked(zf, info, manifest.files[member], name)
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
            _extract_checked(zf, db_info, manifest.files[layout.DATABASE], out, name)
            out.flush()
            os.fsync(out.fileno())
        check_integrity(temp, f"The database in {name}")
        schema_to, counts, private = _migrate(temp, name)
        restored, skipped = _restore_templates(templates, folder, written, made_dirs)
        check_restore_target(data_dir)  # nothing opened it meanwhile
        os.replace(temp, db_path)
        done = True
    except OSError as err:
        raise DigwellError(
            f"{name} could not be restored into {data_dir} ({err.strerror or err}); "
            "nothing was restored.",
            "Check that there is free space and that you may write to that folder.",
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


# Checking --------------------------------------------------------------------------


@contextlib.contextmanager
def _open_zip(archive: Path):
    try:
        zf = zipfile.ZipFile(archive)
    except FileNotFoundError as err:
        raise DigwellError(f"There is no file {archive}.", "Check the name and folder.") from err
    except IsADirectoryError as err:
        raise DigwellError(f"{archive} is a folder.", "Choose the backup's .zip file.") from err
    except OSError as err:
        raise DigwellError(
            f"{archive} cannot be read ({err.strerror or err}).", "Check the file's permissions."
        ) from err
    except (zipfile.BadZipFile, ValueError) as err:
        raise DigwellError(
            f"{archive.name} is not a Digwell backup: it is not a zip archive.",
            "Choose a file that `digwell backup` or Digwell's Back up now… wrote.",
        ) from err
    try:
        with zf:
            yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as err:
        # A member's data is damaged: its CRC, or a truncated stream.
        raise layout.damaged(archive.name, f"a member cannot be read ({err})") from err


def _checked_listing(
    zf: zipfile.ZipFile, name: str
) -> tuple[layout.Manifest, dict[str, zipfile.ZipInfo]]:
    """The manifest and the members (but the manifest) by name, once their names, sizes
    and listing are found sound; nothing is inflated but the manifest."""
    infos = zf.infolist()
    if len(infos) > layout.MAX_MEMBERS:
        raise layout.damaged(name, f"it holds {len(infos)} files")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not layout.safe_member(info.filename):
            raise DigwellError(
                f"{name} holds a file that would be written outside its folder "
                f"({info.filename!r}); nothing was restored.",
                "This is not a backup Digwell wrote: do not use it.",
            )
        if info.flag_bits & 0x1 or info.compress_type not in _COMPRESSIONS:
            raise layout.damaged(name, f"{info.filename} is encrypted or compressed unusually")
        if info.filename in by_name:
            raise layout.damaged(name, f"it holds {info.filename} twice")
        by_name[info.filename] = info
    manifest_info = by_name.pop(layout.MANIFEST, None)
    if manifest_info is None:
        raise DigwellError(
            f"{name} is not a Digwell backup (it has no {layout.MANIFEST}).",
            "Choose a file that `digwell backup` or Digwell's Back up now… wrote.",
        )
    _check_size(manifest_info, layout.MAX_MANIFEST_BYTES, name)
    manifest = layout.read_manifest(zf.read(manifest_info), name)
    total = 0
    for member, info in by_name.items():
        if member not in manifest.files:
            raise layout.damaged(name, f"{member} is not in its manifest")
        if member != layout.DATABASE:
            _check_size(info, layout.MAX_MEMBER_BYTES, name)
        if info.file_size != manifest.files[member].size:
            raise layout.damaged(name, f"{member} is not the size its manifest says")
        total += info.file_size
    missing = sorted(set(manifest.files) - set(by_name))
    if missing:
        raise layout.damaged(name, f"{missing[0]} is missing")
    if layout.DATABASE not in by_name:
        raise layout.damaged(name, f"it has no {layout.DATABASE}")
    if total > layout.MAX_TOTAL_BYTES:
        raise _too_large(name, "its files", total, layout.MAX_TOTAL_BYTES)
    return manifest, by_name


def _check_size(info: zipfile.ZipInfo, limit: int, name: str) -> None:
    if info.file_size > limit:
        raise _too_large(name, info.filename, info.file_size, limit)


def _too_large(name: str, what: str, size: int, limit: int) -> DigwellError:
    return DigwellError(
        f"{name} is too large to restore: {what} would take {layout.human_size(size)} "
        f"(the limit is {layout.human_size(limit)}); nothing was restored.",
        "This is not a backup Digwell wrote, or it was altered: use another one.",
    )


def _check_schema(zf: zipfile.ZipFile, manifest: layout.Manifest, name: str) -> int:
    """The backup database's schema version, refused when newer than this Digwell's."""
    with zf.open(layout.DATABASE) as member:
        version = schema_version_in_header(member.read(100))
    if version is None:
        raise layout.damaged(name, f"its {layout.DATABASE} is not an SQLite database")
    if version != manifest.schema_version:
        raise layout.damaged(name, "its database's schema is not the one its manifest says")
    if version > LATEST_VERSION:
        raise DigwellError(
            f"{name} was made by a newer Digwell ({manifest.app_version or '?'}, database "
            f"schema {version}; this one knows schema {LATEST_VERSION}). Nothing was restored.",
            "Install that Digwell or a newer one, then restore the backup with it.",
        )
    return version


def _read_checked(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: layout.Member, name: str
) -> bytes:
    data = zf.read(info)
    if hashlib.sha256(data).hexdigest() != expected.sha256:
        raise _mismatch(name, info.filename)
    return data


def _extract_checked(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: layout.Member, out, name: str
) -> None:
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > expected.size:
                raise _mismatch(name, info.filename)
            digest.update(chunk)
            out.write(chunk)
    if size != expected.size or digest.hexdigest() != expected.sha256:
        raise _mismatch(name, info.filename)


def _mismatch(name: str, member: str) -> DigwellError:
    return layout.damaged(name, f"{member} does not match its checksum")


def _in_use(data_dir: Path) -> DigwellError:
    return DigwellError(
        f"The database in {data_dir} is open in Digwell (a window or a command), or one "
        "left its journal (digwell.sqlite3-wal) behind; nothing was restored.",
        "Quit Digwell, then restore again; or restore into a new folder with --data-dir.",
    )


# Writing ---------------------------------------------------------------------------


def _migrate(path: Path, name: str) -> tuple[int, dict[str, int], list[tuple]]:
    """Open the restored database as Digwell does (migrating an older one); its
    schema version, counts and private feeds (id, title, url, secret reference)."""
    try:
        db = Database(path)
    except DigwellError as err:
        raise DigwellError(
            f"The database in {name} cannot be opened: {err.message}", err.hint
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
