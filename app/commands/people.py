"""`digwell people ...`: the people you keep in touch with (docs/PEOPLE.md), importing
and exporting them (docs/PEOPLE_IMPORT.md).

    digwell people add NAME [--company C] [--role R] [--circle NAME] [--linkedin URL]
                      [--x @H] [--mastodon @U@S] [--bluesky H] [--threads @H]
                      [--website URL] [--how-known TEXT] [--notes TEXT] [--json]
    digwell people list [--due] [--circle NAME] [--search TEXT] [--json]
    digwell people touch ID|NAME --kind KIND [--date YYYY-MM-DD] [--note TEXT] [--json]
    digwell people show ID|NAME [--json]
    digwell people archive ID|NAME
    digwell people import FILE [--dry-run] [--keep-emails] [--json] [--json-progress]
    digwell people export FILE.csv

JSON keys scripts rely on. A person (add, list, show): `id`, `name`, `company`, `role`,
`circle`, `how_known`, `notes`, the handles `linkedin`, `x`, `mastodon`, `bluesky`,
`threads`, `website`, and `email`, `archived`, `last_touch`, `next_due` (= `due_on`),
`due_on`, `overdue_on` (ISO dates or null), `overdue` and `due` (booleans, today),
`status` (warm, due, overdue or archived), `gives`, `asks`; `show` adds `touches`,
newest first. A touch: `id`, `person_id`, `kind`, `date`, `note`, `post_id`, `auto`,
`post_url`; `touch --kind asked` adds `note_for_ask` (the gentle note, or "").
`import`: `added`, `updated`, `skipped`, `merged`, `errors` ([{line, message}], the
first 1000; `errors_total` counts them all), `preview` ({added: [{name, company}],
updated: [{name, company, fields}], merged: [{name, into, line}]}, 1000 each at most),
`rows`, `touches`, `source` (linkedin or vcard), `dry_run`. With `--json-progress` it
prints JSON lines instead: {"event": "start", "total": N}, {"event": "progress",
"done": n, "total": N} now and then, and last {"event": "done", "result": {...}}.

Import exits 0 when the file was read, even if some rows had errors (they are listed
and left out; the rest is imported); a refused file changes nothing and exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from app.commands.people_files import add_file_parsers
from app.errors import DigwellError
from app.i18n import N_, _, formats, pgettext
from app.people.circle_names import circle_label
from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.types import Person, Touch

_HANDLES = (
    ("--linkedin", "URL", N_("their LinkedIn profile address")),
    ("--x", "@H", N_("their handle on X")),
    ("--mastodon", "@U@S", N_("their Mastodon address, @user@server")),
    ("--bluesky", "H", N_("their Bluesky handle, e.g. name.bsky.social")),
    ("--threads", "@H", N_("their handle on Threads")),
    ("--website", "URL", N_("their site or feed")),
)
# What `people show` calls a person's fields; the platforms keep their names.
_FIELD_LABELS = {
    "linkedin": "LinkedIn",
    "x": "X",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "threads": "Threads",
    "website": N_("website"),
    "how_known": N_("how known"),
}


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    parents = [common]
    people = commands.add_parser(
        "people", parents=parents, help=_("the people you keep in touch with")
    )
    sub = people.add_subparsers(dest="people_command", metavar="COMMAND", required=True)

    add = sub.add_parser("add", parents=parents, help=_("add a person"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--company", help=_("where they work"))
    add.add_argument("--role", help=_("what they do"))
    add.add_argument("--circle", metavar="NAME", help=_("their circle (default: the widest)"))
    for option, metavar, text in _HANDLES:
        add.add_argument(option, metavar=metavar, help=_(text))
    add.add_argument("--how-known", metavar="TEXT", help=_("how you know each other"))
    add.add_argument("--notes", metavar="TEXT", help=_("notes"))
    add.add_argument("--json", action="store_true", help=_("print the person as JSON"))
    add.set_defaults(run=run_add)

    listing = sub.add_parser("list", parents=parents, help=_("list your people by name"))
    listing.add_argument(
        "--due", action="store_true", help=_("only who is due, most overdue first")
    )
    listing.add_argument("--circle", metavar="NAME", help=_("only this circle"))
    listing.add_argument("--search", metavar="TEXT", default="", help=_("name, company, handle"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    listing.set_defaults(run=run_list)

    touch = sub.add_parser(
        "touch", parents=parents, help=_("log a touch: it restarts the interval")
    )
    touch.add_argument("person", metavar="ID|NAME")
    touch.add_argument("--kind", required=True, metavar="KIND", help=_kinds_help())
    touch.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day (default today)"))
    touch.add_argument("--note", default="", metavar="TEXT", help=_("what it was about"))
    touch.add_argument("--json", action="store_true", help=_("print the touch as JSON"))
    touch.set_defaults(run=run_touch)

    show = sub.add_parser("show", parents=parents, help=_("a person and their touches"))
    show.add_argument("person", metavar="ID|NAME")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(run=run_show)

    archive = sub.add_parser("archive", parents=parents, help=_("archive a person"))
    archive.add_argument("person", metavar="ID|NAME")
    archive.set_defaults(run=run_archive)
    add_file_parsers(sub, parents)


def _kinds_help() -> str:
    from app.types import TOUCH_KINDS

    # Translators: {kinds} lists the words --kind takes ("credited, thanked, …").
    return _("one of {kinds}").format(kinds=", ".join(TOUCH_KINDS))


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def person_json(person: Person, today: date) -> dict[str, object]:
    from app.people.keep_warm import status

    state = status(person, today)
    return {
        "id": person.id,
        "name": person.name,
        "company": person.company,
        "role": person.role,
        "circle": person.circle,
        "how_known": person.how_known,
        "notes": person.notes,
        "linkedin": person.linkedin,
        "x": person.x,
        "mastodon": person.mastodon,
        "bluesky": person.bluesky,
        "threads": person.threads,
        "website": person.website,
        "email": person.email,
        "archived": person.archived,
        "added_on": _day(person.added_on),
        "snoozed_until": _day(person.snoozed_until),
        "last_touch": _day(person.last_touch),
        "next_due": _day(person.due_on),
        "due_on": _day(person.due_on),
        "overdue_on": _day(person.overdue_on),
        "status": state,
        "due": state in ("due", "overdue"),
        "overdue": state == "overdue",
        "gives": person.gives,
        "asks": person.asks,
    }


def touch_json(touch: Touch) -> dict[str, object]:
    return {
        "id": touch.id,
        "person_id": touch.person_id,
        "kind": touch.kind,
        "date": touch.on.isoformat(),
        "note": touch.note,
        "post_id": touch.post_id,
        "auto": touch.auto,
        "post_url": touch.post_url,
    }


def run_add(planner: Planner, args: argparse.Namespace) -> int:
    names = ("company", "role", "linkedin", "x", "mastodon", "bluesky", "threads", "website")
    fields = {n: getattr(args, n) for n in (*names, "how_known", "notes")}
    given = {k: v for k, v in fields.items() if v is not None}
    person = planner.people.add(args.name, circle=args.circle, **given)
    if args.json:
        _print_json(person_json(person, planner.people.today()))
    else:
        print(
            _("Added {name} (id {id}) to {circle}.").format(
                name=person.name, id=person.id, circle=circle_label(person.circle)
            )
        )
    return 0


def run_list(planner: Planner, args: argparse.Namespace) -> int:
    people = planner.people
    circle_id = people.circle_named(args.circle).id if args.circle else None
    if args.due:
        found = [p for p in people.due() if circle_id is None or p.circle_id == circle_id]
        if args.search:
            wanted = set(people.ids(args.search, circle_id))
            found = [p for p in found if p.id in wanted]
    else:
        found = people.listed(args.search, circle_id)
    today = people.today()
    if args.json:
        _print_json([person_json(p, today) for p in found])
        return 0
    if not found:
        print(
            _("Nobody is due.")
            if args.due
            else _("No people yet. Add one: digwell people add NAME")
        )
        return 0
    for line in _table(found, today):
        print(line)
    return 0


def _table(people: list[Person], today: date) -> list[str]:
    from app.people.keep_warm import due_text, last_touch_text

    def cut(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    # Column headers of `people list`.
    heads = (
        pgettext("column", "id"),
        pgettext("column", "name"),
        pgettext("column", "company"),
        pgettext("column", "circle"),
        pgettext("column", "gives/asks"),
        pgettext("column", "when"),
    )
    ids, names, companies, circles, counts = (
        max(width, len(head)) for width, head in zip((6, 24, 20, 12, 10), heads, strict=False)
    )
    lines = [
        f"{heads[0]:>{ids}}  {heads[1]:{names}}  {heads[2]:{companies}}  {heads[3]:{circles}}"
        f"  {heads[4]:{counts}}  {heads[5]}"
    ]
    for p in people:
        when = f"{last_touch_text(p, today)}; {due_text(p, today)}".rstrip("; ")
        circle = cut(circle_label(p.circle), circles)
        lines.append(
            f"{p.id:>{ids}}  {cut(p.name, names):{names}}  {cut(p.company, companies):{companies}}"
            f"  {circle:{circles}}  {f'{p.gives}/{p.asks}':{counts}}  {when}"
        )
    return lines


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DigwellError(
            _("“{text}” is not a date.").format(text=text), _("Use YYYY-MM-DD, e.g. 2026-11-20.")
        ) from None


def run_touch(planner: Planner, args: argparse.Namespace) -> int:
    people = planner.people
    person = people.find(args.person)
    day = _parse_date(args.date)
    asked = args.kind.strip().lower() == "asked"
    note_for_ask = people.ask_warning(person.id) if asked else ""
    touch = people.touch(person.id, args.kind, day, args.note)
    if note_for_ask:
        print(note_for_ask, file=sys.stderr)
    if args.json:
        result = touch_json(touch)
        if asked:
            result["note_for_ask"] = note_for_ask
        _print_json(result)
    else:
        # Translators: {kind} is the word given to --kind ("talked"); {day} is a date.
        text = _("Logged {kind} with {name} on {day}.")
        print(text.format(kind=touch.kind, name=person.name, day=formats.day_month_year(touch.on)))
    return 0


def run_show(planner: Planner, args: argparse.Namespace) -> int:
    people = planner.people
    person = people.find(args.person)
    touches = people.touches(person.id)
    today = people.today()
    if args.json:
        _print_json({**person_json(person, today), "touches": [touch_json(t) for t in touches]})
        return 0
    from app.people.keep_warm import due_text, last_touch_text

    company = ", ".join(x for x in (person.role, person.company) if x)
    # Translators: {company} is their role and company, "CTO, Acme".
    title = _("{name} (id {id}): {company}") if company else _("{name} (id {id})")
    print(title.format(name=person.name, id=person.id, company=company))
    standing = f"{last_touch_text(person, today)}; {due_text(person, today)}"
    print(f"  {circle_label(person.circle)}; {standing}")
    print("  " + _("gives {gives}, asks {asks}").format(gives=person.gives, asks=person.asks))
    for field, label in _FIELD_LABELS.items():
        if getattr(person, field):
            print(f"  {_(label)}: {getattr(person, field)}")
    for t in touches:
        note = f": {t.note}" if t.note else ""
        print(f"  {t.on.isoformat()}  {t.kind}{note}" + (f"  {t.post_url}" if t.post_url else ""))
    return 0


def run_archive(planner: Planner, args: argparse.Namespace) -> int:
    person = planner.people.find(args.person)
    planner.people.archive([person.id])
    print(_("Archived {name}: kept in history, left out of every list.").format(name=person.name))
    return 0
