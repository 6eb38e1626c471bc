"""Calendar weeks in the user's time zone (Monday first) and progress within one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone, tzinfo

from app.types import WeekProgress


def week_start(now: datetime, tz: tzinfo) -> datetime:
    """Monday 00:00 local time of the week holding `now`, as an aware UTC datetime."""
    local = now.astimezone(tz)
    monday = (local - timedelta(days=local.weekday())).date()
    start = datetime(monday.year, monday.month, monday.day, tzinfo=tz)
    return start.astimezone(timezone.utc)


def next_week_start(now: datetime, tz: tzinfo) -> datetime:
    """Monday 00:00 local time of the following week, as an aware UTC datetime."""
    local_start = week_start(now, tz).astimezone(tz)
    following = (local_start + timedelta(days=7)).date()
    return datetime(following.year, following.month, following.day, tzinfo=tz).astimezone(
        timezone.utc
    )


def week_progress(
    post_times: Iterable[datetime], now: datetime, tz: tzinfo, target: int
) -> WeekProgress:
    """How many of `post_times` fall in the current local calendar week."""
    start = week_start(now, tz)
    end = next_week_start(now, tz)
    count = sum(1 for t in post_times if start <= t < end)
    return WeekProgress(posts=count, target=target, week_start=start)
