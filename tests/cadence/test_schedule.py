from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.schedule import (
    PostingSchedule,
    expected_by,
    format_days,
    is_behind,
    parse_days,
    parse_time,
    slots_between,
    upcoming_slots,
)
from app.errors import DigwellError

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc
TUE_WED_THU = PostingSchedule()


def berlin(*args: int) -> datetime:
    """A Berlin wall time, as UTC."""
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon,wed,fri", (0, 2, 4)),
        ("Tue Thu", (1, 3)),
        ("FRIDAY, monday", (0, 4)),
        ("sun, Sun,  sunday", (6,)),
        ("  ", ()),
    ],
)
def test_parse_days(text, days):
    assert parse_days(text) == days


def test_parse_days_names_the_valid_days():
    with pytest.raises(DigwellError) as err:
        parse_days("mon, funday")
    assert "'funday'" in err.value.message
    assert "Mon, Tue, Wed, Thu, Fri, Sat, Sun" in err.value.hint


def test_format_days_round_trips():
    assert format_days((1, 2, 3)) == "Tue, Wed, Thu"
    assert format_days((4, 0)) == "Mon, Fri"
    assert parse_days(format_days((0, 5, 6))) == (0, 5, 6)
    assert format_days(()) == ""


@pytest.mark.parametrize(
    ("text", "at"), [("09:30", time(9, 30)), ("9:05", time(9, 5)), (" 23:59 ", time(23, 59))]
)
def test_parse_time(text, at):
    assert parse_time(text) == at


@pytest.mark.parametrize("text", ["24:00", "09:60", "9.30", "9", "", "noon"])
def test_parse_time_says_how_to_write_one(text):
    with pytest.raises(DigwellError, match="is not a time of day") as err:
        parse_time(text)
    assert "09:30" in err.value.hint


def test_slots_keep_nine_local_across_the_spring_change():
    # Berlin moves to summer time on Sunday 29 March 2026.
    slots = slots_between(TUE_WED_THU, berlin(2026, 3, 23), berlin(2026, 4, 6), BERLIN)
    assert [s.astimezone(BERLIN).hour for s in slots] == [9] * 6
    assert [s.hour for s in slots] == [8, 8, 8, 7, 7, 7]  # UTC: one hour earlier in summer
    assert all(s.tzinfo is UTC for s in slots)
    assert slots == sorted(slots)


def test_slots_keep_nine_local_across_the_autumn_change():
    # Berlin leaves summer time on Sunday 25 October 2026.
    slots = slots_between(TUE_WED_THU, berlin(2026, 10, 19), berlin(2026, 11, 2), BERLIN)
    assert [s.astimezone(BERLIN).hour for s in slots] == [9] * 6
    assert [s.hour for s in slots] == [7, 7, 7, 8, 8, 8]


def test_a_wall_time_inside_the_spring_gap_falls_an_hour_later():
    # 02:30 does not exist on 29 March 2026; fold=0 reads it with the winter offset.
    sunday_night = PostingSchedule(days=(6,), at=time(2, 30))
    (slot,) = slots_between(sunday_night, berlin(2026, 3, 28), berlin(2026, 3, 30), BERLIN)
    assert slot == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert slot.astimezone(BERLIN).time() == time(3, 30)


def test_a_wall_time_that_happens_twice_is_its_first_occurrence():
    sunday_night = PostingSchedule(days=(6,), at=time(2, 30))
    (slot,) = slots_between(sunday_night, berlin(2026, 10, 24), berlin(2026, 10, 26), BERLIN)
    assert slot == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST


def test_slots_are_start_inclusive_end_exclusive():
    tuesday = berlin(2026, 11, 24, 9, 0)
    assert slots_between(TUE_WED_THU, tuesday, tuesday + timedelta(seconds=1), BERLIN) == [tuesday]
    assert slots_between(TUE_WED_THU, tuesday - timedelta(hours=1), tuesday, BERLIN) == []


def test_no_days_means_every_day():
    daily = PostingSchedule(days=())
    slots = slots_between(daily, berlin(2026, 11, 23), berlin(2026, 11, 30), BERLIN)
    assert [s.astimezone(BERLIN).weekday() for s in slots] == list(range(7))


def test_upcoming_slots_for_four_weeks():
    monday = berlin(2026, 11, 23, 10, 0)
    slots = upcoming_slots(TUE_WED_THU, monday, BERLIN)
    assert len(slots) == 12
    assert slots[0] == berlin(2026, 11, 24, 9, 0)
    assert slots[-1] == berlin(2026, 12, 17, 9, 0)
    assert len(upcoming_slots(TUE_WED_THU, monday, BERLIN, weeks=1)) == 3


def test_upcoming_slots_include_now_and_span_a_dst_change():
    tuesday = berlin(2026, 10, 13, 9, 0)
    slots = upcoming_slots(TUE_WED_THU, tuesday, BERLIN)
    assert slots[0] == tuesday
    assert len(slots) == 12


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ((2026, 11, 23, 10, 0), 0),  # Monday
        ((2026, 11, 24, 8, 59), 0),  # Tuesday, before the slot
        ((2026, 11, 24, 9, 0), 1),
        ((2026, 11, 25, 12, 0), 2),
        ((2026, 11, 26, 9, 0), 3),
        ((2026, 11, 29, 23, 59), 3),  # Sunday night: still the same week
        ((2026, 11, 30, 0, 0), 0),  # the next week
    ],
)
def test_expected_by_through_a_week(when, expected):
    assert expected_by(TUE_WED_THU, berlin(*when), BERLIN, 3) == expected


@pytest.mark.parametrize(("target", "by_day"), [(2, [1, 2, 2]), (5, [2, 4, 5]), (1, [1, 1, 1])])
def test_expected_by_spreads_other_targets_and_never_exceeds_them(target, by_day):
    days = [berlin(2026, 11, d, 9, 0) for d in (24, 25, 26)]
    assert [expected_by(TUE_WED_THU, d, BERLIN, target) for d in days] == by_day


def test_expected_by_with_no_days_spreads_over_the_week():
    daily = PostingSchedule(days=())
    assert expected_by(daily, berlin(2026, 11, 23, 9, 0), BERLIN, 3) == 1  # ceil(3/7)
    assert expected_by(daily, berlin(2026, 11, 25, 9, 0), BERLIN, 3) == 2  # ceil(9/7)
    assert expected_by(daily, berlin(2026, 11, 29, 9, 0), BERLIN, 3) == 3


def test_expected_by_a_zero_target_is_zero():
    assert expected_by(TUE_WED_THU, berlin(2026, 11, 27, 9, 0), BERLIN, 0) == 0


def test_behind_or_on_track():
    wednesday = berlin(2026, 11, 25, 12, 0)
    assert is_behind(1, TUE_WED_THU, wednesday, BERLIN, 3)
    assert not is_behind(2, TUE_WED_THU, wednesday, BERLIN, 3)
    assert not is_behind(5, TUE_WED_THU, wednesday, BERLIN, 3)
    assert not is_behind(0, TUE_WED_THU, berlin(2026, 11, 23, 12, 0), BERLIN, 3)
