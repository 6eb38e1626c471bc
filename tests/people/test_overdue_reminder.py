"""The tray's reminder of people gone cold (docs/PEOPLE.md): who became overdue since the
last one, at most once a local day, and how it names them. No Qt: the core decides."""

from datetime import timedelta

from app.cadence.reminders import ReminderState, gone_cold_reminder
from app.types import Changes


def _cold(planner, name: str, days_ago: int, circle: str = "Close"):
    """Someone in `circle` last touched `days_ago` days ago (Close: overdue after 45)."""
    person = planner.people.add(name, circle=circle)
    planner.people.touch(person.id, "talked", on=planner.people.today() - timedelta(days_ago))
    return planner.people.get(person.id)


def test_names_who_became_overdue_today_once_a_day(planner, clock):
    people = planner.people
    priya = _cold(planner, "Priya Raman", 45)  # overdue from today
    _cold(planner, "Long Gone", 200)  # overdue for months: not news today
    _cold(planner, "Still Warm", 10)
    assert priya.overdue_on == people.today()

    assert [p.name for p in people.people_to_remind()] == ["Priya Raman"]
    assert people.people_to_remind() == []  # not again today
    clock.advance(timedelta(hours=13))  # 23:00 in Berlin: the same local day
    assert people.people_to_remind() == []


def test_the_next_day_names_only_who_came_due_since(planner, clock):
    people = planner.people
    _cold(planner, "Priya Raman", 45)
    _cold(planner, "Sam Rivera", 44)  # overdue from tomorrow
    assert [p.name for p in people.people_to_remind()] == ["Priya Raman"]

    clock.advance(timedelta(days=1))
    assert [p.name for p in people.people_to_remind()] == ["Sam Rivera"]


def test_days_away_are_caught_up_in_one_reminder_most_overdue_first(planner, clock):
    people = planner.people
    _cold(planner, "Priya Raman", 45)
    assert [p.name for p in people.people_to_remind()] == ["Priya Raman"]
    _cold(planner, "Ben Okoro", 41)  # overdue in 4 days
    _cold(planner, "Ada Byrne", 43)  # overdue in 2 days
    _cold(planner, "Cleo Marsh", 60)  # overdue before the last reminder: not news

    clock.advance(timedelta(days=5))  # Digwell was closed meanwhile
    assert [p.name for p in people.people_to_remind()] == ["Ada Byrne", "Ben Okoro"]


def test_a_day_with_nobody_to_name_is_not_used_up(planner, clock):
    people = planner.people
    assert people.people_to_remind() == []  # the morning's check: nobody
    _cold(planner, "Priya Raman", 45)  # a touch taken back, an interval shortened…
    assert [p.name for p in people.people_to_remind()] == ["Priya Raman"]
    assert people.people_to_remind() == []


def test_a_touch_or_archiving_takes_a_person_off_the_reminder(planner):
    people = planner.people
    warmed = _cold(planner, "Priya Raman", 45)
    archived = _cold(planner, "Sam Rivera", 45)
    people.touch(warmed.id, "credited")
    people.archive([archived.id])
    assert people.people_to_remind() == []


def test_a_damaged_day_counts_as_never_reminded(planner, db):
    from app.store import settings as settings_q

    with db.transaction() as tx:
        settings_q.set_setting(tx, "people_reminder_day", "not a day")
    _cold(planner, "Priya Raman", 45)
    assert [p.name for p in planner.people.people_to_remind()] == ["Priya Raman"]


def test_the_import_in_a_child_process_is_announced_for_the_window(planner):
    heard = []
    planner.subscribe(heard.append)
    planner.people.changed_elsewhere()
    assert heard == [Changes(people=True, items=True)]


def test_the_reminder_names_two_and_counts_the_rest(clock):
    at = clock.now()
    five = [(i, n) for i, n in enumerate(["Priya Raman", "Sam Rivera", "A", "B", "C"], 1)]
    reminder = gone_cold_reminder(at, five)
    assert reminder.title == "Gone cold"
    assert reminder.message == (
        "Priya Raman, Sam Rivera and 3 others — past their keep-warm interval."
    )
    assert reminder.people == (1, 2, 3, 4, 5)
    assert reminder.draft_id is None
    assert gone_cold_reminder(at, five[:1]).message.startswith("Priya Raman — past")
    assert gone_cold_reminder(at, five[:2]).message.startswith("Priya Raman and Sam Rivera —")
    assert gone_cold_reminder(at, five[:3]).message.startswith("Priya Raman, Sam Rivera and A —")


def test_reminders_off_or_snoozed_keep_quiet_and_snoozing_names_nobody_again(planner, clock):
    cadence = planner.cadence
    assert not cadence.reminders_quiet()
    reminder = gone_cold_reminder(clock.now(), [(1, "Priya Raman")])
    cadence.snooze(reminder, timedelta(hours=1))
    assert cadence.reminders_quiet()
    # Snoozed in general: the people reminder is not kept to come back as a post reminder.
    assert cadence.reminder_state() == ReminderState(
        handled_until=None, snoozed_until=clock.now() + timedelta(hours=1), snoozed=None
    )
    clock.advance(timedelta(hours=2))
    assert not cadence.reminders_quiet()
    cadence.set_preferences(reminders=False, close_to_tray=False)
    assert cadence.reminders_quiet()
