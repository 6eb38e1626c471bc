"""The presence score: an exponential average of how well the posting target was kept,
one step per local calendar day (docs/CADENCE.md, "Presence score")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from math import floor, sqrt


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
    day_counts: Mapping[date, int], today: date, n: int, d: int = 7
) -> list[tuple[date, float]]:
    """(day, score 0..1) for each local day from the first post to `today`; n posts per d days."""
    if n < 1 or d < 1:
        raise ValueError(f"the target must be at least 1 post in 1 day, not {n} in {d}")
    days = [day for day, count in day_counts.items() if count > 0 and day <= today]
    if not days:
        return []
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


def presence_score(day_counts: Mapping[date, int], today: date, n: int, d: int = 7) -> float:
    """The score on `today` (0..1); 0.0 when nothing was posted yet."""
    series = presence_series(day_counts, today, n, d)
    return series[-1][1] if series else 0.0


def score_percent(score: float) -> int:
    """The whole percent shown everywhere: halves round up, 100% needs at least 0.995."""
    # Rounded to 9 places first, so 0.285 shows 29 and not 28 (0.285 * 100 is 28.4999…).
    return max(0, min(100, floor(round(score * 100, 9) + 0.5)))
