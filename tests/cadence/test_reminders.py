import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.reminders import (
    Reminder,
    ReminderState,
    after_shown,
    after_snooze,
    due_reminder,
    next_trigger,
    state_from_json,
    state_to_json,
    until_tomorrow,
)
from app.cadence.schedule import PostingSchedule

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc
SCHEDULE = PostingSchedule()  # Tue, Wed, Thu at 09:00
HOUR = timedelta(hours=1)
EMPTY = ReminderState()
BEHIND_0 = "You are at 0 of 3 posts this week. A good moment to share something."


def berlin(*args: int) -> datetime:
    """A Berlin wall time, as UTC (the week of Monday 23 November 2026)."""
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


MONDAY = berlin(2026, 11, 23, 10, 0)
TUESDAY_SLOT = berlin(2026, 11, 24, 9, 0)
WEDNESDAY_SLOT = berlin(2026, 11, 25, 9, 0)
THURSDAY_SLOT = berlin(2026, 11, 26, 9, 0)


def due(now, state=EMPTY, *, planned=(), week_posts=0, target=3, **kw):
    return due_reminder(
        now, BERLIN, SCHEDULE, state, planned=planned, week_posts=week_posts, target=target, **kw
    )


def run(start, end, *, step=timedelta(minutes=10), asleep=(), **kw):
    """Poll like the app: every `step`, except while asleep; record each reminder shown."""
    state, shown, now = ReminderState(), [], start
    while now < end:
        if not any(a <= now < b for a, b in asleep):
            reminder = due(now, state, **kw)
            if reminder is not None:
                shown.append(reminder)
                state = after_shown(state, reminder)
        now += step
    return shown


def test_a_slot_reminds_when_behind():
    reminder = due(TUESDAY_SLOT)
    assert reminder == Reminder(TUESDAY_SLOT, None, "Time to share", BEHIND_0)
    assert due(TUESDAY_SLOT + timedelta(minutes=10)) == reminder


def test_no_reminder_when_on_track():
    assert due(TUESDAY_SLOT, week_posts=1) is None
    assert due(WEDNESDAY_SLOT, week_posts=2) is None


def test_no_reminder_between_slots():
    assert due(MONDAY) is None  # Monday is no posting day and nothing is planned
    assert due(TUESDAY_SLOT - timedelta(seconds=1)) is None


def test_a_planned_draft_reminds_even_when_on_track():
    at = berlin(2026, 11, 23, 14, 0)
    planned = [(at, 7, "Why platform teams fail")]
    reminder = due(at + timedelta(minutes=1), planned=planned, week_posts=3)
    assert reminder == Reminder(
        at, 7, "Planned post", "Time to post: “Why platform teams fail” is planned for now."
    )


def test_a_planned_draft_wins_over_being_behind():
    planned = [(TUESDAY_SLOT, 7, "Roundup"), (TUESDAY_SLOT, 4, "Older idea")]
    reminder = due(TUESDAY_SLOT, planned=planned)
    assert reminder is not None and reminder.draft_id == 4  # ties: the lowest id
    assert reminder.at == TUESDAY_SLOT


def test_a_future_planned_draft_does_not_remind_yet():
    assert due(MONDAY, planned=[(MONDAY + HOUR, 7, "Later")]) is None


def test_an_untitled_draft_and_a_target_of_one_read_well():
    assert "“Untitled draft”" in due(MONDAY, planned=[(MONDAY, 1, " ")]).message
    assert due(TUESDAY_SLOT, target=1).message.startswith("You are at 0 of 1 post this week.")


def test_polling_through_a_week_reminds_once_per_slot_while_behind():
    shown = run(MONDAY, berlin(2026, 11, 30))
    assert [r.at for r in shown] == [TUESDAY_SLOT, WEDNESDAY_SLOT, THURSDAY_SLOT]


def test_sleeping_through_three_slots_gives_one_reminder():
    wake = THURSDAY_SLOT + timedelta(minutes=30)
    state = ReminderState(handled_until=MONDAY)
    reminder = due(wake, state, grace=timedelta(days=3))
    assert reminder is not None and reminder.at == THURSDAY_SLOT
    state = after_shown(state, reminder)
    assert due(wake + timedelta(seconds=30), state, grace=timedelta(days=3)) is None


def test_sleeping_for_days_never_bursts():
    asleep = [(TUESDAY_SLOT - HOUR, THURSDAY_SLOT + timedelta(minutes=30))]
    planned = [(WEDNESDAY_SLOT + HOUR, 5, "Missed while asleep")]
    shown = run(MONDAY, berlin(2026, 11, 30), asleep=asleep, planned=planned)
    assert [r.at for r in shown] == [THURSDAY_SLOT]


def test_triggers_missed_beyond_grace_are_not_reminded():
    late = WEDNESDAY_SLOT + timedelta(hours=13)
    assert due(late) is None
    assert due(late, planned=[(WEDNESDAY_SLOT, 3, "Stale")]) is None
    assert due(late, grace=timedelta(hours=14)).at == WEDNESDAY_SLOT


def test_snooze_holds_reminders_until_it_ends_then_shows_once():
    reminder = due(TUESDAY_SLOT)
    state = after_shown(ReminderState(), reminder)
    snoozed_at = TUESDAY_SLOT + timedelta(minutes=1)
    state = after_snooze(state, reminder, snoozed_at, HOUR)
    assert due(snoozed_at + timedelta(minutes=30), state) is None
    assert due(snoozed_at + HOUR - timedelta(seconds=1), state) is None
    again = due(snoozed_at + HOUR, state)
    assert again == reminder
    state = after_shown(state, again)
    assert state.snoozed is None and state.snoozed_until is None
    assert due(snoozed_at + HOUR + timedelta(seconds=30), state) is None


def test_a_snoozed_reminder_is_dropped_once_no_longer_true():
    reminder = due(TUESDAY_SLOT)
    state = after_snooze(after_shown(ReminderState(), reminder), reminder, TUESDAY_SLOT, HOUR)
    assert due(TUESDAY_SLOT + HOUR, state, week_posts=1) is None  # posted meanwhile

    draft_at = berlin(2026, 11, 23, 14, 0)
    planned = [(draft_at, 7, "Roundup")]
    reminder = due(draft_at, planned=planned)
    state = after_snooze(after_shown(ReminderState(), reminder), reminder, draft_at, HOUR)
    assert due(draft_at + HOUR, state, planned=planned) == reminder
    assert due(draft_at + HOUR, state, planned=[]) is None  # posted or unplanned meanwhile


def test_a_snooze_that_ended_long_ago_is_not_shown():
    reminder = due(TUESDAY_SLOT)
    state = after_snooze(after_shown(ReminderState(), reminder), reminder, TUESDAY_SLOT, HOUR)
    assert due(TUESDAY_SLOT + HOUR + timedelta(hours=13), state) is None


def test_a_newer_trigger_during_a_snooze_replaces_the_snoozed_reminder():
    reminder = due(TUESDAY_SLOT)
    state = after_snooze(after_shown(ReminderState(), reminder), reminder, TUESDAY_SLOT, HOUR)
    planned = [(TUESDAY_SLOT + timedelta(minutes=30), 9, "Fresh take")]
    woken = due(TUESDAY_SLOT + HOUR, state, planned=planned)
    assert woken.draft_id == 9 and woken.at == planned[0][0]
    state = after_shown(state, woken)
    assert due(TUESDAY_SLOT + HOUR + timedelta(seconds=30), state, planned=planned) is None


def test_snoozing_with_nothing_shown_delays_the_next_reminder():
    state = after_snooze(ReminderState(), None, TUESDAY_SLOT - timedelta(minutes=30), HOUR)
    assert due(TUESDAY_SLOT, state) is None
    assert due(TUESDAY_SLOT + timedelta(minutes=30), state).at == TUESDAY_SLOT


def test_state_json_round_trip():
    reminder = Reminder(TUESDAY_SLOT, 7, "Planned post", "Time to post: “x” is planned for now.")
    states = [
        ReminderState(),
        ReminderState(handled_until=TUESDAY_SLOT),
        ReminderState(TUESDAY_SLOT, TUESDAY_SLOT + HOUR, reminder),
        ReminderState(TUESDAY_SLOT, TUESDAY_SLOT + HOUR, reminder._replace(draft_id=None)),
    ]
    for state in states:
        assert state_from_json(json.loads(json.dumps(state_to_json(state)))) == state


@pytest.mark.parametrize(
    "value",
    [
        None,
        "handled",
        [],
        {"handled_until": "yesterday"},
        {"handled_until": 5},
        {"handled_until": "2026-11-24T09:00:00"},  # naive: cannot be compared
        {"snoozed": {"at": "2026-11-24T08:00:00+00:00", "draft_id": None}},  # no end
    ],
)
def test_unreadable_state_counts_as_empty(value):
    assert state_from_json(value) == ReminderState()


@pytest.mark.parametrize(
    "snoozed",
    [
        "x",
        {"at": "bad", "draft_id": None, "title": "t", "message": "m"},
        {"at": "2026-11-24T08:00:00+00:00", "draft_id": "3", "title": "t", "message": "m"},
        {"at": "2026-11-24T08:00:00+00:00", "draft_id": True, "title": "t", "message": "m"},
        {"at": "2026-11-24T08:00:00+00:00", "draft_id": None, "title": 1, "message": "m"},
    ],
)
def test_an_unreadable_snoozed_reminder_is_dropped_and_the_rest_kept(snoozed):
    value = {
        "handled_until": "2026-11-24T08:00:00+00:00",
        "snoozed_until": "2026-11-24T09:00:00+00:00",
        "snoozed": snoozed,
    }
    assert state_from_json(value) == ReminderState(TUESDAY_SLOT, TUESDAY_SLOT + HOUR, None)


def test_a_restart_with_the_stored_state_does_not_fire_again():
    reminder = due(TUESDAY_SLOT)
    stored = json.dumps(state_to_json(after_shown(ReminderState(), reminder)))
    restarted = state_from_json(json.loads(stored))
    assert due(TUESDAY_SLOT + timedelta(minutes=5), restarted) is None
    assert due(WEDNESDAY_SLOT, restarted) is not None  # the next slot still counts


def test_next_trigger():
    assert next_trigger(MONDAY, BERLIN, SCHEDULE, []) == TUESDAY_SLOT
    assert next_trigger(TUESDAY_SLOT, BERLIN, SCHEDULE, []) == WEDNESDAY_SLOT  # after now
    planned = [(MONDAY - HOUR, 1, "past"), (MONDAY + 2 * HOUR, 2, "soon")]
    assert next_trigger(MONDAY, BERLIN, SCHEDULE, planned) == MONDAY + 2 * HOUR
    snoozed = ReminderState(snoozed_until=MONDAY + HOUR)
    assert next_trigger(MONDAY, BERLIN, SCHEDULE, planned, snoozed) == MONDAY + HOUR


def test_until_tomorrow_is_the_schedule_time_on_the_next_local_day():
    assert until_tomorrow(berlin(2026, 11, 24, 22, 0), BERLIN, SCHEDULE) == timedelta(hours=11)
    # 00:30 local is already "today"; tomorrow is a day and a half away.
    assert until_tomorrow(berlin(2026, 11, 24, 0, 30), BERLIN, SCHEDULE) == timedelta(hours=32.5)
    # The night the clocks go back is 25 hours long.
    assert until_tomorrow(berlin(2026, 10, 24, 9, 0), BERLIN, SCHEDULE) == timedelta(hours=25)
