"""Backups: one zip file holding everything (see app.backup.layout), restored only into
an empty data folder, and an automatic weekly backup keeping the newest few.

    make_backup(planner, target)        "Back up now…" / `digwell backup --to FILE`
    backup_info(archive)                what a backup holds (checked), before restoring
    restore_backup(archive, data_dir)   "Restore…" / `digwell restore FILE`
    auto_backup(planner)                the weekly backup, when due (safe in a thread)
"""

from app.backup.archive import BackupReport, make_backup, write_backup
from app.backup.layout import Manifest
from app.backup.restore import (
    FeedToSignIn,
    RestoreReport,
    backup_info,
    check_restore_target,
    restore_backup,
)
from app.backup.schedule import (
    AutoBackupSettings,
    BackupFile,
    auto_backup,
    auto_backup_settings,
    backup_due,
    backups_folder,
    list_backups,
    next_auto_backup,
    prune_backups,
    run_auto_backup,
    set_auto_backup,
)

__all__ = [
    "AutoBackupSettings",
    "BackupFile",
    "BackupReport",
    "FeedToSignIn",
    "Manifest",
    "RestoreReport",
    "auto_backup",
    "auto_backup_settings",
    "backup_due",
    "backup_info",
    "backups_folder",
    "check_restore_target",
    "list_backups",
    "make_backup",
    "next_auto_backup",
    "prune_backups",
    "restore_backup",
    "run_auto_backup",
    "set_auto_backup",
    "write_backup",
]
