from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.coverage import ThemeCoverage, theme_coverage
from app.cadence.score import local_day_counts, presence_score
from app.cadence.streak import Streak, streak
from app.cadence.summary import readiness_summary, status_word
from app.types import Post, Theme

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc
NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
NINE_WEEKS = Streak(9, 9, True, 3, 3)


def theme(id, name, weeks_quiet):
    """A coverage entry `weeks_quiet` weeks after its last post (None: never posted on)."""
    last = None if weeks_quiet is None else NOW - timedelta(days=7 * weeks_quiet)
    return ThemeCoverage(id, name, "#2f80ed", last, weeks_quiet, 0, 0, 0.0, 0.0)


def summary(score=0.82, week_ago=0.8, streak=NINE_WEEKS, coverage=(), behind=False):
    return readiness_summary(
        score=score,
        score_week_ago=week_ago,
        streak=streak,
        coverage=coverage,
        has_posts=True,
        behind=behind,
    )


def test_not_started():
    line = readiness_summary(
        score=0.0,
        score_week_ago=0.0,
        streak=Streak(0, 0, False, 0, 3),
        coverage=[theme(1, "AI governance", None)],
        has_posts=False,
        behind=True,
    )
    assert line == "Not started: log your first post and your score starts to climb."


def test_steady_with_a_quiet_theme():
    coverage = [theme(1, "Platform engineering", 1), theme(2, "AI governance", 5)]
    assert (
        summary(coverage=coverage) == "Steady: 9-week streak, score 82%; 'AI governance' quiet"
        " for 5 weeks"
    )


@pytest.mark.parametrize(
    ("score", "week_ago", "word"),
    [
        (0.82, 0.9, "Steady"),  # falling but still high
        (0.75, 0.8, "Steady"),
        (0.7499, 0.7, "Building"),
        (0.1, 0.05, "Building"),
        (0.5, 0.5, "Slipping"),  # flat is not building
        (0.4, 0.6, "Slipping"),
        (0.3999, 0.6, "Quiet"),
        (0.0, 0.0, "Quiet"),
    ],
)
def test_status_word(score, week_ago, word):
    assert status_word(score, week_ago) == word
    assert summary(score=score, week_ago=week_ago).startswith(f"{word}: ")


@pytest.mark.parametrize(
    ("streak_", "words"),
    [
        (Streak(1, 1, True, 3, 3), "1-week streak"),
        (Streak(4, 10, False, 1, 3), "4-week streak"),
        (Streak(0, 0, False, 2, 3), "no streak yet"),
        (Streak(0, 10, False, 0, 3), "streak ended"),
    ],
)
def test_streak_words(streak_, words):
    assert summary(score=0.5, week_ago=0.45, streak=streak_) == f"Building: {words}, score 50%"


def test_each_status_in_full():
    assert summary(0.5, 0.45, Streak(1, 1, True, 3, 3)) == "Building: 1-week streak, score 50%"
    assert summary(0.6, 0.65, Streak(0, 4, False, 0, 3)) == "Slipping: streak ended, score 60%"
    assert summary(0.2, 0.2, Streak(0, 0, False, 1, 3)) == "Quiet: no streak yet, score 20%"
    assert summary(0.995, 0.99) == "Steady: 9-week streak, score 100%"


def test_behind_this_week():
    behind = Streak(9, 9, False, 1, 3)
    assert (
        summary(0.8, 0.82, behind, behind=True)
        == "Steady: 9-week streak, score 80%; 1 of 3 posts this week"
    )
    one = Streak(2, 5, False, 0, 1)
    assert summary(0.5, 0.6, one, behind=True) == (
        "Slipping: 2-week streak, score 50%; 0 of 1 post this week"
    )


def test_behind_then_quiet_theme():
    behind = Streak(0, 3, False, 2, 3)
    coverage = [theme(1, "AI governance", 3)]
    assert summary(0.3, 0.35, behind, coverage, behind=True) == (
        "Quiet: streak ended, score 30%; 2 of 3 posts this week; 'AI governance' quiet for 3 weeks"
    )


def test_quiet_theme_threshold_is_3_weeks():
    assert summary(coverage=[theme(1, "AI governance", 2)]) == "Steady: 9-week streak, score 82%"
    assert summary(coverage=[theme(1, "AI governance", 3)]).endswith(
        "; 'AI governance' quiet for 3 weeks"
    )


def test_never_posted_theme_is_the_quietest():
    coverage = [theme(1, "AI governance", 10), theme(2, "Open source", None)]
    assert summary(coverage=coverage).endswith("; 'Open source' not posted on yet (+1 more)")


def test_quietest_of_several():
    coverage = [
        theme(1, "AI governance", 4),
        theme(2, "Platform engineering", 7),
        theme(3, "Open source", 7),  # as quiet as the one before: the first listed wins
        theme(4, "Careers", 1),
    ]
    assert summary(coverage=coverage).endswith(
        "; 'Platform engineering' quiet for 7 weeks (+2 more)"
    )


def test_no_theme_entry_is_never_named():
    coverage = [theme(1, "AI governance", 1), theme(None, "No theme", 12)]
    assert summary(coverage=coverage) == "Steady: 9-week streak, score 82%"


def test_from_a_real_history():
    # 3 posts a week for 10 weeks (5 Jan - 13 Mar 2026), all on AI governance, then nothing.
    first = datetime(2026, 1, 5, 9, 0, tzinfo=BERLIN)
    times = [first + timedelta(days=7 * w + d) for w in range(10) for d in (0, 2, 4)]
    posts = [Post(i, t, "linkedin", theme_id=1) for i, t in enumerate(times)]
    themes = [Theme(1, "AI governance", ("ai act",)), Theme(2, "Open source", ("oss",))]
    counts = local_day_counts(times, BERLIN)

    def line(now: datetime, behind: bool) -> str:
        today = now.astimezone(BERLIN).date()
        return readiness_summary(
            score=presence_score(counts, today, 3),
            score_week_ago=presence_score(counts, today - timedelta(days=7), 3),
            streak=streak(times, now, BERLIN, 3),
            coverage=theme_coverage(posts, themes, now),
            has_posts=True,
            behind=behind,
        )

    # Sun 15 Mar: score 0.9067 (see test_score), 10 weeks met.
    assert line(datetime(2026, 3, 15, 20, tzinfo=BERLIN), False) == (
        "Steady: 10-week streak, score 91%; 'Open source' not posted on yet"
    )
    # Sun 12 Apr, after the 4-week gap: score 0.3691, falling; last post 30 days ago.
    assert presence_score(counts, date(2026, 4, 12), 3) == pytest.approx(0.3690615351982177)
    assert line(datetime(2026, 4, 12, 20, tzinfo=BERLIN), True) == (
        "Quiet: streak ended, score 37%; 0 of 3 posts this week;"
        " 'Open source' not posted on yet (+1 more)"
    )
