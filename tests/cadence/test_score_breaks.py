"""The presence score with planned breaks, against hand-computed values and a plain
reference written from docs/CADENCE.md, "Planned breaks"."""

import random
from datetime import date, datetime, timedelta, timezone
from math import sqrt

import pytest

from app.cadence.breaks import BreakDays
from app.cadence.score import local_day_counts, presence_score, presence_series
from app.types import Break

DAY = timedelta(days=1)
UTC = timezone.utc
# JAN[d] is d January 2026 (JAN[5] a Monday); JAN[0] is 31 December 2025.
JAN = [date(2025, 12, 31) + timedelta(days=d) for d in range(32)]
M1 = 0.5 ** (sqrt(1 / 7) / 13)  # the daily multiplier at 1 post a week
M3 = 0.5 ** (sqrt(3 / 7) / 13)  # at 3 a week


def counts(*days: date) -> dict[date, int]:
    result: dict[date, int] = {}
    for day in days:
        result[day] = result.get(day, 0) + 1
    return result


def off(*spans: tuple[date, date]) -> BreakDays:
    return BreakDays([Break(i, a, b) for i, (a, b) in enumerate(spans, 1)])


def series(day_counts, today, n, breaks) -> dict[date, float]:
    return dict(presence_series(day_counts, today, n, 7, breaks))


def reference(posts: list[date], spans: list[tuple[date, date]], today: date, n: int):
    """The rule read literally: day by day, with no shortcut. A break day keeps
    yesterday's score; any other day steps the formula with the posts counted on the
    last 7 days that are not break days; a post on a break day counts on the first day
    after that break (the breaks' days merged)."""
    m = 0.5 ** (sqrt(n / 7) / 13)

    def on_break(day: date) -> bool:
        return any(a <= day <= b for a, b in spans)

    def counted_on(day: date) -> date:
        while on_break(day):
            day += DAY
        return day

    counted = [counted_on(p) for p in posts]
    day, score, result = min(posts), 0.0, {}
    while day <= today:
        if not on_break(day):
            # The last 7 days up to this one that are not break days.
            window, back = [], day
            while len(window) < 7:
                if not on_break(back):
                    window.append(back)
                back -= DAY
            in_window = sum(1 for c in counted if c in window)
            score = score * m + min(1, in_window / n) * (1 - m)
        result[day] = score
        day += DAY
    return result


# Hand-computed, target 1 ----------------------------------------------------------------


def test_a_break_freezes_the_score_no_decay_no_gain():
    # One post on Monday 5 January; a break Tuesday 6 to Thursday 8.
    s = series(counts(JAN[5]), JAN[10], 1, off((JAN[6], JAN[8])))
    assert s[JAN[5]] == pytest.approx(1 - M1, abs=1e-9)
    for day in (JAN[6], JAN[7], JAN[8]):
        assert s[day] == s[JAN[5]]  # frozen exactly
    # Friday: the last 7 non-break days are 30 Dec to 2 Jan and Mon 5, Fri 9: 1 post.
    assert s[JAN[9]] == pytest.approx((1 - M1) * M1 + (1 - M1), abs=1e-9)
    assert s[JAN[10]] == pytest.approx(1 - M1**3, abs=1e-9)
    # Without the break, Saturday is six steps of v = 1 from 0.
    assert series(counts(JAN[5]), JAN[10], 1, None)[JAN[10]] == pytest.approx(1 - M1**6, abs=1e-9)


def test_after_a_break_the_window_reaches_back_past_it():
    # A post on Mon 5; the whole week of 12 January off; today Wed 21.
    s = series(counts(JAN[5]), JAN[21], 1, off((JAN[12], JAN[18])))
    assert s[JAN[11]] == pytest.approx(1 - M1**7, abs=1e-9)  # 5..11 all hold the post
    assert s[JAN[18]] == s[JAN[11]]
    # Mon 19: the window is 6..11 and 19: the post of the 5th has left it.
    assert s[JAN[19]] == pytest.approx((1 - M1**7) * M1, abs=1e-9)
    assert s[JAN[21]] == pytest.approx((1 - M1**7) * M1**3, abs=1e-9)
    # Without the break: ten days of decay after the 11th.
    plain = series(counts(JAN[5]), JAN[21], 1, None)
    assert plain[JAN[21]] == pytest.approx((1 - M1**7) * M1**10, abs=1e-9)


def test_a_post_made_on_a_break_counts_on_the_first_day_after_it():
    # Posts on Mon 5 and on Sat 10, a break day; the weekend off; target 1.
    s = series(counts(JAN[5], JAN[10]), JAN[13], 1, off((JAN[10], JAN[11])))
    assert s[JAN[9]] == pytest.approx(1 - M1**5, abs=1e-9)
    assert s[JAN[10]] == s[JAN[11]] == s[JAN[9]]  # no gain on the break, post or not
    assert s[JAN[12]] == pytest.approx(1 - M1**6, abs=1e-9)
    # Target 2: Mon 12's window (5..9, 12 and 4 Jan) holds the post of the 5th and the
    # one of the 10th counted on the 12th: v = 1. It would be 1/2 had it been lost.
    m2 = 0.5 ** (sqrt(2 / 7) / 13)
    s2 = series(counts(JAN[5], JAN[10]), JAN[13], 2, off((JAN[10], JAN[11])))
    s9 = sum((1 - m2) / 2 * m2**k for k in range(5))  # v = 1/2 on 5..9
    assert s2[JAN[9]] == pytest.approx(s9, abs=1e-9)
    assert s2[JAN[12]] == pytest.approx(s9 * m2 + (1 - m2), abs=1e-9)


def test_a_break_over_the_first_post_starts_the_score_when_it_ends():
    # A break 1 to 10 January; posts on Mon 5 (on the break) and Mon 12.
    s = series(counts(JAN[5], JAN[12]), JAN[14], 1, off((JAN[1], JAN[10])))
    assert min(s) == JAN[5]  # the series still starts on the first post's day
    assert all(s[day] == 0.0 for day in JAN[5:11])
    assert s[JAN[11]] == pytest.approx(1 - M1, abs=1e-9)  # the 5th's post counts on the 11th
    assert s[JAN[14]] == pytest.approx(1 - M1**4, abs=1e-9)


def test_a_break_before_the_first_post_changes_nothing():
    posts = counts(JAN[12], JAN[14], JAN[20])
    plain = presence_series(posts, JAN[31], 1)
    assert presence_series(posts, JAN[31], 1, 7, off((JAN[1], JAN[11]))) == plain
    # A break after today changes nothing yet either.
    assert presence_series(posts, JAN[31], 1, 7, off((date(2026, 2, 2), date(2026, 2, 9)))) == plain


# Hand-computed, target 3 ----------------------------------------------------------------


def test_target_three_a_long_weekend_inside_the_week():
    # Posts Mon 5, Tue 6, Wed 7; a break Thu 8 to Sun 11; today Tue 13.
    s = series(counts(JAN[5], JAN[6], JAN[7]), JAN[13], 3, off((JAN[8], JAN[11])))
    s5 = (1 - M3) / 3
    s6 = s5 * M3 + 2 / 3 * (1 - M3)
    s7 = s6 * M3 + (1 - M3)
    s12 = s7 * M3 + (1 - M3)  # window 2..7 and 12: all three posts
    s13 = s12 * M3 + (1 - M3)  # window 3..7, 12, 13: still all three
    assert [s[d] for d in JAN[5:14]] == pytest.approx(
        [s5, s6, s7, s7, s7, s7, s7, s12, s13], abs=1e-9
    )
    # Without the break Monday's window (6..12) holds two: v = 2/3.
    plain = series(counts(JAN[5], JAN[6], JAN[7]), JAN[13], 3, None)
    assert plain[JAN[12]] == pytest.approx(plain[JAN[11]] * M3 + 2 / 3 * (1 - M3), abs=1e-9)


def test_overlapping_breaks_freeze_their_days_once():
    posts = counts(JAN[5], JAN[6], JAN[7], JAN[13], JAN[14])
    overlapping = off((JAN[8], JAN[10]), (JAN[9], JAN[11]), (JAN[10], JAN[10]))
    single = off((JAN[8], JAN[11]))
    assert presence_series(posts, JAN[31], 3, 7, overlapping) == presence_series(
        posts, JAN[31], 3, 7, single
    )
    got = series(posts, JAN[31], 3, overlapping)
    expected = reference(sorted(posts), [(JAN[8], JAN[11])], JAN[31], 3)
    assert got == pytest.approx(expected, abs=1e-9)


# Against the plain reference ----------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_random_histories_and_breaks_agree_with_the_reference(n):
    rng = random.Random(19 + n)
    for _ in range(25):
        start = date(2026, 1, 1) + timedelta(days=rng.randrange(20))
        posts = sorted(
            start + timedelta(days=rng.randrange(70)) for _ in range(rng.randrange(1, 25))
        )
        spans = []
        for _ in range(rng.randrange(0, 4)):
            a = date(2025, 12, 20) + timedelta(days=rng.randrange(100))
            spans.append((a, a + timedelta(days=rng.randrange(0, 16))))
        today = date(2026, 4, 15)
        got = series(counts(*posts), today, n, off(*spans) if spans else None)
        assert got == pytest.approx(reference(posts, spans, today, n), abs=1e-9)


def test_the_report_score_is_the_last_day_and_later_posts_wait():
    # presence_score agrees with the series, and a break running to today stays frozen.
    posts = counts(JAN[5], JAN[6], JAN[7], JAN[20])
    breaks = off((JAN[15], date(2026, 2, 15)))
    s = series(posts, JAN[25], 3, breaks)
    assert presence_score(posts, JAN[25], 3, 7, breaks) == s[JAN[25]] == s[JAN[14]]


def test_local_days_decide_which_posts_fall_on_a_break():
    # 23:30 UTC on Sunday 11 January is already Monday 12 in Berlin.
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 1, 11, 23, 30, tzinfo=UTC)
    breaks = off((JAN[12], JAN[12]))
    berlin = series(local_day_counts([moment], ZoneInfo("Europe/Berlin")), JAN[13], 1, breaks)
    utc = series(local_day_counts([moment], UTC), JAN[13], 1, breaks)
    assert berlin[JAN[12]] == 0.0 and berlin[JAN[13]] == pytest.approx(1 - M1, abs=1e-9)
    assert utc[JAN[11]] == pytest.approx(1 - M1, abs=1e-9) and utc[JAN[12]] == utc[JAN[11]]


# The worked example of docs/CADENCE.md, "A worked example with breaks" -----------------


def test_the_worked_example_with_breaks_in_the_docs():
    from app.cadence.streak import streak

    def tue_to_thu(first: date, weeks: int) -> list[datetime]:
        return [
            datetime(first.year, first.month, first.day, 9, tzinfo=UTC) + timedelta(weeks=w, days=k)
            for w in range(weeks)
            for k in range(3)
        ]

    posts = [
        *tue_to_thu(date(2026, 1, 6), 8),
        *tue_to_thu(date(2026, 3, 17), 2),
        datetime(2026, 3, 31, 9, tzinfo=UTC),
        datetime(2026, 4, 4, 9, tzinfo=UTC),
    ]
    spans = [(date(2026, 3, 2), date(2026, 3, 15)), (date(2026, 4, 1), date(2026, 4, 3))]
    day_counts = local_day_counts(posts, UTC)
    with_breaks = series(day_counts, date(2026, 4, 4), 3, off(*spans))
    without = series(day_counts, date(2026, 4, 4), 3, None)
    table = {
        date(2026, 3, 1): (0.8481, 0.8481),
        date(2026, 3, 15): (0.8481, 0.5649),
        date(2026, 3, 16): (0.8533, 0.5455),
        date(2026, 3, 19): (0.8679, 0.5583),
        date(2026, 4, 4): (0.9161, 0.6822),
    }
    for day, (kept, lost) in table.items():
        assert round(with_breaks[day], 4) == kept and round(without[day], 4) == lost
    assert with_breaks[date(2026, 3, 16)] == pytest.approx(0.853304, abs=1e-6)
    assert with_breaks[date(2026, 3, 16)] == without[date(2026, 3, 2)]
    assert with_breaks == pytest.approx(
        reference([p.date() for p in posts], spans, date(2026, 4, 4), 3), abs=1e-9
    )
    breaks = off(*spans)
    assert streak(posts, datetime(2026, 3, 15, 23, tzinfo=UTC), UTC, 3, breaks).weeks == 8
    assert streak(posts, datetime(2026, 3, 15, 23, tzinfo=UTC), UTC, 3).weeks == 0
    assert streak(posts, datetime(2026, 3, 19, 12, tzinfo=UTC), UTC, 3, breaks).weeks == 9
    easter = streak(posts, datetime(2026, 4, 2, 12, tzinfo=UTC), UTC, 3, breaks)
    assert (easter.weeks, easter.week_posts, easter.target) == (10, 1, 2)
    after = streak(posts, datetime(2026, 4, 4, 12, tzinfo=UTC), UTC, 3, breaks)
    assert (after.weeks, after.longest, after.target, after.break_days) == (11, 11, 2, 3)
    plain = streak(posts, datetime(2026, 4, 4, 12, tzinfo=UTC), UTC, 3)
    assert (plain.weeks, plain.longest) == (2, 8)
