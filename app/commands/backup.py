"""`digwell backup` and `digwell restore`: everything in one file, and back.

    digwell backup --to FILE [--json]    write a backup of the data folder to FILE (a zip)
    digwell backup --auto [--json]       make the weekly automatic backup if one is due
    digwell restore FILE [--json]        restore FILE into the data folder, which must be
                                         new or empty (choose one with --data-dir)

`backup --json` prints {"path", "size", "created_at", "schema_version", "counts"};
`restore --json` prints {"data_dir", "database", "backup_created_at",
"backup_app_version", "schema_from", "schema_to", "counts", "templates_folder",
"templates_restored", "templates_skipped", "feeds_to_sign_in": [{"id", "title", "url"}]}.
Counts are of feeds, themes, items, drafts, posts and templates.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, formats, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from app.backup.archive import BackupReport
    from app.backup.restore import RestoreReport
    from app.commands.arguments import Subcommands

# The backup modules (zipfile, hashlib, json) are imported when a command runs: the
# window builds this parser at start-up.


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help=_("write everything to one backup file"),
        description=_(
            "Write a backup of the data folder to one zip file: the database "
            "(taken safely while Digwell runs), your own templates, and for people and "
            "other tools your subscriptions as OPML and your strategy, drafts and posts as "
            "JSON. Passwords and tokens of private feeds stay in the keyring, never in a "
            "backup."
        ),
    )
    what = backup.add_mutually_exclusive_group(required=True)
    what.add_argument("--to", type=Path, metavar="FILE", help=_("the backup file to write"))
    what.add_argument(
        "--auto",
        action="store_true",
        help=_(
            "make the weekly automatic backup (in the data folder's backups folder, "
            "keeping the newest few) if one is due"
        ),
    )
    backup.add_argument("--json", action="store_true", help=_("print what was written as JSON"))
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser(
        "restore",
        parents=[common],
        help=_("restore a backup into a new, empty data folder"),
        description=_(
            "Restore the backup FILE into the data folder (--data-dir, or the "
            "default one), which must be new or empty: a folder holding your data is never "
            "overwritten. Your templates go back into your templates folder, beside any "
            "already there. Private feeds whose secret this computer's keyring lacks are "
            "listed: sign in to them again."
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--json", action="store_true", help=_("print what was restored as JSON"))
    restore.set_defaults(run=None, run_on_folder=run_restore)


def run_backup(planner: Planner, args: argparse.Namespace) -> int:
    if args.auto:
        return _auto(planner, args)
    report = planner.backups.back_up(args.to)
    if args.json:
        _print_json(backup_json(report))
    else:
        print(
            _("Wrote a backup to {path} ({size}): {counts}.").format(
                path=report.path, size=_size(report.size), counts=_counts(report.counts)
            )
        )
    return 0


def _auto(planner: Planner, args: argparse.Namespace) -> int:
    settings = planner.backups.settings()
    path = planner.backups.run_auto()
    due = planner.backups.next_auto()
    if args.json:
        _print_json(
            {
                "enabled": settings.enabled,
                "keep": settings.keep,
                "path": str(path) if path else None,
                "next": due.astimezone(planner.clock.tz()).isoformat() if due else None,
            }
        )
    elif not settings.enabled:
        print(_("Automatic backups are off; `digwell backup --to FILE` makes one now."))
    elif path is None:
        assert due is not None
        day = formats.day_month_year(due.astimezone(planner.clock.tz()))
        print(_("No backup due: the next is due on {date}.").format(date=day))
    else:
        print(
            _("Wrote this week's backup to {path} (the newest {keep} are kept).").format(
                path=path, keep=settings.keep
            )
        )
    return 0


def run_restore(data_dir: Path, args: argparse.Namespace) -> int:
    """Restore into `data_dir`, which is not opened first: a refused restore leaves the
    folder as it was."""
    from app.backup.restore import restore_backup
    from app.clock import default_clock

    report = restore_backup(args.file, data_dir)
    if args.json:
        _print_json(restore_json(report))
        return 0
    made = report.backup_created_at.astimezone(default_clock().tz())
    print(
        _("Restored the backup of {date} (Digwell {version}) into {folder}: {counts}.").format(
            date=formats.day_month_year_time(made),
            version=report.backup_app_version,
            folder=report.data_dir,
            counts=_counts(report.counts),
        )
    )
    if report.migrated:
        print(
            _("  Brought up to date from schema {old} to {new}.").format(
                old=report.schema_from, new=report.schema_to
            )
        )
    if report.templates_skipped:
        print(
            _("  Kept your own templates of the same name in {folder}: {names}").format(
                folder=report.templates_folder, names=", ".join(report.templates_skipped)
            )
        )
    if report.feeds_to_sign_in:
        print(_("  Sign in again to these private feeds (a backup never holds a password):"))
        for feed in report.feeds_to_sign_in:
            print(f"    {feed.title} ({feed.url})")
    return 0


def backup_json(report: BackupReport) -> dict[str, object]:
    return {
        "path": str(report.path),
        "size": report.size,
        "created_at": report.created_at.isoformat(),
        "schema_version": report.schema_version,
        "counts": report.counts,
    }


def restore_json(report: RestoreReport) -> dict[str, object]:
    return {
        "data_dir": str(report.data_dir),
        "database": str(report.database),
        "backup_created_at": report.backup_created_at.isoformat(),
        "backup_app_version": report.backup_app_version,
        "schema_from": report.schema_from,
        "schema_to": report.schema_to,
        "counts": report.counts,
        "templates_folder": str(report.templates_folder),
        "templates_restored": list(report.templates_restored),
        "templates_skipped": list(report.templates_skipped),
        "feeds_to_sign_in": [f._asdict() for f in report.feeds_to_sign_in],
    }


def _print_json(data: dict[str, object]) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2))


def _counts(counts: dict[str, int]) -> str:
    def n(key: str) -> int:
        return int(counts.get(key, 0))

    parts = (
        ngettext("{count} feed", "{count} feeds", n("feeds")),
        ngettext("{count} theme", "{count} themes", n("themes")),
        ngettext("{count} item", "{count} items", n("items")),
        ngettext("{count} draft", "{count} drafts", n("drafts")),
        ngettext("{count} post", "{count} posts", n("posts")),
        ngettext("{count} person", "{count} people", n("people")),
        ngettext("{count} template", "{count} templates", n("templates")),
    )
    keys = ("feeds", "themes", "items", "drafts", "posts", "people", "templates")
    return ", ".join(
        part.format(count=formats.number(n(key))) for part, key in zip(parts, keys, strict=True)
    )


def _size(size: int) -> str:
    from app.backup.layout import human_size

    return human_size(size)
