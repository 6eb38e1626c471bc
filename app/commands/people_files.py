"""`digwell people import` and `digwell people export`: people read from LinkedIn's
export or a vCard file, and written to a CSV file (docs/PEOPLE_IMPORT.md). The keys of
the JSON printed are listed in app/commands/people.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, formats, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands


def add_file_parsers(sub: Subcommands, parents: list[argparse.ArgumentParser]) -> None:
    """`people import` and `people export`."""
    imp = sub.add_parser(
        "import",
        parents=parents,
        help=_("import LinkedIn connections or a vCard file"),
        description=_(
            "Import LinkedIn's Connections.csv, the .zip of LinkedIn's export, or "
            "a vCard file (.vcf). Nobody is added twice; rows with errors are listed and "
            "left out. See docs/PEOPLE_IMPORT.md."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--dry-run", action="store_true", help=_("show what would change; write nothing")
    )
    imp.add_argument("--keep-emails", action="store_true", help=_("keep e-mail addresses too"))
    imp.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    imp.add_argument(
        "--json-progress", action="store_true", help=_("print progress as JSON lines (the window)")
    )
    imp.set_defaults(run=run_import)

    exp = sub.add_parser("export", parents=parents, help=_("write everyone to a CSV file"))
    exp.add_argument("file", type=Path, metavar="FILE.csv")
    exp.set_defaults(run=run_export)


def run_import(planner: Planner, args: argparse.Namespace) -> int:
    progress = _Progress(args.json_progress, args.dry_run)
    plan = planner.people.read_import(
        args.file, keep_emails=args.keep_emails, on_progress=progress.reading
    )
    if not args.dry_run:
        planner.people.apply_import(plan, on_progress=progress.writing)
    result = {**plan.summary(), "dry_run": bool(args.dry_run)}
    if args.json_progress:
        progress.emit({"event": "done", "result": result})
    elif args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_import(result, args.file.name, args.dry_run)
    return 0


class _Progress:
    """JSON lines for the window: reading is the first half of the bar when the import
    also writes, the whole bar on a dry run."""

    def __init__(self, enabled: bool, dry_run: bool) -> None:
        self.enabled = enabled
        self.share = 1 if dry_run else 2
        self.total: int | None = None

    def emit(self, event: dict[str, object]) -> None:
        print(json.dumps(event, ensure_ascii=False), flush=True)

    def reading(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.total is None:
            self.total = total
            self.emit({"event": "start", "total": total})
            return
        self.emit({"event": "progress", "done": done // self.share, "total": total})

    def writing(self, done: int, total: int) -> None:
        if self.enabled:
            self.emit({"event": "progress", "done": (total + done) // 2, "total": total})


def _print_import(result: dict[str, object], name: str, dry_run: bool) -> None:
    rows = int(str(result["rows"]))
    counts = {
        "file": name,
        "rows": formats.number(rows),
        **{
            key: formats.number(int(str(result[key])))
            for key in ("added", "updated", "skipped", "merged", "errors_total")
        },
    }
    if dry_run:
        text = ngettext(
            "{file}: {rows} contact read; {added} would be added, {updated} would be updated, "
            "{skipped} unchanged, {merged} duplicates merged, {errors_total} with errors.",
            "{file}: {rows} contacts read; {added} would be added, {updated} would be updated, "
            "{skipped} unchanged, {merged} duplicates merged, {errors_total} with errors.",
            rows,
        )
    else:
        text = ngettext(
            "{file}: {rows} contact read; {added} added, {updated} updated, "
            "{skipped} unchanged, {merged} duplicates merged, {errors_total} with errors.",
            "{file}: {rows} contacts read; {added} added, {updated} updated, "
            "{skipped} unchanged, {merged} duplicates merged, {errors_total} with errors.",
            rows,
        )
    print(text.format(**counts))
    if dry_run:
        print(_("Nothing was written (--dry-run)."))
    errors = result["errors"]
    assert isinstance(errors, list)
    for error in errors:
        # Translators: {line} is a line number in the imported file.
        text = _("line {line}: {message}")
        print(text.format(line=error["line"], message=error["message"]), file=sys.stderr)


def run_export(planner: Planner, args: argparse.Namespace) -> int:
    count = planner.people.export_csv(args.file)
    text = ngettext("Wrote {count} person to {file}.", "Wrote {count} people to {file}.", count)
    print(text.format(count=formats.number(count), file=args.file))
    return 0
