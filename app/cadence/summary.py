"""One line on how the user's presence stands: status, streak, score, what to do next."""

from __future__ import annotations

from collections.abc import Sequence

from app.cadence.coverage import ThemeCoverage
from app.cadence.score import score_percent
from app.cadence.streak import Streak
from app.compose.history import QUIET_WEEKS
from app.i18n import N_, _, formats, ngettext, pgettext

NOT_STARTED = N_("Not started: log your first post and your score starts to climb.")
# A score at or above this is "Steady"; below it, a falling one at or above SLIPPING
# is "Slipping" and the rest "Quiet" (a rising one is "Building").
STEADY = 0.75
SLIPPING = 0.4


def status_word(score: float, score_week_ago: float) -> str:
    """'Steady', 'Building', 'Slipping' or 'Quiet', in the user's language."""
    if score >= STEADY:
        # Translators: how the user's presence stands, first word of the cadence summary.
        return pgettext("presence status", "Steady")
    if score > score_week_ago:
        # Translators: how the user's presence stands (the score is rising).
        return pgettext("presence status", "Building")
    if score >= SLIPPING:
        # Translators: how the user's presence stands (the score is falling).
        return pgettext("presence status", "Slipping")
    # Translators: how the user's presence stands (a low score, not rising).
    return pgettext("presence status", "Quiet")


def _streak_words(streak: Streak) -> str:
    if streak.weeks:
        # Translators: part of the cadence summary: weeks in a row the weekly target was met.
        return ngettext("{count}-week streak", "{count}-week streak", streak.weeks).format(
            count=streak.weeks
        )
    # Translators: part of the cadence summary.
    return _("streak ended") if streak.longest else _("no streak yet")


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
        # Translators: part of the cadence summary; {theme} is a theme's name.
        words = _("'{theme}' not posted on yet").format(theme=quietest.name)
    else:
        weeks = quietest.weeks_quiet or 0
        # Translators: part of the cadence summary; {theme} is a theme's name.
        words = ngettext(
            "'{theme}' quiet for {count} week", "'{theme}' quiet for {count} weeks", weeks
        ).format(theme=quietest.name, count=weeks)
    if len(quiet) > 1:
        # Translators: {words} names the quietest theme; {count} more themes are quiet too.
        words = _("{words} (+{count} more)").format(words=words, count=len(quiet) - 1)
    return "; " + words


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
        return _(NOT_STARTED)
    # Translators: the cadence summary's start: "Steady: 9-week streak, score 82%".
    line = _("{status}: {streak}, score {score}").format(
        status=status_word(score, score_week_ago),
        streak=_streak_words(streak),
        score=formats.percent(score_percent(score)),
    )
    if behind:
        # Translators: part of the cadence summary: posts this week of the week's target.
        line += "; " + ngettext(
            "{count} of {target} post this week",
            "{count} of {target} posts this week",
            streak.target,
        ).format(count=streak.week_posts, target=streak.target)
    return line + _quiet_words(coverage)
