"""Planned breaks through planner.cadence: adding and removing them, the report that
honours them, and reminders kept silent during them (docs/CADENCE.md, "Planned breaks")."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.breaks import BreakDays
from app.cadence.reminders import ReminderState, due_reminder
from app.cadence.schedule import PostingSchedule
from app.errors import DigwellError, NotFoundError
from app.store import posts as posts_q
from app.types import Break, Changes

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc
# The clock fixture: Monday 23 November 2026, 10:00 in Berlin.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, 23) + timedelta(days=i) for i in range(7))


@pytest.fixture
def book(planner):
    return planner.cadence


@pytest.fixture
def changes(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    return seen


def _post(db, at: datetime) -> None:
    with db.transaction() as conn:
        posts_q.add_post(conn, posted_at=at, platform="linkedin")


def _three_a_week(db, weeks: int, last_monday: date) -> None:
    """Mon, Tue and Wed at 09:00 Berlin of `weeks` weeks up to the week of `last_monday`."""
    for w in range(weeks):
        monday = last_monday - timedelta(weeks=w)
        for k in range(3):
            day = monday + timedelta(days=k)
            _post(db, datetime(day.year, day.month, day.day, 9, tzinfo=BERLIN))


# Adding and removing ---------------------------------------------------------------------


def test_adding_a_break_stores_it_and_announces_it(book, changes):
    added = book.add_break(date(2026, 12, 21), date(2027, 1, 3), "  Winter\n holidays ")
    assert added == Break(added.id, date(2026, 12, 21), date(2027, 1, 3), "Winter holidays")
    assert book.breaks() == [added]
    assert changes == [Changes(breaks=True)]


def test_overlapping_breaks_are_allowed_and_listed_by_first_day(book):
    later = book.add_break(date(2026, 12, 24), date(2026, 12, 31))
    first = book.add_break(date(2026, 12, 21), date(2026, 12, 27), "Winter")
    assert [b.id for b in book.breaks()] == [first.id, later.id]


def test_a_break_ending_before_it_starts_is_refused_and_nothing_is_stored(book, changes):
    with pytest.raises(DigwellError, match=r"ends \(2026-12-01\) before it starts \(2026-12-05\)"):
        book.add_break(date(2026, 12, 5), date(2026, 12, 1))
    with pytest.raises(DigwellError, match="The note is 201 characters long"):
        book.add_break(date(2026, 12, 5), date(2026, 12, 6), "x" * 201)
    assert book.breaks() == [] and changes == []
    assert book.add_break(date(2026, 12, 5), date(2026, 12, 5)).ends_on == date(2026, 12, 5)


def test_removing_a_break_returns_it_and_an_unknown_id_is_a_clear_error(book, changes):
    added = book.add_break(date(2026, 12, 5), date(2026, 12, 6))
    assert book.remove_break(added.id) == added
    assert book.breaks() == []
    assert changes == [Changes(breaks=True), Changes(breaks=True)]
    with pytest.raises(NotFoundError, match=f"no break with id {added.id}"):
        book.remove_break(added.id)
    assert len(changes) == 2


def test_the_current_break_is_the_one_today_is_on(book):
    assert book.current_break() is None
    book.add_break(TUE, SUN)
    assert book.current_break() is None  # it starts tomorrow
    longest = book.add_break(date(2026, 11, 20), date(2026, 11, 30), "Parental leave")
    book.add_break(MON, MON)
    assert book.current_break() == longest


# The report --------------------------------------------------------------------------------


def test_the_report_freezes_the_score_and_keeps_the_streak_on_a_break(db, book, clock):
    # Three posts a week for the four weeks before this one, then nothing.
    _three_a_week(db, 4, MON - timedelta(weeks=1))
    clock.advance(timedelta(days=10))  # Thursday 3 December: last week ended unmet
    plain = book.report()
    assert plain.streak.weeks == 0 and plain.streak.longest == 4
    assert not plain.on_break and plain.break_until is None and plain.breaks == ()

    away = book.add_break(MON, date(2026, 12, 13), "Conference and holiday")
    report = book.report()
    assert report.streak.weeks == 4 and report.streak.target == 0
    assert report.on_break and report.break_until == date(2026, 12, 13)
    assert report.breaks == (away,)
    # Frozen since the last day before the break (Sunday 22 November).
    frozen = dict(report.series)[SUN - timedelta(weeks=1)]
    assert report.score == frozen > plain.score
    assert all(v == frozen for d, v in report.series if d >= MON)
    assert report.summary.endswith("; on a break until 13 Dec")
    assert report.behind is False and report.expected_now == 0
    assert report.is_break_day(date(2026, 12, 13)) and not report.is_break_day(
        SUN - timedelta(weeks=1)
    )


def test_a_break_in_another_year_names_the_year_in_the_summary(book, db, clock):
    _post(db, clock.now() - timedelta(days=1))
    book.add_break(MON, date(2027, 1, 6))
    assert book.report().summary.endswith("; on a break until 6 Jan 2027")


def test_a_week_partly_on_a_break_is_behind_against_its_own_target(book, clock):
    clock.advance(timedelta(days=3))  # Thursday 26 November, 10:00: every slot passed
    assert book.report().behind is True and book.report().expected_now == 3
    book.add_break(FRI, SUN)  # 3 days: the week needs ceil(3 * 4 / 7) = 2
    report = book.report()
    assert report.streak.target == 2 and report.expected_now == 2 and report.behind
    assert report.week_target == 3  # the strategy's target is unchanged


# Reminders ---------------------------------------------------------------------------------


def test_no_reminder_and_quiet_for_the_people_reminder_during_a_break(book, clock):
    book.add_break(TUE, TUE)
    assert not book.reminders_quiet()  # Monday: not on the break yet
    clock.advance(timedelta(hours=23))  # Tuesday 09:00, a slot, and behind
    assert book.reminders_quiet()  # the window's people reminder asks this
    assert book.take_due_reminder() is None
    clock.advance(timedelta(hours=24))  # Wednesday's slot
    assert not book.reminders_quiet()
    reminder = book.take_due_reminder()
    assert reminder is not None and reminder.at == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def test_without_the_break_the_same_slot_reminds(book, clock):
    clock.advance(timedelta(hours=23))
    assert book.take_due_reminder() is not None


def test_a_planned_draft_on_a_break_day_stays_silent(planner, book, clock):
    draft = planner.drafting.new_draft([], text="Worth a read.")
    book.plan_draft(draft.id, datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    book.add_break(TUE, TUE)
    clock.advance(timedelta(hours=23))
    assert book.take_due_reminder() is None


def test_a_slot_on_the_last_break_day_does_not_come_after_the_break():
    # An evening slot on Tuesday, a break that day; Wednesday 01:00 is within the
    # 12-hour grace of Tuesday 20:00 but the slot fell on the break.
    schedule = PostingSchedule((1,), time(20, 0))
    now = datetime(2026, 11, 25, 1, 0, tzinfo=BERLIN)
    kw = {"planned": [], "week_posts": 0, "target": 1}
    assert due_reminder(now, BERLIN, schedule, ReminderState(), **kw) is not None
    breaks = BreakDays([Break(1, TUE, TUE)])
    assert due_reminder(now, BERLIN, schedule, ReminderState(), breaks=breaks, **kw) is None
    assert (
        due_reminder(
            now, BERLIN, schedule, ReminderState(), breaks=BreakDays([Break(1, MON, MON)]), **kw
        )
        is not None
    )


def test_a_reminder_snoozed_into_a_break_does_not_wake_after_it(book, clock):
    clock.advance(timedelta(hours=23))  # Tuesday 09:00
    reminder = book.take_due_reminder()
    assert reminder is not None
    book.add_break(TUE, TUE)
    book.snooze(reminder, timedelta(hours=14))  # until Tuesday 23:00, on the break
    clock.advance(timedelta(hours=14, minutes=30))  # Tuesday 23:30
    assert book.take_due_reminder() is None
    clock.advance(timedelta(hours=1))  # Wednesday 00:30, within the grace of the snooze
    assert book.take_due_reminder() is None
