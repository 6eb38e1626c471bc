"""One line on how the user's presence stands: status, streak, score, what to do next."""

from __future__ import annotations

from collections.abc import Sequence

from app.cadence.coverage import ThemeCoverage
from app.cadence.score import score_percent
from app.cadence.streak import Streak
from app.compose.history import QUIET_WEEKS

NOT_STARTED = "Not started: log your first post and your score starts to climb."
# A score at or above this is "Steady"; below it, a falling one at or above SLIPPING
# is "Slipping" and the rest "Quiet" (a rising one is "Building").
STEADY = 0.75
SLIPPING = 0.4


def status_word(score: float, score_week_ago: float) -> str:
    """'Steady', 'Building', 'Slipping' or 'Quiet'."""
    if score >= STEADY:
        return "Steady"
    if score > score_week_ago:
        return "Building"
    if score >= SLIPPING:
        return "Slipping"
    return "Quiet"


def _streak_words(streak: Streak) -> str:
    if streak.weeks:
        return f"{streak.weeks}-week streak"
    return "streak ended" if streak.longest else "no streak yet"


def _weeks_quiet(entry: ThemeCoverage) -> float:
    # Never posted on is quieter than any number of weeks.
    if entry.last_post is None or entry.weeks_quiet is None:
        return float("inf")
    return entry.weeks_quiet


def _quiet_words(coverage: Sequence[ThemeCoverage]) -> str:
    quiet = [c for c in coverage if c.theme_id is not None and _weeks_quiet(c) >= QUIET_WEEKS]
    if not quiet:
        return ""
    quietest = max(quiet, key=_weeks_quiet)  # ties: the first in the themes' order
    if _weeks_quiet(quietest) == float("inf"):
        words = f"'{quietest.name}' not posted on yet"
    else:
        words = f"'{quietest.name}' quiet for {quietest.weeks_quiet} weeks"
    more = f" (+{len(quiet) - 1} more)" if len(quiet) > 1 else ""
    return f"; {words}{more}"


def readiness_summary(
    *,
    score: float,
    score_week_ago: float,
    streak: Streak,
    coverage: Sequence[ThemeCoverage],
    has_posts: bool,
    behind: bool,
) -> str:
    """One line like "Steady: 9-week streak, score 82%; 'AI governance' quiet for 5 weeks"."""
    if not has_posts:
        return NOT_STARTED
    line = (
        f"{status_word(score, score_week_ago)}: {_streak_words(streak)},"
        f" score {score_percent(score)}%"
    )
    if behind:
        posts = "post" if streak.target == 1 else "posts"
        line += f"; {streak.week_posts} of {streak.target} {posts} this week"
    return line + _quiet_words(coverage)
