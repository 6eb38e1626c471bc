"""Streaks: consecutive calendar weeks (Monday first, the user's time zone) in which the
weekly target was met."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

_WEEK = timedelta(days=7)


class Streak(NamedTuple):
    """The run of met weeks up to now, the longest ever, and this week's progress."""

    weeks: int  # current streak, counting this week only once it is met
    longest: int
    current_week_met: bool
    week_posts: int  # posts in the current week
    target: int


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


def streak(post_times: Iterable[datetime], now: datetime, tz: tzinfo, target: int) -> Streak:
    """Runs of weeks with at least `target` posts up to `now` (later posts are ignored)."""
    if target < 1:
        raise ValueError(f"the weekly target must be at least 1, not {target}")
    counts = week_counts((t for t in post_times if t <= now), tz)
    this_week = _monday(now, tz)
    week_posts = counts.get(this_week, 0)
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
