import random
from datetime import date, datetime, timedelta, timezone
from math import sqrt
from zoneinfo import ZoneInfo

import pytest

from app.cadence.score import (
    daily_multiplier,
    local_day_counts,
    presence_score,
    presence_series,
    score_percent,
)

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc
DAY = timedelta(days=1)

# Target 3 posts a week: f = 3/7, m = 0.5 ** (sqrt(3/7) / 13) = 0.5 ** 0.0503580 = 0.9656967,
# so 1 - m = 0.0343033 and the half-life is 13 / sqrt(3/7) = 19.858 days.
M3 = 0.9656966817138625
HALF_LIFE_3 = 19.85782801147531


def ten_weeks_on_target() -> list[datetime]:
    """3 posts a week (Mon, Wed, Fri 09:00 Berlin) from Mon 5 Jan to Fri 13 Mar 2026."""
    first = datetime(2026, 1, 5, 9, 0, tzinfo=BERLIN)
    return [first + timedelta(days=7 * week + day) for week in range(10) for day in (0, 2, 4)]


def brute_force_series(posts: list[date], today: date, n: int, d: int) -> dict[date, float]:
    """The formula of docs/CADENCE.md read literally (one date per post), counting the window
    afresh every day."""
    m = 0.5 ** (sqrt(n / d) / 13)
    score, result, day = 0.0, {}, min(posts)
    while day <= today:
        in_window = sum(1 for p in posts if day - timedelta(days=d - 1) <= p <= day)
        score = score * m + min(1, in_window / n) * (1 - m)
        result[day] = score
        day += DAY
    return result


# Day counts ---------------------------------------------------------------------------


def test_day_counts_use_local_days_around_midnight():
    # 23:59 Tue and 00:01 Wed in Berlin (winter, UTC+1) are both Tue 22:xx in UTC.
    late = datetime(2026, 11, 10, 22, 59, tzinfo=UTC)
    early = datetime(2026, 11, 10, 23, 1, tzinfo=UTC)
    assert local_day_counts([late, early], BERLIN) == {date(2026, 11, 10): 1, date(2026, 11, 11): 1}
    assert local_day_counts([late, early], UTC) == {date(2026, 11, 10): 2}
    # And the other way: 23:59 and 00:01 UTC are 00:59 and 01:01 of the same Berlin day.
    late = datetime(2026, 11, 10, 23, 59, tzinfo=UTC)
    early = datetime(2026, 11, 11, 0, 1, tzinfo=UTC)
    assert local_day_counts([late, early], BERLIN) == {date(2026, 11, 11): 2}
    assert local_day_counts([late, early], UTC) == {date(2026, 11, 10): 1, date(2026, 11, 11): 1}


def test_day_counts_across_the_spring_dst_change():
    # Sun 29 Mar 2026 23:30 and Mon 30 Mar 00:30 CEST (UTC+2): 21:30 and 22:30 UTC on Sunday.
    sunday = datetime(2026, 3, 29, 23, 30, tzinfo=BERLIN)
    monday = datetime(2026, 3, 30, 0, 30, tzinfo=BERLIN)
    assert sunday.astimezone(UTC) == datetime(2026, 3, 29, 21, 30, tzinfo=UTC)
    assert monday.astimezone(UTC) == datetime(2026, 3, 29, 22, 30, tzinfo=UTC)
    assert local_day_counts([sunday, monday], BERLIN) == {
        date(2026, 3, 29): 1,
        date(2026, 3, 30): 1,
    }
    assert local_day_counts([sunday, monday], UTC) == {date(2026, 3, 29): 2}


def test_day_counts_on_the_autumn_dst_day():
    # 00:30 and 01:30 UTC on Sun 25 Oct 2026 are both 02:30 in Berlin (the hour repeats).
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    # Sun 23:30 CET (UTC+1) and Mon 00:30 CET: 22:30 and 23:30 UTC on Sunday.
    sunday = datetime(2026, 10, 25, 22, 30, tzinfo=UTC)
    monday = datetime(2026, 10, 25, 23, 30, tzinfo=UTC)
    assert local_day_counts([first, second, sunday, monday], BERLIN) == {
        date(2026, 10, 25): 3,
        date(2026, 10, 26): 1,
    }


# The multiplier -----------------------------------------------------------------------


def test_daily_multiplier_literal_values():
    assert daily_multiplier(3, 7) == pytest.approx(M3, abs=1e-15)
    # Posting daily (f = 1): m = 0.5 ** (1/13) = 0.9480775, a half-life of 13 days.
    assert daily_multiplier(7, 7) == pytest.approx(0.9480775143391714, abs=1e-15)
    assert daily_multiplier(1, 1) == daily_multiplier(7, 7)


@pytest.mark.parametrize(("n", "d"), [(1, 7), (3, 7), (7, 7), (21, 7), (2, 14)])
def test_half_life_is_13_over_sqrt_f_days(n, d):
    assert daily_multiplier(n, d) ** (13 / sqrt(n / d)) == pytest.approx(0.5, rel=1e-12)


# The series ----------------------------------------------------------------------------


def test_empty_history():
    today = date(2026, 6, 1)
    assert presence_series({}, today, 3) == []
    assert presence_score({}, today, 3) == 0.0
    # Days counted 0 hold no post; posts after today are not there yet.
    assert presence_series({date(2026, 5, 1): 0}, today, 3) == []
    assert presence_series({date(2026, 6, 2): 4}, today, 3) == []
    assert presence_score({date(2026, 6, 2): 4}, today, 3) == 0.0


def test_one_post():
    # v = 1/3 on the post's day and the 6 after (days 1..7), then 0. So for k = 1..7,
    # S_k = 1/3 * (1 - m**k), and S_{7+j} = S_7 * m**j.
    day = date(2026, 6, 1)
    series = presence_series({day: 1}, day + 9 * DAY, 3)
    assert [d for d, _ in series] == [day + k * DAY for k in range(10)]
    values = [s for _, s in series]
    assert values[0] == pytest.approx(0.011434439428712510, abs=1e-15)  # (1 - m) / 3
    assert values[1] == pytest.approx(0.022476639642278340, abs=1e-15)  # (1 - m**2) / 3
    assert values[6] == pytest.approx(0.072259155504042190, abs=1e-15)  # (1 - m**7) / 3
    assert values[7] == pytest.approx(0.072259155504042190 * M3, abs=1e-15)  # decays
    assert values[9] == pytest.approx(0.065075138179063410, abs=1e-15)  # S_7 * m**3
    for k in range(1, 8):
        assert values[k - 1] == pytest.approx((1 - M3**k) / 3, rel=1e-12)
    assert presence_score({day: 1}, day + 9 * DAY, 3) == values[-1]
    assert score_percent(values[-1]) == 7


def test_one_post_seen_on_its_own_day_only():
    day = date(2026, 6, 1)
    assert presence_series({day: 1}, day, 3) == [(day, pytest.approx(0.01143443942871251))]


def test_more_posts_than_the_target_count_as_the_target():
    # 5 posts on one day against 3 a week: v = min(1, 5/3) = 1, S = 1 - m = 0.0343033.
    day = date(2026, 6, 1)
    assert presence_score({day: 5}, day, 3) == pytest.approx(1 - M3, abs=1e-15)
    assert presence_score({day: 5}, day, 3) == presence_score({day: 3}, day, 3)


def test_posts_after_today_are_ignored():
    day = date(2026, 6, 1)
    counts = {day: 1, day + 2 * DAY: 7}
    assert presence_series(counts, day + DAY, 3) == presence_series({day: 1}, day + DAY, 3)


def test_ten_weeks_on_target_then_a_four_week_gap():
    counts = local_day_counts(ten_weeks_on_target(), BERLIN)
    assert sum(counts.values()) == 30
    today = date(2026, 4, 12)  # Sunday, the end of the 4-week gap (16 Mar - 12 Apr)
    series = dict(presence_series(counts, today, 3))
    assert min(series) == date(2026, 1, 5) and len(series) == 98  # 14 weeks of days

    # First days: Mon v=1/3, Tue 1/3, Wed 2/3, Thu 2/3, Fri 1 (Mon+Wed+Fri in the window).
    s = (1 - M3) / 3  # Mon 5 Jan
    assert series[date(2026, 1, 5)] == pytest.approx(0.01143443942871251, abs=1e-15)
    for v in (1 / 3, 2 / 3, 2 / 3, 1):  # Tue .. Fri
        s = s * M3 + v * (1 - M3)
    assert series[date(2026, 1, 9)] == pytest.approx(s, rel=1e-12)
    assert series[date(2026, 1, 9)] == pytest.approx(0.09795655929339489, rel=1e-12)
    # From then on every 7-day window holds one Mon, one Wed and one Fri: v = 1 until
    # Sun 15 Mar, so S climbs every day towards 1: 1 - S shrinks by m a day.
    climbing = [series[date(2026, 1, 5) + k * DAY] for k in range(70)]
    assert climbing == sorted(climbing) and len(set(climbing)) == 70
    assert 1 - series[date(2026, 3, 15)] == pytest.approx(
        (1 - series[date(2026, 1, 9)]) * M3 ** (31 + 28 + 6), rel=1e-12
    )
    assert series[date(2026, 3, 15)] == pytest.approx(0.9067013210247891, rel=1e-12)
    assert score_percent(series[date(2026, 3, 15)]) == 91

    # The gap's first week: the window still holds Wed 11 and Fri 13 Mar on Mon 16 and
    # Tue 17 (v = 2/3), Fri 13 on Wed 18 and Thu 19 (v = 1/3), nothing from Fri 20.
    s = series[date(2026, 3, 15)]
    for v in (2 / 3, 2 / 3, 1 / 3, 1 / 3, 0, 0, 0):  # Mon 16 .. Sun 22 Mar
        s = s * M3 + v * (1 - M3)
    assert series[date(2026, 3, 19)] == pytest.approx(0.8529450349346941, rel=1e-12)
    assert series[date(2026, 3, 22)] == pytest.approx(s, rel=1e-12)
    assert series[date(2026, 3, 22)] == pytest.approx(0.768145096913239, rel=1e-12)

    # Then it only decays, halving every 19.858 days: after 20 days it is just below half
    # (0.4975 of it), after 19 days still above (0.5152).
    start = series[date(2026, 3, 22)]
    for k in range(1, 22):
        later = series[date(2026, 3, 22) + k * DAY]
        assert later == pytest.approx(start * 0.5 ** (k / HALF_LIFE_3), rel=1e-12)
    assert series[date(2026, 4, 10)] > start / 2 > series[date(2026, 4, 11)]
    assert series[date(2026, 4, 11)] == pytest.approx(0.3821712781939239, rel=1e-12)
    assert series[date(2026, 4, 12)] == pytest.approx(0.3690615351982177, rel=1e-12)
    assert score_percent(series[date(2026, 4, 12)]) == 37

    posts = [p.astimezone(BERLIN).date() for p in ten_weeks_on_target()]
    assert brute_force_series(posts, today, 3, 7) == pytest.approx(series, rel=1e-12)


def test_posting_daily_halves_every_13_days_once_stopped():
    # n = 7 a week, posting every day for 70 days: v = k/7 on day k = 1..6, then 1.
    first = date(2026, 1, 1)
    counts = {first + k * DAY: 1 for k in range(70)}
    m = 0.9480775143391714
    s = 0.0
    for k in range(1, 71):
        s = s * m + min(1, k / 7) * (1 - m)
    assert presence_score(counts, first + 69 * DAY, 7) == pytest.approx(s, rel=1e-12)
    assert presence_score(counts, first + 69 * DAY, 7) == pytest.approx(0.9717509, abs=1e-7)
    # After the last post leaves the window (day 77), every 13 days halve the score.
    series = dict(presence_series(counts, first + 120 * DAY, 7))
    base = series[first + 76 * DAY]
    assert series[first + 89 * DAY] == pytest.approx(base / 2, rel=1e-12)
    assert series[first + 102 * DAY] == pytest.approx(base / 4, rel=1e-12)
    assert series[first + 115 * DAY] == pytest.approx(base / 8, rel=1e-12)


def test_window_of_other_length():
    # 2 posts per 14 days: one post gives v = 1/2 for 14 days, then 0.
    day = date(2026, 6, 1)
    m = daily_multiplier(2, 14)
    series = [s for _, s in presence_series({day: 1}, day + 15 * DAY, 2, 14)]
    assert series[13] == pytest.approx((1 - m**14) / 2, rel=1e-12)
    assert series[15] == pytest.approx(series[13] * m**2, rel=1e-12)


def test_sliding_window_matches_the_formula_on_a_random_history():
    rng = random.Random(20260601)
    first = date(2024, 1, 1)
    counts: dict[date, int] = {}
    for _ in range(150):
        day = first + rng.randrange(400) * DAY
        counts[day] = counts.get(day, 0) + rng.randint(1, 3)
    today = first + 420 * DAY
    series = dict(presence_series(counts, today, 3))
    posts = [day for day, count in counts.items() for _ in range(count)]
    assert series == pytest.approx(brute_force_series(posts, today, 3, 7), rel=1e-12)


def test_ten_years_of_history():
    first = date(2016, 1, 4)
    counts = {first + k * DAY: 1 for k in range(0, 3653, 2)}
    series = presence_series(counts, date(2026, 1, 4), 3)
    assert len(series) == 3654
    # Every 7-day window then holds 3 or 4 posts: v = 1 for years, the score close to 1.
    assert score_percent(series[-1][1]) == 100


def test_target_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        presence_series({date(2026, 6, 1): 1}, date(2026, 6, 1), 0)


# Percent -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "percent"),
    [
        (0.0, 0),
        (0.004, 0),
        (0.005, 1),
        (0.285, 29),  # 0.285 * 100 is 28.499999999999996 in binary
        (0.5, 50),
        (0.9067013210247891, 91),
        (0.9949, 99),
        (0.995, 100),
        (1.0, 100),
        (1.2, 100),
        (-0.1, 0),
    ],
)
def test_score_percent(score, percent):
    assert score_percent(score) == percent
