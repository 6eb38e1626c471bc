"""Backups: one zip file holding everything (see app.backup.layout), restored only into
an empty data folder, and an automatic weekly backup keeping the newest few.

    planner.backups.back_up(target)     "Back up now…" / `digwell backup --to FILE`
    planner.backups.run_auto()          the weekly backup, when due
    restore.backup_info(archive)        what a backup holds (checked), before restoring
    restore.restore_backup(archive, d)  "Restore…" / `digwell restore FILE`
"""
