"""The tray reminder also names the people who went cold, at most once a day; clicking it
opens the People page; it keeps quiet while reminders are off or snoozed (docs/PEOPLE.md,
"Reminders"). Offscreen there is no tray: the reminder is said in the window."""

from datetime import timedelta

import pytest

from app.ui.sidebar import INBOX, PEOPLE


def _cold(planner, name: str, days_ago: int):
    """Someone in Close last touched `days_ago` days ago (overdue after 45 days)."""
    person = planner.people.add(name, circle="Close")
    planner.people.touch(person.id, "talked", on=planner.people.today() - timedelta(days_ago))
    return person


@pytest.fixture
def window(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    window.start_reminders()
    return window


def test_people_gone_cold_today_are_named_once(qtbot, window, planner, clock):
    for name in ("Priya Raman", "Sam Rivera", "Ada Byrne", "Ben Okoro"):
        _cold(planner, name, 45)
    shown = []
    window.reminders.timer.due.connect(shown.append)
    window.reminders.timer.check_now()
    window.reminders.timer.check_now()
    (reminder,) = shown
    assert reminder.title == "Gone cold"
    assert (
        reminder.message == "Priya Raman, Sam Rivera and 2 others — past their keep-warm interval."
    )
    assert len(reminder.people) == 4
    # No tray offscreen: said in the status bar instead.
    assert window.statusBar().currentMessage() == f"Gone cold: {reminder.message}"
    clock.advance(timedelta(hours=12))  # later the same day: not again
    assert window.reminders.timer.check_now() is None


def test_clicking_it_opens_the_people_page(qtbot, window, planner):
    _cold(planner, "Priya Raman", 45)
    reminder = window.reminders.timer.check_now()
    window.nav.setCurrentRow(INBOX)
    window.reminders.follow(reminder)
    assert window.nav.currentRow() == PEOPLE


def test_a_reminder_to_post_comes_first_and_the_people_on_the_next_poll(
    qtbot, window, planner, clock
):
    draft = planner.drafting.new_draft([], text="Planned one.")
    planner.cadence.plan_draft(draft.id, planner.cadence.slots()[0].at)
    clock.advance(timedelta(hours=23))  # Tuesday 09:00 Berlin: the planned slot
    _cold(planner, "Priya Raman", 45)
    first = window.reminders.timer.check_now()
    assert first.draft_id == draft.id and not first.people
    second = window.reminders.timer.check_now()
    assert second.people and "Priya Raman" in second.message


def test_off_or_snoozed_it_keeps_quiet_and_the_day_is_not_used_up(qtbot, window, planner, clock):
    _cold(planner, "Priya Raman", 45)
    planner.cadence.set_preferences(reminders=False, close_to_tray=False)
    assert window.reminders.timer.check_now() is None

    planner.cadence.set_preferences(reminders=True, close_to_tray=False)
    reminder = window.reminders.timer.check_now()
    assert reminder is not None and reminder.people
    window.reminders.tray.show_reminder(reminder)
    window.reminders.tray.snooze_hour_action.trigger()
    assert "snoozed until 11:00" in window.statusBar().currentMessage()

    clock.advance(timedelta(days=1))  # tomorrow, someone else: quiet while snoozed…
    _cold(planner, "Sam Rivera", 45)
    planner.cadence.snooze(reminder, timedelta(hours=2))
    assert window.reminders.timer.check_now() is None
    clock.advance(timedelta(hours=3))  # …named once it is over, after the post reminder
    first, later = window.reminders.timer.check_now(), window.reminders.timer.check_now()
    assert first.title == "Time to share"  # Tuesday's reminder to post
    assert later.message.startswith("Sam Rivera —")
