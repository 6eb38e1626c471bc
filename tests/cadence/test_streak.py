from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.streak import Streak, streak, week_counts

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc


def berlin(year, month, day, hour=9, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def three_a_week(monday: datetime, weeks: int) -> list[datetime]:
    """Mon, Wed and Fri of `weeks` weeks from `monday`."""
    return [monday + timedelta(days=7 * w + d) for w in range(weeks) for d in (0, 2, 4)]


def ten_weeks_on_target() -> list[datetime]:
    """3 posts a week (Mon, Wed, Fri 09:00 Berlin) from Mon 5 Jan to Fri 13 Mar 2026."""
    return three_a_week(berlin(2026, 1, 5), 10)


# Week counts ---------------------------------------------------------------------------


def test_week_counts_key_on_local_mondays():
    posts = [berlin(2026, 11, 23), berlin(2026, 11, 29, 23, 59), berlin(2026, 11, 30, 0, 1)]
    assert week_counts(posts, BERLIN) == {date(2026, 11, 23): 2, date(2026, 11, 30): 1}
    # In UTC, Mon 00:01 Berlin is still Sunday 23:01: all three in one week.
    assert week_counts(posts, UTC) == {date(2026, 11, 23): 3}


@pytest.mark.parametrize(
    ("sunday", "monday", "week_before"),
    [
        # Spring: Sun 29 Mar 2026 is 23 hours long; 23:30 and 00:30 CEST are 21:30, 22:30 UTC.
        (berlin(2026, 3, 29, 23, 30), berlin(2026, 3, 30, 0, 30), date(2026, 3, 23)),
        # Autumn: Sun 25 Oct 2026 is 25 hours long; 23:30 and 00:30 CET are 22:30, 23:30 UTC.
        (berlin(2026, 10, 25, 23, 30), berlin(2026, 10, 26, 0, 30), date(2026, 10, 19)),
    ],
)
def test_week_of_a_dst_change(sunday, monday, week_before):
    assert sunday.astimezone(UTC).date() == monday.astimezone(UTC).date()
    assert week_counts([sunday, monday], BERLIN) == {
        week_before: 1,
        week_before + timedelta(days=7): 1,
    }
    assert week_counts([sunday, monday], UTC) == {week_before: 2}
    # The Sunday post still counts for its week, the Monday post for the next.
    assert streak([sunday, monday], sunday, BERLIN, 1) == Streak(1, 1, True, 1, 1)
    assert streak([sunday, monday], monday, BERLIN, 1) == Streak(2, 2, True, 1, 1)
    assert streak([sunday, monday], monday, BERLIN, 2) == Streak(0, 0, False, 1, 2)


def test_iso_week_53_across_the_year_boundary_is_one_week():
    assert date(2026, 12, 28).isocalendar()[:2] == (2026, 53)
    assert date(2027, 1, 3).isocalendar()[:2] == (2026, 53)
    posts = [berlin(2026, 12, 28), berlin(2026, 12, 31, 23, 59), berlin(2027, 1, 3, 23, 30)]
    assert week_counts(posts, BERLIN) == {date(2026, 12, 28): 3}
    # Weeks of 21 Dec, 28 Dec (W53) and 4 Jan met: three weeks in a row, across the years.
    before, after = three_a_week(berlin(2026, 12, 21), 1), three_a_week(berlin(2027, 1, 4), 1)
    history = before + posts + after
    assert streak(history, berlin(2027, 1, 8, 18), BERLIN, 3) == Streak(3, 3, True, 3, 3)
    # On Sunday 3 Jan the W53 week is the current one, met by its third post.
    assert streak(history, berlin(2027, 1, 3, 23, 45), BERLIN, 3) == Streak(2, 2, True, 3, 3)
    assert streak(history, berlin(2027, 1, 3, 23, 0), BERLIN, 3) == Streak(1, 1, False, 2, 3)


# Streaks ------------------------------------------------------------------------------


def test_empty_history():
    assert streak([], berlin(2026, 6, 3), BERLIN, 3) == Streak(0, 0, False, 0, 3)


def test_one_post():
    post = berlin(2026, 6, 1)  # Monday
    assert streak([post], berlin(2026, 6, 3), BERLIN, 3) == Streak(0, 0, False, 1, 3)
    assert streak([post], berlin(2026, 6, 3), BERLIN, 1) == Streak(1, 1, True, 1, 1)
    # The week after: last week met, this one in progress.
    assert streak([post], berlin(2026, 6, 10), BERLIN, 1) == Streak(1, 1, False, 0, 1)
    # Two weeks later the missed week in between ended it.
    assert streak([post], berlin(2026, 6, 17), BERLIN, 1) == Streak(0, 1, False, 0, 1)


def test_ten_weeks_on_target_then_a_four_week_gap():
    posts = ten_weeks_on_target()
    # Sunday of week 10: ten met weeks, this one included.
    assert streak(posts, berlin(2026, 3, 15, 20), BERLIN, 3) == Streak(10, 10, True, 3, 3)
    # Wednesday of week 11, nothing posted yet: the week in progress does not break it.
    assert streak(posts, berlin(2026, 3, 18, 20), BERLIN, 3) == Streak(10, 10, False, 0, 3)
    assert streak(posts, berlin(2026, 3, 22, 23, 59), BERLIN, 3) == Streak(10, 10, False, 0, 3)
    # Monday of week 12: week 11 missed, the streak ended; the longest stays 10.
    assert streak(posts, berlin(2026, 3, 23, 0, 0), BERLIN, 3) == Streak(0, 10, False, 0, 3)
    # The end of the gap (Sun 12 Apr) and the Monday after it.
    assert streak(posts, berlin(2026, 4, 12, 20), BERLIN, 3) == Streak(0, 10, False, 0, 3)
    assert streak(posts, berlin(2026, 4, 13, 20), BERLIN, 3) == Streak(0, 10, False, 0, 3)


def test_posts_after_now_are_ignored():
    posts = ten_weeks_on_target()
    # Monday of week 10 at noon: its 09:00 post is in, Wed and Fri are yet to come.
    assert streak(posts, berlin(2026, 3, 9, 12), BERLIN, 3) == Streak(9, 9, False, 1, 3)
    # Friday 08:59, a minute before the week's third post.
    assert streak(posts, berlin(2026, 3, 13, 8, 59), BERLIN, 3) == Streak(9, 9, False, 2, 3)
    assert streak(posts, berlin(2026, 3, 13, 9, 0), BERLIN, 3) == Streak(10, 10, True, 3, 3)


def test_current_week_counts_once_met():
    posts = three_a_week(berlin(2026, 6, 1), 2)  # weeks of 1 and 8 Jun
    wednesday = berlin(2026, 6, 10, 12)  # two posts so far this week
    assert streak(posts, wednesday, BERLIN, 2) == Streak(2, 2, True, 2, 2)
    assert streak(posts, wednesday, BERLIN, 3) == Streak(1, 1, False, 2, 3)


def test_longest_run_before_a_break():
    # Met: 4 weeks from 5 Jan, a missed week (2 posts of 3), then 2 weeks to now.
    posts = three_a_week(berlin(2026, 1, 5), 4)
    posts += [berlin(2026, 2, 2), berlin(2026, 2, 4)]
    posts += three_a_week(berlin(2026, 2, 9), 2)
    now = berlin(2026, 2, 20, 12)  # Friday, this week met
    assert streak(posts, now, BERLIN, 3) == Streak(2, 4, True, 3, 3)
    assert streak(posts, now, BERLIN, 2) == Streak(7, 7, True, 3, 2)


def test_sunday_night_and_monday_morning_local():
    # 23:59 Sunday and 00:01 Monday Berlin: 22:59 and 23:01 UTC on the same Sunday.
    sunday = datetime(2026, 11, 29, 22, 59, tzinfo=UTC)
    monday = datetime(2026, 11, 29, 23, 1, tzinfo=UTC)
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert streak([sunday, monday], now, BERLIN, 1) == Streak(2, 2, True, 1, 1)
    assert streak([sunday, monday], now, BERLIN, 2) == Streak(0, 0, False, 1, 2)
    assert streak([sunday, monday], now, UTC, 2) == Streak(1, 1, False, 0, 2)


def test_accepts_a_generator():
    posts = (p for p in ten_weeks_on_target())
    assert streak(posts, berlin(2026, 3, 15, 20), BERLIN, 3).weeks == 10


def test_target_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        streak([], berlin(2026, 6, 1), BERLIN, 0)
