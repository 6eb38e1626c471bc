"""Streaks: consecutive calendar weeks (Monday first, the user's time zone) in which the
weekly target was met; break weeks are skipped (docs/CADENCE.md, "Planned breaks")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from app.cadence.breaks import week_target

if TYPE_CHECKING:
    from app.cadence.breaks import BreakDays

_WEEK = timedelta(days=7)


class Streak(NamedTuple):
    """The run of met weeks up to now, the longest ever, and this week's progress."""

    weeks: int  # current streak, counting this week only once it is met
    longest: int
    current_week_met: bool
    week_posts: int  # posts in the current week
    target: int  # posts the current week needs: less in a week partly on a break, 0 in a break week
    break_days: int = 0  # days of the current week on a planned break


def _monday(moment: datetime, tz: tzinfo) -> date:
    local = moment.astimezone(tz).date()
    return local - timedelta(days=local.weekday())


def week_counts(post_times: Iterable[datetime], tz: tzinfo) -> dict[date, int]:
    """Posts per calendar week, keyed by the date of its local Monday."""
    counts: dict[date, int] = {}
    for moment in post_times:
        monday = _monday(moment, tz)
        counts[monday] = counts.get(monday, 0) + 1
    return counts


def streak(
    post_times: Iterable[datetime],
    now: datetime,
    tz: tzinfo,
    target: int,
    breaks: BreakDays | None = None,
) -> Streak:
    """Runs of weeks with at least `target` posts up to `now` (later posts are ignored);
    the weeks of `breaks` are judged as docs/CADENCE.md, "Planned breaks" says."""
    counts = week_counts((t for t in post_times if t <= now), tz)
    return _streak_of_weeks(counts, now, tz, target, breaks)


def streak_of_days(
    day_counts: Mapping[date, int],
    now: datetime,
    tz: tzinfo,
    target: int,
    breaks: BreakDays | None = None,
) -> Streak:
    """`streak` from the posts per local day up to `now` (the report has them already)."""
    counts: dict[date, int] = {}
    for day, count in day_counts.items():
        monday = day - timedelta(days=day.weekday())
        counts[monday] = counts.get(monday, 0) + count
    return _streak_of_weeks(counts, now, tz, target, breaks)


def _streak_of_weeks(
    counts: dict[date, int],
    now: datetime,
    tz: tzinfo,
    target: int,
    breaks: BreakDays | None,
) -> Streak:
    if target < 1:
        raise ValueError(f"the weekly target must be at least 1, not {target}")
    this_week = _monday(now, tz)
    week_posts = counts.get(this_week, 0)
    if breaks:
        return _streak_with_breaks(counts, this_week, target, breaks)
    met = {monday for monday, count in counts.items() if count >= target}

    # A week in progress and not yet met leaves the streak as it stood last week.
    weeks = 0
    monday = this_week if this_week in met else this_week - _WEEK
    while monday in met:
        weeks += 1
        monday -= _WEEK

    longest = run = 0
    previous: date | None = None
    for monday in sorted(met):
        run = run + 1 if previous is not None and monday - previous == _WEEK else 1
        longest = max(longest, run)
        previous = monday
    return Streak(weeks, longest, this_week in met, week_posts, target)


def _streak_with_breaks(
    counts: dict[date, int], this_week: date, target: int, breaks: BreakDays
) -> Streak:
    """`streak` with each week judged against its own target: a break week (target 0)
    neither extends nor breaks a run; the week under way and not met does not break it."""
    run = longest = 0
    monday = min(counts, default=this_week)  # no week before the first post is met
    while monday <= this_week:
        goal = week_target(target, breaks.week_break_days(monday))
        if goal and counts.get(monday, 0) >= goal:
            run += 1
            longest = max(longest, run)
        elif goal and monday != this_week:
            run = 0  # a week that ended below its target
        monday += _WEEK
    days = breaks.week_break_days(this_week)
    goal = week_target(target, days)
    posts = counts.get(this_week, 0)
    return Streak(run, longest, bool(goal) and posts >= goal, posts, goal, days)
