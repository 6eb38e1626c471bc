"""The presence score: an exponential average of how well the posting target was kept,
one step per local calendar day (docs/CADENCE.md, "Presence score")."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from math import floor, sqrt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cadence.breaks import BreakDays


def local_day_counts(post_times: Iterable[datetime], tz: tzinfo) -> dict[date, int]:
    """Posts per local calendar day in `tz`; the times must be aware."""
    counts: dict[date, int] = {}
    for moment in post_times:
        day = moment.astimezone(tz).date()
        counts[day] = counts.get(day, 0) + 1
    return counts


def daily_multiplier(n: int, d: int) -> float:
    """How much of yesterday's score survives a day: the score halves in 13/sqrt(n/d) days."""
    multiplier: float = 0.5 ** (sqrt(n / d) / 13)  # float ** float is Any to typeshed
    return multiplier


def presence_series(
    day_counts: Mapping[date, int],
    today: date,
    n: int,
    d: int = 7,
    breaks: BreakDays | None = None,
) -> list[tuple[date, float]]:
    """(day, score 0..1) for each local day from the first post to `today`; n posts per d
    days. On the days of `breaks` the score is frozen (docs/CADENCE.md, "Planned breaks")."""
    if n < 1 or d < 1:
        raise ValueError(f"the target must be at least 1 post in 1 day, not {n} in {d}")
    days = [day for day, count in day_counts.items() if count > 0 and day <= today]
    if not days:
        return []
    if breaks:
        return _series_with_breaks(day_counts, min(days), today, n, d, breaks)
    m = daily_multiplier(n, d)
    one_day, window = timedelta(days=1), timedelta(days=d)
    day = min(days)
    in_window = 0  # posts on the days day-d+1 .. day, kept by adding and dropping one day
    score = 0.0
    series: list[tuple[date, float]] = []
    while day <= today:
        in_window += max(0, day_counts.get(day, 0))
        in_window -= max(0, day_counts.get(day - window, 0))
        score = score * m + min(1.0, in_window / n) * (1 - m)
        series.append((day, score))
        day += one_day
    return series


def _series_with_breaks(
    day_counts: Mapping[date, int], first: date, today: date, n: int, d: int, breaks: BreakDays
) -> list[tuple[date, float]]:
    """presence_series with break days taken out of the timeline: the score stands still
    on them, the window holds the last d days that are not break days, and a post made
    on a break day counts on the first day after its break."""
    m = daily_multiplier(n, d)
    one_day = timedelta(days=1)
    counted: dict[date, int] = {}  # posts by the day they count on
    for day, count in day_counts.items():
        on = breaks.resume_day(day) if count > 0 and day <= today else None
        if on is not None and on <= today:
            counted[on] = counted.get(on, 0) + count
    window: deque[int] = deque()  # posts counted on each of the last d non-break days
    in_window = 0
    score = 0.0
    series: list[tuple[date, float]] = []
    day = first
    while day <= today:
        span = breaks.span_at(day)
        if span is not None:  # frozen: no decay, no gain, to the break's end (or today)
            last = min(span[1], today)
            while day <= last:
                series.append((day, score))
                day += one_day
            continue
        count = counted.get(day, 0)
        window.append(count)
        in_window += count
        if len(window) > d:
            in_window -= window.popleft()
        score = score * m + min(1.0, in_window / n) * (1 - m)
        series.append((day, score))
        day += one_day
    return series


def presence_score(
    day_counts: Mapping[date, int],
    today: date,
    n: int,
    d: int = 7,
    breaks: BreakDays | None = None,
) -> float:
    """The score on `today` (0..1); 0.0 when nothing was posted yet."""
    series = presence_series(day_counts, today, n, d, breaks)
    return series[-1][1] if series else 0.0


def score_percent(score: float) -> int:
    """The whole percent shown everywhere: halves round up, 100% needs at least 0.995."""
    # Rounded to 9 places first, so 0.285 shows 29 and not 28 (0.285 * 100 is 28.4999…).
    return max(0, min(100, floor(round(score * 100, 9) + 0.5)))
