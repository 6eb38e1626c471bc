"""`digwell away ...`: planned breaks (a holiday, parental leave, an illness). During a
break the presence score is frozen, streaks skip it and reminders are silent; the exact
rules are in docs/CADENCE.md, "Planned breaks".

    digwell away add --from YYYY-MM-DD --to YYYY-MM-DD [--note TEXT] [--json]
    digwell away list [--json]
    digwell away remove ID [--json]

JSON: a break is {"id", "from", "to", "note"} (ISO dates, both days included); `list`
prints a list of them, by first day; `add` and `remove` print the break added or
removed. Bad dates, a last day before the first and an unknown id are one clear message
on stderr and exit 2, changing nothing.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from typing import TYPE_CHECKING

from app.errors import DigwellError, NotFoundError
from app.i18n import _, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.types import Break

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    parents = [common]
    away = commands.add_parser(
        "away",
        parents=parents,
        help=_("planned breaks: the score is frozen, streaks skip them, reminders are silent"),
        description=_(
            "Plan a break (a holiday, parental leave, an illness): during it your "
            "presence score stands still, streaks skip it and reminders are silent. "
            "See docs/CADENCE.md, 'Planned breaks'."
        ),
    )
    sub = away.add_subparsers(dest="away_command", metavar="COMMAND", required=True)

    add = sub.add_parser(
        "add", parents=parents, help=_("plan a break, first and last day included")
    )
    add.add_argument(
        "--from", dest="starts_on", required=True, metavar="YYYY-MM-DD", help=_("its first day")
    )
    add.add_argument(
        "--to", dest="ends_on", required=True, metavar="YYYY-MM-DD", help=_("its last day")
    )
    add.add_argument("--note", default="", metavar="TEXT", help=_("what it is, e.g. 'Summer'"))
    add.add_argument("--json", action="store_true", help=_("print the break as JSON"))
    add.set_defaults(run=run_add)

    listing = sub.add_parser("list", parents=parents, help=_("list the breaks, by first day"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    listing.set_defaults(run=run_list)

    remove = sub.add_parser("remove", parents=parents, help=_("remove a break by its id"))
    remove.add_argument("break_id", metavar="ID", help=_("its id, as `digwell away list` shows"))
    remove.add_argument("--json", action="store_true", help=_("print the removed break as JSON"))
    remove.set_defaults(run=run_remove)


def parse_day(text: str, what: str) -> date:
    """A YYYY-MM-DD date, or a message naming the option (`what`) that held it."""
    value = text.strip()
    try:
        if _ISO_DAY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass  # e.g. 2026-02-30: shaped right, but no such day
    raise DigwellError(
        # Translators: {option} is a command-line option such as --from.
        _("{option} “{text}” is not a date.").format(option=what, text=text),
        _("Use YYYY-MM-DD, e.g. 2026-08-03."),
    )


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def describe(item: Break) -> str:
    """'2026-08-03 to 2026-08-16 (14 days): Summer holiday'."""
    days = (item.ends_on - item.starts_on).days + 1
    text = ngettext(
        "{first} to {last} ({count} day)", "{first} to {last} ({count} days)", days
    ).format(first=item.starts_on.isoformat(), last=item.ends_on.isoformat(), count=days)
    return f"{text}: {item.note}" if item.note else text


def run_add(planner: Planner, args: argparse.Namespace) -> int:
    from app.cadence.report import break_json

    starts_on = parse_day(args.starts_on, "--from")
    ends_on = parse_day(args.ends_on, "--to")
    book = planner.cadence
    added = book.add_break(starts_on, ends_on, args.note)
    if args.json:
        _print_json(break_json(added))
        return 0
    # Translators: {span} is "2026-08-03 to 2026-08-16 (14 days): Summer".
    print(_("Away {span} (id {id}).").format(span=describe(added), id=added.id))
    overlaps = [
        b
        for b in book.breaks()
        if b.id != added.id and b.starts_on <= added.ends_on and b.ends_on >= added.starts_on
    ]
    if overlaps:
        ids = ", ".join(str(b.id) for b in overlaps)
        print(
            ngettext(
                "It overlaps break {ids}: the shared days count once.",
                "It overlaps breaks {ids}: the shared days count once.",
                len(overlaps),
            ).format(ids=ids)
        )
    return 0


def run_list(planner: Planner, args: argparse.Namespace) -> int:
    from app.cadence.report import break_json

    found = planner.cadence.breaks()
    if args.json:
        _print_json([break_json(b) for b in found])
        return 0
    if not found:
        print(_("No breaks planned. Plan one: digwell away add --from YYYY-MM-DD --to YYYY-MM-DD"))
        return 0
    for item in found:
        print(f"{item.id:>6}  {describe(item)}")
    return 0


def run_remove(planner: Planner, args: argparse.Namespace) -> int:
    from app.cadence.report import break_json

    text = str(args.break_id).strip()
    if not (text.isascii() and text.isdigit() and len(text) < 19):  # SQLite's integers
        raise DigwellError(
            _("“{id}” is not a break id.").format(id=args.break_id),
            _("See the ids with: digwell away list"),
        )
    try:
        removed = planner.cadence.remove_break(int(text))
    except NotFoundError as err:
        raise NotFoundError(err.message, _("See the ids with: digwell away list")) from err
    if args.json:
        _print_json(break_json(removed))
    else:
        print(_("Removed break {id}: {span}.").format(id=removed.id, span=describe(removed)))
    return 0
