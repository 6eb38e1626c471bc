"""Every cadence figure at one moment, computed once for the page, the card and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from app.cadence.coverage import MixPart, ThemeCoverage, content_mix, theme_coverage
from app.cadence.schedule import PostingSchedule, expected_by, is_behind
from app.cadence.score import local_day_counts, presence_series, score_percent
from app.cadence.streak import Streak, streak
from app.cadence.summary import readiness_summary
from app.strategy.strategy import ContentMix
from app.types import Post, Theme

# The target is a number of posts per calendar week: n posts per d = 7 days.
TARGET_DAYS = 7
MIX_DAYS = 90


class CadenceReport(NamedTuple):
    today: date  # in the user's time zone
    score: float  # 0..1
    score_week_ago: float  # the score seven days before today, 0 before the first post
    series: list[tuple[date, float]]  # the score day by day, from the first post
    streak: Streak
    week_target: int
    expected_now: int  # posts the schedule expects by now this week
    behind: bool
    mix: list[MixPart]
    themes: list[ThemeCoverage]
    summary: str
    day_counts: dict[date, int]  # posts per local day
    total_posts: int

    @property
    def week_posts(self) -> int:
        return self.streak.week_posts


def build_report(
    posts: Sequence[Post],
    themes: Sequence[Theme],
    *,
    target: int,
    mix_target: ContentMix,
    schedule: PostingSchedule,
    now: datetime,
    tz: tzinfo,
) -> CadenceReport:
    """All of the cadence figures for `posts` as of `now` (later posts are ignored)."""
    past = [p for p in posts if p.posted_at <= now]
    times = [p.posted_at for p in past]
    today = now.astimezone(tz).date()
    counts = local_day_counts(times, tz)
    series = presence_series(counts, today, target, TARGET_DAYS)
    score = series[-1][1] if series else 0.0
    week_ago = today - timedelta(days=7)
    score_week_ago = next((v for d, v in reversed(series) if d <= week_ago), 0.0)
    run = streak(times, now, tz, target)
    behind = is_behind(run.week_posts, schedule, now, tz, target)
    coverage = theme_coverage(past, themes, now)
    summary = readiness_summary(
        score=score,
        score_week_ago=score_week_ago,
        streak=run,
        coverage=coverage,
        has_posts=bool(past),
        behind=behind,
    )
    return CadenceReport(
        today=today,
        score=score,
        score_week_ago=score_week_ago,
        series=series,
        streak=run,
        week_target=target,
        expected_now=expected_by(schedule, now, tz, target),
        behind=behind,
        mix=content_mix(past, mix_target, now, MIX_DAYS),
        themes=coverage,
        summary=summary,
        day_counts=counts,
        total_posts=len(past),
    )


if TYPE_CHECKING:
    from typing import TypedDict

    # The shape of `report_json`'s result (for type checks only: no start-up cost).
    class MixPartJson(TypedDict):
        posts: int
        actual: int  # whole percent
        target: int

    class ThemeJson(TypedDict):
        name: str
        last_post: str | None  # ISO 8601, in the user's time zone
        weeks_quiet: int | None
        posts_30: int
        share_30: int  # whole percent
        posts_90: int
        share_90: int

    class ReportJson(TypedDict):
        score: int  # whole percent
        streak_weeks: int
        week_posts: int
        week_target: int
        mix: dict[str, MixPartJson]  # by kind
        themes: list[ThemeJson]
        summary: str
        longest_streak_weeks: int
        behind: bool
        posts_total: int
        as_of: str  # the user's date, ISO 8601


def report_json(report: CadenceReport, tz: tzinfo) -> ReportJson:
    """`digwell cadence --json`: the figures the page shows, with the same rounding."""
    return {
        "score": score_percent(report.score),
        "streak_weeks": report.streak.weeks,
        "week_posts": report.week_posts,
        "week_target": report.week_target,
        "mix": {
            part.kind: {
                "posts": part.posts,
                "actual": round(part.actual * 100),
                "target": round(part.target * 100),
            }
            for part in report.mix
        },
        "themes": [
            {
                "name": t.name,
                "last_post": t.last_post.astimezone(tz).isoformat() if t.last_post else None,
                "weeks_quiet": t.weeks_quiet,
                "posts_30": t.posts_30,
                "share_30": round(t.share_30 * 100),
                "posts_90": t.posts_90,
                "share_90": round(t.share_90 * 100),
            }
            for t in report.themes
        ],
        "summary": report.summary,
        "longest_streak_weeks": report.streak.longest,
        "behind": report.behind,
        "posts_total": report.total_posts,
        "as_of": report.today.isoformat(),
    }
