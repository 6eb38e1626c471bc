"""CadenceService (planner.cadence): the schedule and plan as stored, the report from the
log, reminders once."""

from datetime import datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar

from app.cadence.schedule import PostingSchedule
from app.cadence.service import POSTING_TIME_KEY, CadenceService
from app.errors import DigwellError
from app.store import posts as posts_q
from app.store import settings as settings_q

UTC = timezone.utc


@pytest.fixture
def book(planner) -> CadenceService:
    return planner.cadence


def _draft(planner, text="Worth a read.") -> int:
    return planner.drafting.new_draft([], text=text).id


def _post(db, planner, at: datetime, **kw) -> None:
    with db.transaction() as conn:
        posts_q.add_post(conn, posted_at=at, platform="linkedin", **kw)


def test_the_default_schedule_is_tuesday_to_thursday_at_nine(book):
    assert book.schedule() == PostingSchedule((1, 2, 3), time(9, 0))


def test_a_saved_schedule_comes_back_and_a_broken_setting_falls_back(book, db):
    book.set_schedule(PostingSchedule((4, 0, 0), time(17, 30)))
    assert book.schedule() == PostingSchedule((0, 4), time(17, 30))
    with db.transaction() as conn:
        settings_q.set_setting(conn, POSTING_TIME_KEY, "half past five")
    assert book.schedule().at == time(9, 0)
    with db.transaction() as conn:
        settings_q.set_setting(conn, "posting_days", ["Tue", 9])
    assert book.schedule().days == (1, 2, 3)


def test_a_schedule_without_days_is_refused(book):
    with pytest.raises(DigwellError, match="at least one posting day"):
        book.set_schedule(PostingSchedule((), time(9, 0)))


def test_planning_a_draft_puts_it_in_its_slot_and_unplanning_takes_it_out(book, planner):
    draft_id = _draft(planner)
    slot = book.slots()[0].at
    draft = book.plan_draft(draft_id, slot)
    assert draft.state == "planned" and draft.planned_for == slot
    assert [d.id for d in book.slots()[0].drafts] == [draft_id]
    assert planner.drafting.set_draft_state(draft_id, "draft").planned_for is None
    assert not book.slots()[0].drafts and book.planned() == []


def test_a_posted_draft_cannot_be_planned(book, planner):
    draft_id = _draft(planner)
    planner.drafting.mark_posted(draft_id, "linkedin", "", None)
    with pytest.raises(DigwellError, match="posted, so it cannot be planned"):
        book.plan_draft(draft_id, book.slots()[0].at)


def test_a_missed_plan_is_overdue(book, planner, clock):
    draft_id = _draft(planner)
    book.plan_draft(draft_id, clock.now() + timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    assert [d.id for d in book.overdue()] == [draft_id]


def test_export_writes_a_calendar_and_a_failed_write_leaves_nothing(book, planner, tmp_path):
    book.plan_draft(_draft(planner, "Golden paths, three lessons."), book.slots()[0].at)
    target = tmp_path / "plan.ics"
    assert book.export_ical(target) == 12
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 12 and "Golden paths" in str(events[0]["description"])
    missing = tmp_path / "no such folder" / "plan.ics"
    with pytest.raises(DigwellError, match="could not be saved"):
        book.export_ical(missing)
    assert not missing.parent.exists()


def test_the_report_reads_the_log_and_the_strategy(db, book, planner, clock):
    assert book.report().total_posts == 0
    _post(db, planner, clock.now() - timedelta(hours=1))
    report = book.report()
    assert report.total_posts == 1 and report.week_posts == 1 and report.week_target == 3


def test_a_reminder_comes_once_at_a_slot_when_behind(book, clock):
    # Monday 10:00 Berlin; the first slot is Tuesday 09:00 and nothing is posted.
    assert book.take_due_reminder() is None
    clock.advance(timedelta(hours=23))
    reminder = book.take_due_reminder()
    assert reminder is not None and reminder.draft_id is None
    assert book.take_due_reminder() is None
    clock.advance(timedelta(minutes=1))
    assert book.take_due_reminder() is None


def test_a_planned_draft_is_reminded_even_when_on_track(db, book, planner, clock):
    for hours in (1, 2, 3):
        _post(db, planner, clock.now() - timedelta(hours=hours))
    draft_id = _draft(planner)
    book.plan_draft(draft_id, book.slots()[0].at)
    clock.advance(timedelta(hours=23))
    reminder = book.take_due_reminder()
    assert reminder is not None and reminder.draft_id == draft_id


def test_snoozed_reminders_wait_then_come_back_once(book, clock):
    clock.advance(timedelta(hours=23))
    reminder = book.take_due_reminder()
    assert reminder is not None
    book.snooze(reminder, timedelta(hours=1))
    clock.advance(timedelta(minutes=59))
    assert book.take_due_reminder() is None
    clock.advance(timedelta(minutes=2))
    again = book.take_due_reminder()
    assert again is not None and again.at == reminder.at
    assert book.take_due_reminder() is None


def test_reminders_can_be_turned_off(book, clock):
    book.set_preferences(reminders=False, close_to_tray=True)
    clock.advance(timedelta(hours=23))
    assert book.take_due_reminder() is None
    assert book.close_to_tray() is True


def test_the_reminder_state_survives_a_restart(planner, clock, data_dir):
    from app.planner import Planner

    clock.advance(timedelta(hours=23))
    assert planner.cadence.take_due_reminder() is not None
    again = Planner.open(data_dir, clock=clock)
    try:
        assert again.cadence.take_due_reminder() is None
    finally:
        again.close()


def test_the_plans_default_length_is_the_plan_modules():
    from app.cadence import plan, service

    assert service.PLAN_WEEKS == plan.PLAN_WEEKS
