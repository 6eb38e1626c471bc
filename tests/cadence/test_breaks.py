"""Which days and weeks planned breaks cover (docs/CADENCE.md, "Planned breaks")."""

from datetime import date, timedelta

import pytest

from app.cadence.breaks import BREAK_WEEK_DAYS, BreakDays, merged_spans, week_target
from app.types import Break


def brk(start: date, end: date, note: str = "", id: int = 1) -> Break:
    return Break(id, start, end, note)


# JAN[d] is d January 2026 (JAN[5] a Monday); JAN[0] is 31 December 2025.
JAN = [date(2025, 12, 31) + timedelta(days=d) for d in range(32)]


# Merging -------------------------------------------------------------------------------


def test_overlapping_touching_and_nested_breaks_merge_into_one_span():
    breaks = [
        brk(JAN[12], JAN[14]),
        brk(JAN[5], JAN[7]),
        brk(JAN[6], JAN[9]),  # overlaps 5-7
        brk(JAN[10], JAN[10]),  # follows 6-9 with no day between
        brk(JAN[7], JAN[8]),  # inside 6-9
    ]
    assert merged_spans(breaks) == [(JAN[5], JAN[10]), (JAN[12], JAN[14])]


def test_one_free_day_keeps_two_spans_apart_and_order_does_not_matter():
    one, two = brk(JAN[20], JAN[21]), brk(JAN[5], JAN[18])
    assert (
        merged_spans([one, two])
        == merged_spans([two, one])
        == [(JAN[5], JAN[18]), (JAN[20], JAN[21])]
    )


def test_no_breaks_and_a_malformed_break_cover_nothing():
    assert merged_spans([]) == []
    assert merged_spans([brk(JAN[9], JAN[5])]) == []  # the store refuses these anyway
    assert not BreakDays()
    assert JAN[5] not in BreakDays()


# Days ----------------------------------------------------------------------------------


def test_break_days_are_the_first_and_last_day_and_everything_between():
    days = BreakDays([brk(JAN[6], JAN[8]), brk(JAN[20], JAN[20])])
    assert [d.day for d in JAN[1:] if d in days] == [6, 7, 8, 20]
    assert days.span_at(JAN[7]) == (JAN[6], JAN[8])
    assert days.span_at(JAN[9]) is None
    assert "2026-01-07" not in days  # only dates are days


def test_counting_break_days_in_a_range_counts_overlapping_breaks_once():
    days = BreakDays([brk(JAN[5], JAN[8]), brk(JAN[7], JAN[10]), brk(JAN[20], JAN[25])])
    assert days.count(JAN[1], JAN[31]) == 6 + 6  # 5-10 and 20-25
    assert days.count(JAN[8], JAN[21]) == 3 + 2  # 8, 9, 10 and 20, 21
    assert days.count(JAN[11], JAN[19]) == 0
    assert days.count(JAN[10], JAN[10]) == 1


def test_a_week_counts_its_own_break_days_across_the_week_boundary():
    # Friday 9 to Tuesday 13 January: 3 days in the week of 5 January, 2 in the next.
    days = BreakDays([brk(JAN[9], JAN[13])])
    assert days.week_break_days(JAN[5]) == 3
    assert days.week_break_days(JAN[12]) == 2
    assert days.week_break_days(JAN[19]) == 0


def test_a_post_on_a_break_day_resumes_on_the_first_day_after_the_whole_break():
    days = BreakDays([brk(JAN[5], JAN[8]), brk(JAN[9], JAN[11])])  # one span, 5-11
    assert days.resume_day(JAN[6]) == JAN[12]
    assert days.resume_day(JAN[11]) == JAN[12]
    assert days.resume_day(JAN[12]) == JAN[12]  # not a break day: itself
    assert days.resume_day(JAN[4]) == JAN[4]


def test_a_break_to_the_last_date_there_is_never_resumes():
    days = BreakDays(
        [brk(date(9999, 12, 1), date.max), brk(date(9999, 11, 30), date(9999, 11, 30))]
    )
    assert days.spans == ((date(9999, 11, 30), date.max),)
    assert days.resume_day(date(9999, 12, 5)) is None
    assert days.count(date(9999, 12, 25), date.max) == 7


def test_a_break_of_many_years_is_answered_without_listing_its_days():
    days = BreakDays([brk(date(1, 1, 1), date(9000, 1, 1))])
    assert (
        days.count(date(1, 1, 1), date(9000, 1, 1)) == (date(9000, 1, 1) - date(1, 1, 1)).days + 1
    )
    assert date(2026, 1, 5) in days


# Weeks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "break_days", "expected"),
    [
        # No break day: the target itself.
        (3, 0, 3),
        (1, 0, 1),
        # 1 to 3 break days: ceil(target * (7 - break days) / 7), at least 1.
        (3, 1, 3),  # 18/7 = 2.57 -> 3
        (3, 2, 3),  # 15/7 = 2.14 -> 3
        (3, 3, 2),  # 12/7 = 1.71 -> 2
        (1, 3, 1),  # 4/7 -> 1
        (5, 3, 3),  # 20/7 = 2.86 -> 3
        (7, 3, 4),  # 28/7 = 4 exactly
        (7, 1, 6),  # 42/7 = 6 exactly
        (21, 2, 15),  # 105/7 = 15
        # 4 or more: a break week, skipped by streaks.
        (3, 4, 0),
        (21, 4, 0),
        (1, 7, 0),
    ],
)
def test_the_target_of_a_week_with_break_days(target, break_days, expected):
    assert week_target(target, break_days) == expected


def test_a_break_week_is_one_with_at_least_four_break_days():
    assert BREAK_WEEK_DAYS == 4
    monday = JAN[5]
    thursday_to_sunday = BreakDays([brk(monday + timedelta(days=3), monday + timedelta(days=6))])
    monday_to_wednesday = BreakDays([brk(monday, monday + timedelta(days=2))])
    assert week_target(3, thursday_to_sunday.week_break_days(monday)) == 0
    assert week_target(3, monday_to_wednesday.week_break_days(monday)) == 2
