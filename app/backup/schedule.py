"""Automatic backups: one a week into the data folder's `backups` folder, keeping the
newest few. Files are named `digwell-YYYY-MM-DD.zip` (the user's date); when the last
one was made is read from its manifest (else its name), never from the file's
modification time, which copying a folder changes."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.backup import layout
from app.backup.archive import write_backup
from app.clock import Clock
from app.errors import DigwellError
from app.i18n import _
from app.store import settings as settings_q
from app.store.database import Database

if TYPE_CHECKING:
    from datetime import tzinfo

BACKUPS_FOLDER = "backups"
EVERY = timedelta(days=7)
ENABLED_KEY = "auto_backup"  # bool, on unless turned off
KEEP_KEY = "auto_backup_keep"  # how many automatic backups to keep
DEFAULT_KEEP = 8
KEEP_RANGE = (1, 100)
_NAME = re.compile(r"digwell-(\d{4})-(\d{2})-(\d{2})\.zip")


class AutoBackupSettings(NamedTuple):
    enabled: bool = True
    keep: int = DEFAULT_KEEP


class BackupFile(NamedTuple):
    """An automatic backup on disk."""

    path: Path
    made_at: datetime  # from its manifest, else its name's date at midnight (user's zone)


def backups_folder(data_dir: Path) -> Path:
    """Where the automatic backups of a data folder go."""
    return Path(data_dir) / BACKUPS_FOLDER


def backup_name(day: datetime) -> str:
    """'digwell-2026-11-23.zip' for a backup made that (local) day."""
    return f"digwell-{day:%Y-%m-%d}.zip"


def backup_due(last: datetime | None, now: datetime, every: timedelta = EVERY) -> bool:
    """Whether a backup is due: never made, or made `every` or more ago. One dated
    well in the future (a clock set wrong when it was made) does not hold back the
    next one for ever."""
    if last is None:
        return True
    return now - last >= every or last - now > every


def list_backups(folder: Path, tz: tzinfo) -> list[BackupFile]:
    """The automatic backups in `folder`, newest first; other files are ignored."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.fullmatch(path.name)
            if not match or not path.is_file():
                continue
            try:
                year, month, day_of_month = map(int, match.groups())
                day = datetime(year, month, day_of_month).date()
            except ValueError:
                continue
            named = datetime.combine(day, time(0), tzinfo=tz)
            found.append(BackupFile(path, _made_at(path) or named))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def _made_at(path: Path) -> datetime | None:
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(layout.MANIFEST)
            if info.file_size > layout.MAX_MANIFEST_BYTES:
                return None
            return layout.read_manifest(zf.read(info), path.name).created_at
    except (OSError, KeyError, zipfile.BadZipFile, DigwellError):
        return None


def last_backup(folder: Path, tz: tzinfo) -> datetime | None:
    """When the newest automatic backup in `folder` was made, if any."""
    backups = list_backups(folder, tz)
    return backups[0].made_at if backups else None


def prune_backups(folder: Path, keep: int, tz: tzinfo) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; returns those deleted."""
    removed = []
    for old in list_backups(folder, tz)[max(keep, 1) :]:
        try:
            old.path.unlink()
        except FileNotFoundError:
            continue
        removed.append(old.path)
    return removed


# Settings and running ------------------------------------------------------------


def read_settings(db: Database) -> AutoBackupSettings:
    """Whether automatic backups are on, and how many are kept."""
    enabled = settings_q.get_setting(db, ENABLED_KEY, True)
    keep = settings_q.get_setting(db, KEEP_KEY, DEFAULT_KEEP)
    low, high = KEEP_RANGE
    if not isinstance(keep, int) or isinstance(keep, bool):
        keep = DEFAULT_KEEP
    return AutoBackupSettings(enabled is not False, min(max(keep, low), high))


# Running ---------------------------------------------------------------------------


def run_auto_backup(
    db_path: Path,
    clock: Clock,
    keep: int | None = None,
    *,
    config_dir: Path | None = None,
    every: timedelta = EVERY,
) -> Path | None:
    """Make this week's automatic backup of the database at `db_path` if one is due and
    they are on, then delete all but the newest `keep` (default: the setting). Returns
    the new backup's path, or None when none was due. Safe in a worker thread: it opens
    connections of its own."""
    db = Database(db_path)
    try:
        settings = read_settings(db)
    finally:
        db.close()
    if not settings.enabled:
        return None
    tz = clock.tz()
    folder = backups_folder(db_path.parent)
    now = clock.now()
    if not backup_due(last_backup(folder, tz), now, every):
        return None
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise DigwellError(
            _("The backups folder {path} cannot be created ({error}).").format(
                path=folder, error=err.strerror
            ),
            _("Check that you may write to the data folder."),
        ) from err
    target = folder / backup_name(now.astimezone(tz))
    write_backup(db_path, target, clock, layout.templates_folder(config_dir))
    prune_backups(folder, keep if keep is not None else settings.keep, tz)
    return target
