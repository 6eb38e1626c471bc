"""The backup service (planner.backups): back up now, and the weekly automatic backup
with its settings (docs/ARCHITECTURE.md). Restoring works on a folder no planner has
open: app.backup.restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from app.backup import layout
from app.backup.archive import BackupReport, write_backup
from app.backup.schedule import (
    ENABLED_KEY,
    EVERY,
    KEEP_KEY,
    KEEP_RANGE,
    AutoBackupSettings,
    BackupFile,
    backup_due,
    backups_folder,
    last_backup,
    list_backups,
    read_settings,
    run_auto_backup,
)
from app.clock import Clock
from app.errors import DigwellError
from app.i18n import _
from app.store import Database
from app.store import settings as settings_q
from app.types import Changes


class BackupService:
    """Backups of the planner's data folder. They read the database file, never the
    planner's own connection, so they may run in a worker thread while the window goes
    on writing."""

    def __init__(self, db: Database, clock: Clock, announce: Callable[[Changes], None]) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce

    @property
    def folder(self) -> Path:
        """Where the automatic backups go: the data folder's `backups` folder."""
        return backups_folder(self._db.path.parent)

    def back_up(self, target: Path, *, config_dir: Path | None = None) -> BackupReport:
        """Back up the data folder to the zip file `target` (replaced if it exists)."""
        templates = layout.templates_folder(config_dir)
        return write_backup(self._db.path, target, self._clock, templates)

    def settings(self) -> AutoBackupSettings:
        """Whether automatic backups are on, and how many are kept."""
        return read_settings(self._db)

    def set_auto(self, enabled: bool, keep: int | None = None) -> None:
        """Turn automatic backups on or off; `keep`: how many to keep (1 to 100)."""
        low, high = KEEP_RANGE
        if keep is not None and not (isinstance(keep, int) and low <= keep <= high):
            raise DigwellError(
                _("{count} backups cannot be kept.").format(count=keep),
                _("Choose a number from {low} to {high}.").format(low=low, high=high),
            )
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, ENABLED_KEY, bool(enabled))
            if keep is not None:
                settings_q.set_setting(conn, KEEP_KEY, keep)
        self._announce(Changes(settings=True))

    def backups(self) -> list[BackupFile]:
        """The automatic backups made so far, newest first."""
        return list_backups(self.folder, self._clock.tz())

    def next_auto(self) -> datetime | None:
        """When the next automatic backup is due (now or earlier: at the next check);
        None when they are off."""
        if not self.settings().enabled:
            return None
        last = last_backup(self.folder, self._clock.tz())
        now = self._clock.now()
        if last is None or backup_due(last, now):
            return now
        return last + EVERY

    def run_auto(
        self,
        keep: int | None = None,
        *,
        config_dir: Path | None = None,
        every: timedelta = EVERY,
    ) -> Path | None:
        """Make this week's automatic backup if one is due and they are on, then delete
        all but the newest `keep` (default: the setting). Returns the new backup's path,
        or None when none was due."""
        return run_auto_backup(self._db.path, self._clock, keep, config_dir=config_dir, every=every)
