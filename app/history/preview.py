"""What an import would show before it is written (docs/HISTORY.md, "Preview"): the new
posts per platform, kind and year, and the score and streak today with them and without
them, by the cadence's own rules, planned breaks included (docs/CADENCE.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import NamedTuple

from app.cadence.breaks import BreakDays
from app.cadence.report import TARGET_DAYS
from app.cadence.score import local_day_counts, presence_score, score_percent
from app.cadence.streak import streak_of_days


class Figures(NamedTuple):
    """The score (whole percent) and streak (current and longest, in weeks) today."""

    score: int
    current: int
    longest: int


class Preview(NamedTuple):
    by_platform: dict[str, int]
    by_kind: dict[str, int]
    by_year: dict[str, int]  # "2019": n, by the year in the user's time zone
    after: Figures  # with the new posts
    before: Figures  # as it stands

    def to_json(self) -> dict[str, object]:
        return {
            "by_platform": self.by_platform,
            "by_kind": self.by_kind,
            "by_year": self.by_year,
            "score": self.after.score,
            "streak": {"current": self.after.current, "longest": self.after.longest},
            "score_now": self.before.score,
            "streak_now": {"current": self.before.current, "longest": self.before.longest},
        }


def figures(
    day_counts: Mapping[date, int], now: datetime, tz: tzinfo, target: int, breaks: BreakDays
) -> Figures:
    """The score and streak the cadence report would show today for these posts per
    local day (up to now), with the planned breaks (app/cadence/report.py)."""
    today = now.astimezone(tz).date()
    score = presence_score(day_counts, today, target, TARGET_DAYS, breaks)
    run = streak_of_days(day_counts, now, tz, target, breaks)
    return Figures(score_percent(score), run.weeks, run.longest)


def make_preview(
    new: Sequence[tuple[str, str, datetime]],
    existing: Sequence[datetime],
    now: datetime,
    tz: tzinfo,
    target: int,
    breaks: BreakDays,
) -> Preview:
    """`new`: (platform, kind, posted_at) of each post the import adds; `existing`: when
    each logged post was posted."""
    years = Counter(str(when.astimezone(tz).year) for _, _, when in new)
    before = local_day_counts((t for t in existing if t <= now), tz)
    after = Counter(before)
    after.update(local_day_counts((when for _, _, when in new if when <= now), tz))
    return Preview(
        by_platform=dict(Counter(platform for platform, _, _ in new)),
        by_kind=dict(Counter(kind for _, kind, _ in new)),
        by_year={year: years[year] for year in sorted(years)},
        after=figures(after, now, tz, target, breaks),
        before=figures(before, now, tz, target, breaks),
    )
