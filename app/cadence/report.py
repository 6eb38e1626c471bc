"""Every cadence figure at one moment, computed once for the page, the card and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from app.cadence.breaks import BreakDays
from app.cadence.coverage import MixPart, ThemeCoverage, content_mix, theme_coverage
from app.cadence.schedule import PostingSchedule, expected_by, is_behind
from app.cadence.score import local_day_counts, presence_series, score_percent
from app.cadence.streak import Streak, streak_of_days
from app.cadence.summary import readiness_summary
from app.i18n import _, english, formats
from app.strategy.strategy import ContentMix
from app.types import Break, Post, Theme

# The target is a number of posts per calendar week: n posts per d = 7 days.
TARGET_DAYS = 7
MIX_DAYS = 90
RECENT_DAYS = max(MIX_DAYS, 90)  # the posts coverage and mix count (coverage: 30 and 90 days)


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
    breaks: tuple[Break, ...] = ()  # every planned break, by first day (the heatmap's shade)
    break_until: date | None = None  # today is on a break that lasts to this day

    @property
    def week_posts(self) -> int:
        return self.streak.week_posts

    @property
    def on_break(self) -> bool:
        """Whether today is a break day: the score is frozen and reminders are silent."""
        return self.break_until is not None

    def is_break_day(self, day: date) -> bool:
        """Whether `day` is on one of the planned breaks (overlapping ones merged)."""
        return day in BreakDays(self.breaks)


class PostFacts(NamedTuple):
    """What the figures need of the posts up to now, however many there are: the service
    has SQLite aggregate them (app/cadence/facts.py), `post_facts` works them out from
    the posts themselves."""

    day_counts: dict[date, int]  # posts per local day
    recent: list[Post]  # the posts of the last RECENT_DAYS days (later ones may be there)
    last_posts: dict[int | None, datetime]  # theme id as stored (None: none) -> last post
    total: int


def post_facts(posts: Sequence[Post], now: datetime, tz: tzinfo) -> PostFacts:
    past = [p for p in posts if p.posted_at <= now]
    last: dict[int | None, datetime] = {}
    for post in past:
        if post.theme_id not in last or post.posted_at > last[post.theme_id]:
            last[post.theme_id] = post.posted_at
    since = now - timedelta(days=RECENT_DAYS)
    recent = [p for p in past if p.posted_at >= since]
    return PostFacts(local_day_counts((p.posted_at for p in past), tz), recent, last, len(past))


def build_report(
    posts: Sequence[Post] | PostFacts,
    themes: Sequence[Theme],
    *,
    target: int,
    mix_target: ContentMix,
    schedule: PostingSchedule,
    now: datetime,
    tz: tzinfo,
    breaks: Sequence[Break] = (),
) -> CadenceReport:
    """All of the cadence figures for `posts` (or their facts) as of `now` (later posts
    are ignored), with the planned `breaks` freezing the score and skipped by the streak."""
    facts = posts if isinstance(posts, PostFacts) else post_facts(posts, now, tz)
    past = facts.recent  # all the coverage and the mix count
    today = now.astimezone(tz).date()
    counts = facts.day_counts
    days_off = BreakDays(breaks)
    series = presence_series(counts, today, target, TARGET_DAYS, days_off)
    score = series[-1][1] if series else 0.0
    week_ago = today - timedelta(days=7)
    score_week_ago = next((v for d, v in reversed(series) if d <= week_ago), 0.0)
    run = streak_of_days(counts, now, tz, target, days_off)
    span = days_off.span_at(today)
    # Nothing is expected on a break, nor in a break week (its goal is 0).
    behind = span is None and is_behind(run.week_posts, schedule, now, tz, run.target)
    coverage = theme_coverage(past, themes, now, facts.last_posts)
    report = CadenceReport(
        today=today,
        score=score,
        score_week_ago=score_week_ago,
        series=series,
        streak=run,
        week_target=target,
        expected_now=0 if span else expected_by(schedule, now, tz, run.target),
        behind=behind,
        mix=content_mix(past, mix_target, now, MIX_DAYS),
        themes=coverage,
        summary="",
        day_counts=counts,
        total_posts=facts.total,
        breaks=tuple(sorted(breaks, key=lambda b: (b.starts_on, b.ends_on, b.id))),
        break_until=span[1] if span else None,
    )
    return report._replace(summary=summary_text(report))


def summary_text(report: CadenceReport) -> str:
    """The report's one-line summary in the user's language (report.summary); under
    `english()` and the en_GB formats, the summary `--json` prints."""
    summary = readiness_summary(
        score=report.score,
        score_week_ago=report.score_week_ago,
        streak=report.streak,
        coverage=report.themes,
        has_posts=report.total_posts > 0,
        behind=report.behind,
    )
    if report.break_until is not None:
        day = _day_text(report.break_until, report.today)
        # Translators: the end of the cadence summary; {date} is the break's last day.
        summary += "; " + _("on a break until {date}").format(date=day)
    return summary


def english_summary(report: CadenceReport) -> str:
    """The summary as `--json` prints it whatever the user's language: English words,
    en_GB numbers and dates."""
    kept = formats.current_locale()
    formats.use_locale(formats.DEFAULT_LOCALE)
    try:
        with english():
            return summary_text(report)
    finally:
        formats.use_locale(kept)


def _day_text(day: date, today: date) -> str:
    """'16 Aug', with the year when it is not this year's: '3 Jan 2027' (the user's locale)."""
    return formats.day_month(day) if day.year == today.year else formats.day_month_year(day)


def break_json(item: Break) -> BreakJson:
    """A break for scripts: `digwell away list --json` and `digwell cadence --json`."""
    return {
        "id": item.id,
        "from": item.starts_on.isoformat(),
        "to": item.ends_on.isoformat(),
        "note": item.note,
    }


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
        breaks: list[BreakJson]
        on_break: bool  # today is a break day
        break_until: str | None  # the last day of today's break, ISO 8601
        week_goal: int  # posts this week needs for the streak (0 in a break week)
        week_break_days: int

    BreakJson = TypedDict("BreakJson", {"id": int, "from": str, "to": str, "note": str})


def report_json(report: CadenceReport, tz: tzinfo) -> ReportJson:
    """`digwell cadence --json`: the figures the page shows, with the same rounding; the
    summary in English (docs/TRANSLATION.md, "What stays English")."""
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
        "summary": english_summary(report),
        "longest_streak_weeks": report.streak.longest,
        "behind": report.behind,
        "posts_total": report.total_posts,
        "as_of": report.today.isoformat(),
        "breaks": [break_json(b) for b in report.breaks],
        "on_break": report.on_break,
        "break_until": report.break_until.isoformat() if report.break_until else None,
        "week_goal": report.streak.target,
        "week_break_days": report.streak.break_days,
    }
