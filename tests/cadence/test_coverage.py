from datetime import datetime, timedelta, timezone

import pytest

from app.cadence.coverage import MixPart, ThemeCoverage, content_mix, mix_gap, theme_coverage
from app.strategy.strategy import ContentMix
from app.types import Post, Theme

UTC = timezone.utc
NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
AI = Theme(1, "AI governance", ("ai act",), color="#2f80ed")
PLATFORM = Theme(2, "Platform engineering", ("kubernetes",), color="#e07a3f")
OPEN_SOURCE = Theme(3, "Open source", ("oss",), color="#27a27b")
THEMES = [AI, PLATFORM, OPEN_SOURCE]


def post(id, days_ago, theme_id=None, kind="share"):
    return Post(id, NOW - timedelta(days=days_ago), "linkedin", kind, theme_id=theme_id)


POSTS = [
    post(1, 2, 1),
    post(2, 40, 1, "original"),
    post(3, 10, 2, "help"),
    post(4, 60, None, "credit"),
    post(5, 100, 99),  # a deleted theme, more than 90 days ago
    post(6, -1, 2),  # tomorrow: ignored
    post(7, 30, 1),  # exactly 30 days ago: inside both windows
    post(8, 90, 2),  # exactly 90 days ago: inside the 90-day window
]


# Theme coverage -----------------------------------------------------------------------


def test_theme_coverage():
    # Last 30 days: posts 1, 3, 7 (3 in all); last 90 days: 1, 2, 3, 4, 7, 8 (6 in all).
    ai, platform, open_source, unthemed = theme_coverage(POSTS, THEMES, NOW)
    assert ai == ThemeCoverage(
        1, "AI governance", "#2f80ed", NOW - timedelta(days=2), 0, 2, 3, 2 / 3, 3 / 6
    )
    # Post 6 (tomorrow) is not its last post: post 3, 10 days ago, is (10 // 7 = 1 week).
    assert platform == ThemeCoverage(
        2, "Platform engineering", "#e07a3f", NOW - timedelta(days=10), 1, 1, 2, 1 / 3, 2 / 6
    )
    assert open_source == ThemeCoverage(3, "Open source", "#27a27b", None, None, 0, 0, 0.0, 0.0)
    # Posts 4 (no theme) and 5 (deleted theme): the newest is 60 days ago, 8 weeks.
    assert unthemed == ThemeCoverage(
        None, "No theme", "#9e9e9e", NOW - timedelta(days=60), 8, 0, 1, 0.0, 1 / 6
    )


def test_weeks_quiet_counts_whole_weeks():
    for days, weeks in [(0, 0), (6, 0), (7, 1), (20, 2), (21, 3), (35, 5)]:
        (entry,) = theme_coverage([post(1, days, 1)], [AI], NOW)
        assert entry.weeks_quiet == weeks
    # 20 days 23 hours is still 2 weeks.
    late = Post(1, NOW - timedelta(days=21) + timedelta(hours=1), "linkedin", theme_id=1)
    assert theme_coverage([late], [AI], NOW)[0].weeks_quiet == 2


def test_no_theme_entry_only_for_unthemed_posts_of_the_last_90_days():
    themed = [post(1, 2, 1), post(2, 91, None), post(3, 200, 99), post(4, -3, None)]
    assert [c.name for c in theme_coverage(themed, THEMES, NOW)] == [
        "AI governance",
        "Platform engineering",
        "Open source",
    ]
    # A post on a theme the user deleted counts as unthemed.
    entries = theme_coverage([post(1, 89, 99)], THEMES, NOW)
    assert entries[-1].theme_id is None and entries[-1].posts_90 == 1
    assert entries[-1].share_90 == 1.0


def test_themes_keep_the_order_given():
    names = [c.name for c in theme_coverage(POSTS, [OPEN_SOURCE, AI], NOW)]
    # Platform engineering is not listed, so its posts (3, 8) count as unthemed.
    assert names == ["Open source", "AI governance", "No theme"]
    unthemed = theme_coverage(POSTS, [OPEN_SOURCE, AI], NOW)[-1]
    assert (unthemed.posts_30, unthemed.posts_90) == (1, 3)
    assert unthemed.last_post == NOW - timedelta(days=10)


def test_coverage_without_posts():
    assert theme_coverage([], THEMES, NOW) == [
        ThemeCoverage(t.id, t.name, t.color, None, None, 0, 0, 0.0, 0.0) for t in THEMES
    ]
    assert theme_coverage([], [], NOW) == []
    # Only old posts: their dates still show, the windows are empty.
    (entry,) = theme_coverage([post(1, 120, 1)], [AI], NOW)
    assert entry == ThemeCoverage(
        1, "AI governance", "#2f80ed", NOW - timedelta(days=120), 17, 0, 0, 0.0, 0.0
    )


# Content mix ---------------------------------------------------------------------------


def test_content_mix_counts_help_as_credit():
    # Last 90 days: posts 1, 7, 8 share; 2 original; 3 help, 4 credit: 6 in all.
    parts = content_mix(POSTS, ContentMix(50, 30, 20), NOW)
    assert parts == [
        MixPart("share", "sharing others' work", 3, 3 / 6, 0.5),
        MixPart("original", "original thoughts", 1, 1 / 6, 0.3),
        MixPart("credit", "crediting or helping people", 2, 2 / 6, 0.2),
    ]
    # share 0.5 of 0.5, original 0.167 of 0.3 (13 points short), credit above: no gap.
    assert mix_gap(parts) is None


def test_content_mix_window():
    # 30 days: posts 1 and 7 share, 3 help; post 6 (tomorrow) is not counted.
    parts = content_mix(POSTS, ContentMix(50, 30, 20), NOW, days=30)
    assert [(p.kind, p.posts, p.actual) for p in parts] == [
        ("share", 2, 2 / 3),
        ("original", 0, 0.0),
        ("credit", 1, 1 / 3),
    ]
    # original: 0.3 below its target of 0.3, the only gap.
    assert mix_gap(parts) == parts[1]


def test_content_mix_without_posts():
    parts = content_mix([post(1, 91)], ContentMix(50, 30, 20), NOW)
    assert [(p.posts, p.actual, p.target) for p in parts] == [
        (0, 0.0, 0.5),
        (0, 0.0, 0.3),
        (0, 0.0, 0.2),
    ]
    assert mix_gap(parts) is None  # nothing to correct yet


def test_kinds_outside_the_mix_are_left_out():
    parts = content_mix([post(1, 1), post(2, 1, kind="poll")], ContentMix(50, 30, 20), NOW)
    assert [p.actual for p in parts] == [1.0, 0.0, 0.0]


def test_mix_gap_picks_the_part_furthest_below():
    # 1 share, 4 original, 0 credit: share 0.2 of 0.5 (30 points short), credit 0 of 0.2
    # (20 points short), original 0.8 of 0.3 (above).
    posts = [post(1, 1)] + [post(i, 1, kind="original") for i in range(2, 6)]
    parts = content_mix(posts, ContentMix(50, 30, 20), NOW)
    assert [p.actual for p in parts] == [0.2, 0.8, 0.0]
    assert mix_gap(parts).kind == "share"
    # Against 20/30/50: credit is 50 points short, share exactly on target.
    assert mix_gap(content_mix(posts, ContentMix(20, 30, 50), NOW)).kind == "credit"


@pytest.mark.parametrize(
    ("mix", "gap"),
    [
        (ContentMix(35, 65, 0), "share"),  # 0.35 - 0.2 = 0.1499999… in binary: still 15 points
        (ContentMix(34, 66, 0), None),  # 14 points short
        (ContentMix(35, 50, 15), "share"),  # share and credit both 15 short: the first wins
    ],
)
def test_mix_gap_threshold_is_15_points(mix, gap):
    posts = [post(1, 1)] + [post(i, 1, kind="original") for i in range(2, 6)]
    found = mix_gap(content_mix(posts, mix, NOW))
    assert (found.kind if found else None) == gap
