"""`digwell plan`: the posting schedule and the slots of the next weeks, with the drafts
planned into them; planning a draft; exporting the plan as an iCalendar file."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, time, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import _, formats, ngettext, pgettext
from app.planner import Planner

if TYPE_CHECKING:
    from datetime import tzinfo

    from app.commands.arguments import Subcommands
    from app.types import Draft

# As app.cadence.plan.PLAN_WEEKS (not imported here: the window builds this parser at
# start-up, and the plan's modules are only needed when a plan command runs).
PLAN_WEEKS = 4


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "plan",
        parents=[common],
        help=_("your posting days and the slots of the next weeks"),
        description=_("List the posting slots of the next weeks and what is planned into them."),
    )
    cmd.add_argument("--json", action="store_true", help=_("print a JSON object"))
    cmd.add_argument(
        "--weeks", type=int, default=PLAN_WEEKS, metavar="N", help=_("weeks ahead (4)")
    )
    cmd.set_defaults(run=run_list)
    actions = cmd.add_subparsers(dest="plan_action", metavar="ACTION")

    schedule = actions.add_parser(
        "schedule", parents=[common], help=_("set your preferred posting days and time")
    )
    schedule.add_argument(
        "--days",
        metavar="DAYS",
        # Translators: the day names are what the user types: keep them in English.
        help=_("e.g. tue,thu or 'Mon Wed Fri'"),
    )
    schedule.add_argument("--time", metavar="HH:MM", help=_("local time, e.g. 09:00"))
    schedule.set_defaults(run=run_schedule)

    draft = actions.add_parser("draft", parents=[common], help=_("plan a draft into a slot"))
    draft.add_argument("id", type=int, metavar="DRAFT_ID")
    when = draft.add_mutually_exclusive_group(required=True)
    when.add_argument(
        "--at", metavar="TIME", help=_("the slot, as listed: YYYY-MM-DD HH:MM local time")
    )
    when.add_argument("--next", action="store_true", help=_("the next slot with nothing planned"))
    draft.set_defaults(run=run_draft)

    export = actions.add_parser(
        "export", parents=[common], help=_("write the plan to an iCalendar (.ics) file")
    )
    export.add_argument("file", type=Path, metavar="FILE.ics")
    # SUPPRESS: without it this default would overwrite `digwell plan --weeks N export`.
    export.add_argument(
        "--weeks", type=int, default=argparse.SUPPRESS, metavar="N", help=_("weeks ahead (4)")
    )
    export.set_defaults(run=run_export)


def _weeks(args: argparse.Namespace) -> int:
    if not 1 <= args.weeks <= 52:
        raise DigwellError(_("--weeks must be from 1 to 52."), _("For example: --weeks 4."))
    weeks: int = args.weeks
    return weeks


def run_list(planner: Planner, args: argparse.Namespace) -> int:
    from app.cadence.schedule import days_text, format_days

    book, tz = planner.cadence, planner.clock.tz()
    schedule = book.schedule()
    slots = book.slots(_weeks(args))
    late = book.overdue()
    if args.json:
        print(
            json.dumps(
                {
                    "days": [format_days((d,)) for d in schedule.days],
                    "time": schedule.at.strftime("%H:%M"),
                    "slots": [
                        {
                            "at": s.at.astimezone(tz).isoformat(),
                            "scheduled": s.scheduled,
                            "drafts": [_draft_json(d) for d in s.drafts],
                        }
                        for s in slots
                    ],
                    "overdue": [_draft_json(d) for d in late],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(_posting_on(days_text(schedule.days), schedule.at))
    for draft in late:
        overdue = pgettext("plan", "overdue")
        print(f"  {overdue}  {_local(draft.planned_for, tz)}  {_draft_text(draft)}")
    for slot in slots:
        what = "; ".join(_draft_text(d) for d in slot.drafts) or pgettext("slot", "free")
        print(f"  {_local(slot.at, tz)}  {what}")
    return 0


def run_schedule(planner: Planner, args: argparse.Namespace) -> int:
    from app.cadence.schedule import days_text, parse_days, parse_time

    book = planner.cadence
    schedule = book.schedule()
    if args.days is not None:
        schedule = schedule._replace(days=parse_days(args.days))
    if args.time is not None:
        schedule = schedule._replace(at=parse_time(args.time))
    book.set_schedule(schedule)
    print(_posting_on(days_text(schedule.days), schedule.at))
    return 0


def _posting_on(days: str, at: time) -> str:
    """The schedule for people to read: `days` from days_text, "" for every day."""
    when = formats.time_of_day(at)
    if not days:
        # Translators: {time} is a time of day.
        return _("Posting every day at {time}.").format(time=when)
    # Translators: {days} are short day names ("Tue, Thu"); {time} a time of day.
    return _("Posting on {days} at {time}.").format(days=days, time=when)


def _draft_text(draft: Draft) -> str:
    return _("draft {id}: {title}").format(id=draft.id, title=draft.title)


def run_draft(planner: Planner, args: argparse.Namespace) -> int:
    book, tz = planner.cadence, planner.clock.tz()
    if args.next:
        free = [s for s in book.slots() if not s.drafts]
        if not free:
            raise DigwellError(
                _("Every slot of the next four weeks has a draft planned."),
                _("Give one a time with --at, or add posting days with `digwell plan schedule`."),
            )
        at = free[0].at
    else:
        at = _parse_local(args.at, tz)
    draft = book.plan_draft(args.id, at)
    # Translators: {when} is the slot, "Tue 2026-12-01 09:00".
    text = _("Planned draft {id} for {when}: {title}")
    print(text.format(id=draft.id, when=_local(at, tz), title=draft.title))
    return 0


def run_export(planner: Planner, args: argparse.Namespace) -> int:
    events = planner.cadence.export_ical(args.file, _weeks(args))
    text = ngettext(
        "Wrote {count} posting slot to {file}.", "Wrote {count} posting slots to {file}.", events
    )
    print(text.format(count=formats.number(events), file=args.file))
    return 0


def _draft_json(draft: Draft) -> dict[str, object]:
    return {
        "id": draft.id,
        "title": draft.title,
        "platform": draft.platform,
        "planned_for": draft.planned_for.isoformat() if draft.planned_for else None,
    }


def _local(moment: datetime | None, tz: tzinfo) -> str:
    """ "Tue 2026-12-01 09:00": the weekday in the user's language, then the time as
    --at takes it."""
    if moment is None:
        return ""
    from app.cadence.schedule import DAY_NAMES

    local = moment.astimezone(tz)
    return f"{_(DAY_NAMES[local.weekday()])} {local:%Y-%m-%d %H:%M}"


def _parse_local(text: str, tz: tzinfo) -> datetime:
    try:
        naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise DigwellError(
            _("'{text}' is not a time Digwell understands.").format(text=text),
            _("Give it as YYYY-MM-DD HH:MM in your local time, e.g. 2026-12-01 09:00."),
        ) from None
    return naive.replace(tzinfo=tz).astimezone(timezone.utc)
