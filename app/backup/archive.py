"""Making a backup: one zip file with a database snapshot, the user's templates and
readable exports (see app.backup.layout), written all at once or not at all."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from app import __version__
from app.backup import layout
from app.backup.exports import readable_members
from app.backup.snapshot import check_integrity, snapshot_database
from app.clock import Clock
from app.errors import DigwellError
from app.i18n import _

_CHUNK = 1024 * 1024
# Backups hold private data: readable by the user only (where the OS has such modes).
_FILE_MODE = 0o600


class BackupReport(NamedTuple):
    """What a backup wrote."""

    path: Path
    size: int  # of the archive, in bytes
    created_at: datetime
    schema_version: int
    counts: dict[str, int]  # feeds, themes, items, drafts, posts, people, templates
    members: tuple[str, ...]


def write_backup(db_path: Path, target: Path, clock: Clock, templates: Path) -> BackupReport:
    """Write a backup of the database at `db_path` and the templates in `templates`
    to `target`: first to `target.partial`, then renamed, so a crash or an error leaves
    no half-written archive (and an older file at `target` stays until the new one is
    complete)."""
    target = Path(target).expanduser()
    _check_target(target, db_path)
    created = clock.now().astimezone(clock.tz()).replace(microsecond=0)
    partial = target.with_name(target.name + ".partial")
    staging = _staging_folder(target)
    try:
        snapshot = staging / layout.DATABASE
        snapshot_database(db_path, snapshot)
        members, counts = readable_members(snapshot, clock)
        # Translators: the start of a sentence: "… failed SQLite's integrity check".
        check_integrity(snapshot, _("The copy of {path}").format(path=db_path))
        template_files = _template_files(templates)
        counts["templates"] = len(template_files)
        _check_limits(snapshot, members, template_files)
        schema = _schema_version(snapshot)
        files = _write_zip(partial, created, snapshot, members, template_files, schema, counts)
        os.replace(partial, target)
    except OSError as err:
        _remove(partial)
        raise DigwellError(
            _("The backup {path} could not be written ({error}).").format(
                path=target, error=err.strerror or err
            ),
            _("Check that there is free space and that you may write to its folder."),
        ) from err
    except BaseException:
        _remove(partial)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BackupReport(
        target,
        target.stat().st_size,
        created,
        schema,
        counts,
        (layout.MANIFEST, *files),
    )


def _check_target(target: Path, db_path: Path) -> None:
    live = Path(db_path).resolve()
    if target.resolve() in (live, *(live.with_name(live.name + s) for s in ("-wal", "-shm"))):
        raise DigwellError(
            _("{path} is Digwell's database itself; no backup was written.").format(path=target),
            _("Give the backup a file name of its own, e.g. digwell-backup.zip."),
        )
    if target.is_dir():
        raise DigwellError(
            _("{path} is a folder.").format(path=target),
            _("Give a file name for the backup, e.g. digwell-backup.zip."),
        )
    if not target.parent.is_dir():
        raise DigwellError(
            _("The folder {path} does not exist; no backup was written.").format(
                path=target.parent
            ),
            _("Create it first, or choose another place for the backup."),
        )


def _staging_folder(target: Path) -> Path:
    """A private folder for the snapshot, beside the backup: the system's temporary
    folder may be too small (or in memory) for a large database."""
    try:
        return Path(tempfile.mkdtemp(prefix=".digwell-backup-", dir=target.parent))
    except OSError as err:
        raise DigwellError(
            _("No backup can be written in {path} ({error}).").format(
                path=target.parent, error=err.strerror
            ),
            _("Check that you may write to that folder, or choose another one."),
        ) from err


def _template_files(folder: Path) -> list[tuple[Path, str]]:
    """(file, member name) for the user's templates; hidden files (editor swap files)
    and names a restore would refuse are left out."""
    if not folder.is_dir():
        return []
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            relative = PurePosixPath(path.relative_to(folder).as_posix())
            member = layout.template_member(relative)
            if not name.startswith(".") and path.is_file() and layout.safe_member(member):
                found.append((path, member))
    return found


def _check_limits(
    snapshot: Path, members: dict[str, bytes], templates: list[tuple[Path, str]]
) -> None:
    """Refuse to write a backup that a restore would refuse as too large."""
    sizes = {layout.DATABASE: snapshot.stat().st_size}
    sizes.update({name: len(data) for name, data in members.items()})
    sizes.update({member: path.stat().st_size for path, member in templates})
    too_big = next(
        (n for n, s in sizes.items() if n != layout.DATABASE and s > layout.MAX_MEMBER_BYTES), None
    )
    if too_big is not None or sum(sizes.values()) > layout.MAX_TOTAL_BYTES:
        # Translators: what is too large in a backup: the database (else a file's name).
        what = too_big or _("the database")
        raise DigwellError(
            # Translators: {what} is a file's name or "the database"; {size} e.g. "70.2 MB".
            _(
                "The backup would be too large to restore ({what}: {size}); nothing was written."
            ).format(what=what, size=layout.human_size(sizes.get(too_big or layout.DATABASE, 0))),
            _(
                "Move large files out of your templates folder, or remove old feeds "
                "and their items, then try again."
            ),
        )


def _schema_version(snapshot: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(snapshot)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _write_zip(
    partial: Path,
    created: datetime,
    snapshot: Path,
    members: dict[str, bytes],
    templates: list[tuple[Path, str]],
    schema: int,
    counts: dict[str, int],
) -> dict[str, layout.Member]:
    """Write every member, the manifest last, and flush the file to disk; returns the
    members' sizes and checksums."""
    files: dict[str, layout.Member] = {}
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _FILE_MODE)
    with os.fdopen(fd, "wb") as out:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            files[layout.DATABASE] = _write_file(zf, _info(layout.DATABASE, created), snapshot)
            for name, data in members.items():
                zf.writestr(_info(name, created), data)
                files[name] = layout.Member(len(data), hashlib.sha256(data).hexdigest())
            for path, member in templates:
                files[member] = _write_file(zf, _info(member, created), path)
            manifest = layout.Manifest(__version__, schema, created, counts, files)
            zf.writestr(_info(layout.MANIFEST, created), manifest.to_json())
        out.flush()
        os.fsync(out.fileno())
    return files


def _write_file(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> layout.Member:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as source, zf.open(info, "w", force_zip64=True) as sink:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            sink.write(chunk)
    return layout.Member(size, digest.hexdigest())


def _info(name: str, created: datetime) -> zipfile.ZipInfo:
    # The member's time is the backup's (the injected clock), not the wall clock; zip
    # times start in 1980.
    stamp = max(created.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100000 | _FILE_MODE) << 16
    return info


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
