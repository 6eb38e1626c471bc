"""Streaks with planned breaks (docs/CADENCE.md, "Planned breaks"): a break week (4 or
more break days) neither breaks nor extends a streak; a week with 1 to 3 break days
needs its target pro-rated to its other days, rounded up."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.cadence.breaks import BreakDays
from app.cadence.streak import Streak, streak
from app.types import Break

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 1, 5)  # week 0; week w starts on MONDAY + 7w days


def day(week: int, weekday: int) -> date:
    """Weekday 0 (Monday) to 6 (Sunday) of week `week`."""
    return MONDAY + timedelta(days=7 * week + weekday)


def at(week: int, weekday: int, hour: int = 9) -> datetime:
    d = day(week, weekday)
    return datetime(d.year, d.month, d.day, hour, tzinfo=BERLIN)


def posts_in(weeks, weekdays=(0, 2, 4)) -> list[datetime]:
    """Posts on `weekdays` (Mon, Wed, Fri by default) of each of `weeks`."""
    return [at(w, d) for w in weeks for d in weekdays]


def off(*spans) -> BreakDays:
    """Breaks from (week, weekday) to (week, weekday), both included."""
    return BreakDays([Break(i, day(*a), day(*b)) for i, (a, b) in enumerate(spans, 1)])


def run(posts, now, breaks, target=3) -> Streak:
    return streak(posts, now, BERLIN, target, breaks)


def test_a_break_week_inside_a_streak_neither_breaks_nor_extends_it():
    posts = posts_in([0, 1, 2, 4, 5])  # nothing in week 3
    now = at(5, 6, 20)  # Sunday evening of week 5
    assert run(posts, now, None) == Streak(2, 3, True, 3, 3)
    with_break = run(posts, now, off(((3, 0), (3, 6))))
    assert with_break == Streak(5, 5, True, 3, 3)  # 5 met weeks; week 3 does not count


def test_a_break_week_does_not_count_even_when_its_target_was_met():
    posts = posts_in([0, 1, 2, 3])
    assert run(posts, at(3, 6, 20), off(((3, 3), (3, 6)))) == Streak(3, 3, False, 3, 0, 4)
    assert run(posts, at(4, 6, 20), off(((3, 3), (3, 6)))) == Streak(3, 3, False, 0, 3)


def test_a_break_across_a_week_boundary_prorates_both_weeks():
    # Friday of week 1 to Tuesday of week 2: 3 break days, then 2.
    breaks = off(((1, 4), (2, 1)))
    # Week 1 needs ceil(3 * 4/7) = 2, week 2 needs ceil(3 * 5/7) = 3.
    posts = [*posts_in([0]), at(1, 0), at(1, 2), at(2, 2), at(2, 3), at(2, 4)]
    assert run(posts, at(2, 6, 20), breaks) == Streak(3, 3, True, 3, 3, 2)
    # One post short in week 1 ends the streak there.
    short = [*posts_in([0]), at(1, 0), at(2, 2), at(2, 3), at(2, 4)]
    assert run(short, at(2, 6, 20), breaks) == Streak(1, 1, True, 3, 3, 2)
    # And week 2 still needs 3: two posts there leave it unmet when it ends.
    two = [*posts_in([0]), at(1, 0), at(1, 2), at(2, 2), at(2, 3)]
    assert run(two, at(3, 0, 1), breaks) == Streak(0, 2, False, 0, 3)


def test_posts_on_the_break_days_of_a_partial_week_count_for_it():
    # Friday to Sunday off (3 days): the week needs 2; posted Saturday and Sunday.
    posts = [*posts_in([0]), at(1, 5), at(1, 6)]
    assert run(posts, at(1, 6, 20), off(((1, 4), (1, 6)))) == Streak(2, 2, True, 2, 2, 3)


def test_a_break_at_the_start_of_history_adds_no_weeks():
    # Weeks 0 to 2 off, before the first post in week 3; weeks 3 and 4 met.
    posts = posts_in([3, 4])
    breaks = off(((0, 0), (2, 6)))
    assert (
        run(posts, at(4, 6, 20), breaks)
        == run(posts, at(4, 6, 20), None)
        == Streak(2, 2, True, 3, 3)
    )
    # A break from before the first post into its week: the rest of that week is judged.
    into = off(((0, 0), (3, 2)))  # Monday to Wednesday of week 3 off: it needs 2
    late = [at(3, 4), at(3, 5), *posts_in([4])]
    assert run(late, at(4, 6, 20), into) == Streak(2, 2, True, 3, 3)
    assert run(late, at(4, 6, 20), None) == Streak(1, 1, True, 3, 3)


def test_overlapping_breaks_count_their_days_once():
    # Mon-Wed and Tue-Thu of week 1: together 4 days, a break week (each alone: 3).
    posts = posts_in([0, 2])
    overlapping = off(((1, 0), (1, 2)), ((1, 1), (1, 3)))
    assert run(posts, at(2, 6, 20), overlapping) == Streak(2, 2, True, 3, 3)
    alone = off(((1, 0), (1, 2)))  # week 1 needs 2 and has none: the streak broke
    assert run(posts, at(2, 6, 20), alone) == Streak(1, 1, True, 3, 3)
    # Counted once: Mon-Wed twice over is still 3 days, the week needing 2.
    twice = off(((1, 0), (1, 2)), ((1, 0), (1, 2)))
    assert run(posts, at(2, 6, 20), twice) == Streak(1, 1, True, 3, 3)


def test_a_break_that_includes_today_keeps_the_streak_standing():
    posts = posts_in([0, 1, 2])
    breaks = off(((3, 1), (4, 6)))  # Tuesday of week 3 to the end of week 4
    # Wednesday of week 3: 6 break days this week, a break week (target 0).
    assert run(posts, at(3, 2, 12), breaks) == Streak(3, 3, False, 0, 0, 6)
    # Without the break, week 3 under way and not met does not break it either...
    assert run(posts, at(3, 2, 12), None) == Streak(3, 3, False, 0, 3)
    # ...but once it ends it does, and the break keeps it through week 4 and after.
    assert run(posts, at(4, 3), None).weeks == 0
    assert run(posts, at(4, 3), breaks) == Streak(3, 3, False, 0, 0, 7)
    assert run(posts, at(5, 1), breaks) == Streak(3, 3, False, 0, 3)
    assert run(posts + posts_in([5]), at(5, 6, 20), breaks) == Streak(4, 4, True, 3, 3)


def test_a_break_planned_later_this_week_lowers_this_weeks_target_now():
    # Friday to Sunday off: this week needs 2; two posts by Tuesday meet it.
    posts = [*posts_in([0]), at(1, 0), at(1, 1)]
    assert run(posts, at(1, 1, 12), off(((1, 4), (1, 6)))) == Streak(2, 2, True, 2, 2, 3)
    assert run(posts, at(1, 1, 12), None) == Streak(1, 1, False, 2, 3)


def test_the_longest_streak_runs_across_a_break():
    # Met 0-2, week 3 off, met 4-5, week 6 missed, met 7.
    posts = posts_in([0, 1, 2, 4, 5, 7])
    breaks = off(((3, 0), (3, 6)))
    assert run(posts, at(7, 6, 20), breaks) == Streak(1, 5, True, 3, 3)
    assert run(posts, at(7, 6, 20), None) == Streak(1, 3, True, 3, 3)


def test_target_one_weeks_with_up_to_three_break_days_still_need_one_post():
    posts = [at(0, 0), at(2, 0)]  # nothing in week 1, which has 3 break days
    assert run(posts, at(2, 6), off(((1, 0), (1, 2))), target=1) == Streak(1, 1, True, 1, 1)
    assert run(posts, at(2, 6), off(((1, 0), (1, 3))), target=1) == Streak(2, 2, True, 1, 1)


def test_no_breaks_gives_the_same_answer_as_before():
    posts = posts_in([0, 1, 2, 4])
    for now in (at(2, 3), at(3, 3), at(4, 6), at(6, 0)):
        assert run(posts, now, BreakDays()) == run(posts, now, None)
