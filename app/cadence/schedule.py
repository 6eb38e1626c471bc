"""The posting schedule: which weekdays, at what local time, and how far along the week is.

Slots are built from the local date and wall time, then converted to UTC, so 09:00 stays
09:00 local across DST changes. A wall time that does not exist (inside the spring-forward
gap, e.g. 02:30 on the last Sunday of March in Berlin) is read with fold=0, as zoneinfo
does: with the offset in force before the change, so the slot falls one wall-clock hour
later (02:30 CET is 03:30 CEST). A wall time that happens twice (the autumn change) is its
first occurrence, the summer-time one.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone, tzinfo
from typing import NamedTuple

from app.cadence.week import next_week_start, week_start
from app.errors import DigwellError
from app.i18n import N_, _

# English: what the user may type (parse_days); shown translated, _(DAY_NAMES[d]).
DAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_BY_NAME = {
    **{name.lower(): i for i, name in enumerate(DAY_NAMES)},
    **{name: i for i, name in enumerate(_FULL_NAMES)},
}
ALL_DAYS = tuple(range(7))
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class PostingSchedule(NamedTuple):
    """Weekdays to post on (Monday=0) and the local wall time; no days means every day."""

    days: tuple[int, ...] = (1, 2, 3)
    at: time = time(9, 0)


def parse_days(text: str) -> tuple[int, ...]:
    """Weekdays from "mon,wed,fri" or "Tue Thu" (any case, short or full names), sorted."""
    days: set[int] = set()
    for word in re.split(r"[\s,;]+", text.strip()):
        if not word:
            continue
        day = _DAY_BY_NAME.get(word.lower())
        if day is None:
            raise DigwellError(
                # Translators: {word} is what the user typed.
                _("'{word}' is not a day of the week.").format(word=word),
                # Translators: {days} are the English day names the user may type: keep them.
                _("Use {days} (or the full names), separated by commas.").format(
                    days=", ".join(DAY_NAMES)
                ),
            )
        days.add(day)
    return tuple(sorted(days))


def format_days(days: tuple[int, ...]) -> str:
    """Short English day names, e.g. "Tue, Wed, Thu" for (1, 2, 3), as parse_days reads
    them (and `--json` prints them); no days gives "" (every day). Shown: days_text."""
    return ", ".join(DAY_NAMES[d] for d in sorted(set(days)))


def days_text(days: tuple[int, ...]) -> str:
    """format_days in the user's language ("Di, Mi, Do"), for people to read."""
    return ", ".join(_(DAY_NAMES[d]) for d in sorted(set(days)))


def parse_time(text: str) -> time:
    """A local time of day from "09:30" or "9:30"."""
    match = _TIME.fullmatch(text.strip())
    if match:
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise DigwellError(
        # Translators: {text} is what the user typed.
        _("'{text}' is not a time of day.").format(text=text),
        _("Write hours and minutes, 24-hour style, e.g. 09:30."),
    )


def schedule_days(schedule: PostingSchedule) -> tuple[int, ...]:
    """The weekdays the schedule posts on: every day when none are chosen."""
    return tuple(sorted(set(schedule.days))) if schedule.days else ALL_DAYS


def slots_between(
    schedule: PostingSchedule, start: datetime, end: datetime, tz: tzinfo
) -> list[datetime]:
    """Every scheduled slot with start <= slot < end, in order, as aware UTC datetimes."""
    days = set(schedule_days(schedule))
    # A day either side: the local dates of start and end may differ from their UTC dates.
    day = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    slots = []
    while day <= last:
        if day.weekday() in days:
            slot = datetime.combine(day, schedule.at, tzinfo=tz).astimezone(timezone.utc)
            if start <= slot < end:
                slots.append(slot)
        day += timedelta(days=1)
    return slots


def upcoming_slots(
    schedule: PostingSchedule, now: datetime, tz: tzinfo, weeks: int = 4
) -> list[datetime]:
    """The slots from now (inclusive) over the next `weeks` weeks."""
    return slots_between(schedule, now, now + timedelta(days=7 * weeks), tz)


def expected_by(schedule: PostingSchedule, now: datetime, tz: tzinfo, target: int) -> int:
    """How many posts this local week should hold by now: the target spread over its slots."""
    if target <= 0:
        return 0
    slots = slots_between(schedule, week_start(now, tz), next_week_start(now, tz), tz)
    passed = sum(1 for slot in slots if slot <= now)
    return min(target, -(-target * passed // len(slots)))  # ceiling division


def is_behind(
    week_posts: int, schedule: PostingSchedule, now: datetime, tz: tzinfo, target: int
) -> bool:
    """Whether this week's posts are fewer than the schedule expects by now."""
    return week_posts < expected_by(schedule, now, tz, target)
