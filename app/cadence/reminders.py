"""Reminders: when to nudge the user to post, and what has already been dealt with.

A trigger is a schedule slot or a planned draft's time. A trigger reminds only when a draft
is planned at it or the week is behind target; never more than once (the state records what
was handled and survives restarts), never a burst after sleep (only the latest missed
trigger counts), and never for triggers older than the grace period. Reminders are
silent on the days of a planned break, and a trigger that fell on one never comes later
(docs/CADENCE.md, "Planned breaks").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from app.cadence.schedule import PostingSchedule, is_behind, slots_between
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.cadence.breaks import BreakDays

GRACE = timedelta(hours=12)
SNOOZE_HOUR = timedelta(hours=1)
# slots_between's end is exclusive; a trigger exactly at `now` is due.
_TICK = timedelta(microseconds=1)
# Far enough ahead to hold the next slot of any schedule (at least one day a week).
_NEXT_SLOT_HORIZON = timedelta(days=8)


class Reminder(NamedTuple):
    """A nudge to post: `at` is its trigger; `draft_id` is the planned draft, None the inbox.
    A reminder naming people gone cold has their ids in `people` (it opens the People
    page, and is never snoozed: it comes at most once a day anyway)."""

    at: datetime
    draft_id: int | None
    title: str
    message: str
    people: tuple[int, ...] = ()


class ReminderState(NamedTuple):
    """What was dealt with: every trigger at or before `handled_until`, and any snooze."""

    handled_until: datetime | None = None
    snoozed_until: datetime | None = None
    snoozed: Reminder | None = None


Planned = Sequence[tuple[datetime, int, str]]  # (time, draft id, draft title)


def due_reminder(
    now: datetime,
    tz: tzinfo,
    schedule: PostingSchedule,
    state: ReminderState,
    *,
    planned: Planned,
    week_posts: int,
    target: int,
    grace: timedelta = GRACE,
    breaks: BreakDays | None = None,
) -> Reminder | None:
    """The reminder to show now, or None; record it with after_shown so it fires once."""
    if state.snoozed_until is not None and now < state.snoozed_until:
        return None

    def quiet(t: datetime) -> bool:  # on a break day, local time
        return breaks is not None and t.astimezone(tz).date() in breaks

    if quiet(now):
        return None
    lower = now - grace
    slots = [
        t
        for t in slots_between(schedule, lower, now + _TICK, tz)
        if _unhandled(t, state.handled_until) and not quiet(t)
    ]
    drafts = [
        (t.astimezone(timezone.utc), draft_id, title)
        for t, draft_id, title in planned
        if lower <= t <= now and _unhandled(t, state.handled_until) and not quiet(t)
    ]
    snoozed = _woken(state, now, grace)
    if snoozed is not None and quiet(snoozed.at):
        snoozed = None
    if snoozed is not None and snoozed.draft_id is not None:
        # Re-shown only while the draft is still planned, under its current title.
        titles = [title for __, draft_id, title in planned if draft_id == snoozed.draft_id]
        if titles:
            drafts.append((snoozed.at, snoozed.draft_id, titles[0]))
    triggers = [*slots, *(t for t, __, ___ in drafts)]
    if snoozed is not None:
        triggers.append(snoozed.at)
    if not triggers:
        return None
    # The latest trigger stands for every earlier one: one reminder after a long sleep.
    at = max(triggers)
    if drafts:
        __, draft_id, title = max(drafts, key=lambda d: (d[0], -d[1]))
        return planned_reminder(at, draft_id, title)
    woken_behind = snoozed is not None and snoozed.draft_id is None
    if (slots or woken_behind) and is_behind(week_posts, schedule, now, tz, target):
        return behind_reminder(at, week_posts, target)
    return None


def planned_reminder(at: datetime, draft_id: int, title: str) -> Reminder:
    """The reminder for a draft planned at `at`."""
    name = title.strip() or _("Untitled draft")
    return Reminder(
        at,
        draft_id,
        # Translators: a reminder's title, for a draft planned for now.
        _("Planned post"),
        # Translators: {title} is the planned draft's title.
        _("Time to post: “{title}” is planned for now.").format(title=name),
    )


def behind_reminder(at: datetime, week_posts: int, target: int) -> Reminder:
    """The reminder for a week behind its target."""
    return Reminder(
        at,
        None,
        # Translators: a reminder's title, when the week is behind its target.
        _("Time to share"),
        ngettext(
            "You are at {count} of {target} post this week. A good moment to share something.",
            "You are at {count} of {target} posts this week. A good moment to share something.",
            target,
        ).format(count=week_posts, target=target),
    )


def gone_cold_reminder(at: datetime, people: Sequence[tuple[int, str]]) -> Reminder:
    """The reminder naming people who became overdue, (id, name) most overdue first:
    'Priya Raman, Sam Rivera and 3 others — past their keep-warm interval.'"""
    names = [name for __, name in people]
    if len(names) > 3:
        others = len(names) - 2
        # Translators: {first} and {second} are people's names.
        named = ngettext(
            "{first}, {second} and {count} other", "{first}, {second} and {count} others", others
        ).format(first=names[0], second=names[1], count=others)
    elif len(names) > 1:
        # Translators: {names} is a list of people's names ("Ann, Bo"), {last} one more name.
        named = _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
    else:
        named = "".join(names)
    return Reminder(
        at,
        None,
        # Translators: a reminder's title: people the user has not been in touch with lately.
        _("Gone cold"),
        # Translators: {names} lists people whose keep-warm interval (how often the user
        # wants to be in touch with them) has passed.
        _("{names} — past their keep-warm interval.").format(names=named),
        tuple(person_id for person_id, __ in people),
    )


def after_shown(state: ReminderState, reminder: Reminder) -> ReminderState:
    """The state once `reminder` was shown: it and every earlier trigger are handled."""
    # reminder.at is the latest trigger it stood for, so this also covers the skipped ones.
    return ReminderState(handled_until=_later(state.handled_until, reminder.at))


def after_snooze(
    state: ReminderState, reminder: Reminder | None, now: datetime, for_: timedelta
) -> ReminderState:
    """The state once the user snoozed `reminder` (or reminders in general, if None)."""
    handled = state.handled_until if reminder is None else _later(state.handled_until, reminder.at)
    return ReminderState(handled_until=handled, snoozed_until=now + for_, snoozed=reminder)


def until_tomorrow(now: datetime, tz: tzinfo, schedule: PostingSchedule) -> timedelta:
    """How long until the schedule's time of day on the next local day: a snooze length."""
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(tomorrow, schedule.at, tzinfo=tz).astimezone(timezone.utc) - now


def next_trigger(
    now: datetime,
    tz: tzinfo,
    schedule: PostingSchedule,
    planned: Planned,
    state: ReminderState | None = None,
) -> datetime | None:
    """The first moment after `now` at which due_reminder may answer differently."""
    candidates = [t for t, __, ___ in planned if t > now]
    candidates += [
        t for t in slots_between(schedule, now, now + _NEXT_SLOT_HORIZON, tz) if t > now
    ][:1]
    if state is not None and state.snoozed_until is not None and state.snoozed_until > now:
        candidates.append(state.snoozed_until)
    return min(candidates, default=None)


def state_to_json(state: ReminderState) -> dict[str, object]:
    """The state as JSON-ready values, for a settings row."""
    snoozed = state.snoozed
    return {
        "handled_until": _time_to_json(state.handled_until),
        "snoozed_until": _time_to_json(state.snoozed_until),
        "snoozed": None
        if snoozed is None
        else {
            "at": _time_to_json(snoozed.at),
            "draft_id": snoozed.draft_id,
            "title": snoozed.title,
            "message": snoozed.message,
        },
    }


def state_from_json(value: object) -> ReminderState:
    """The state stored by state_to_json; anything unreadable counts as not stored."""
    if not isinstance(value, dict):
        return ReminderState()
    handled = _time_from_json(value.get("handled_until"))
    snoozed_until = _time_from_json(value.get("snoozed_until"))
    snoozed = _reminder_from_json(value.get("snoozed"))
    if snoozed_until is None:
        snoozed = None  # a snoozed reminder without its end could never wake
    return ReminderState(handled, snoozed_until, snoozed)


def _unhandled(t: datetime, handled_until: datetime | None) -> bool:
    return handled_until is None or t > handled_until


def _woken(state: ReminderState, now: datetime, grace: timedelta) -> Reminder | None:
    """The snoozed reminder, once its snooze ended no longer than `grace` ago."""
    if state.snoozed is None or state.snoozed_until is None:
        return None
    if state.snoozed_until <= now <= state.snoozed_until + grace:
        return state.snoozed
    return None


def _later(a: datetime | None, b: datetime) -> datetime:
    return b if a is None or b > a else a


def _time_to_json(t: datetime | None) -> str | None:
    return None if t is None else t.astimezone(timezone.utc).isoformat()


def _time_from_json(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return None
    return t if t.tzinfo is not None else None  # a naive time cannot be compared


def _reminder_from_json(value: object) -> Reminder | None:
    if not isinstance(value, dict):
        return None
    at = _time_from_json(value.get("at"))
    draft_id = value.get("draft_id")
    title, message = value.get("title"), value.get("message")
    if at is None or not isinstance(title, str) or not isinstance(message, str):
        return None
    if draft_id is not None and (not isinstance(draft_id, int) or isinstance(draft_id, bool)):
        return None
    return Reminder(at, draft_id, title, message)
