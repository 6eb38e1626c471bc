"""The cadence report's facts read by SQLite (app/cadence/facts.py) are the facts of the
posts themselves (app/cadence/report.py `post_facts`), in zones with daylight saving
time, half and quarter hours, and offsets west of UTC; the report is the same either
way (docs/CADENCE.md)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.facts import read_facts, utc_offsets
from app.cadence.report import build_report, post_facts
from app.cadence.schedule import PostingSchedule
from app.store import posts as posts_q
from app.strategy.strategy import ContentMix
from app.types import Break, Theme

UTC = timezone.utc
NOW = datetime(2026, 11, 23, 9, 0, 0, 500_000, tzinfo=UTC)  # half a second past


def test_the_offsets_change_to_the_second_when_the_clocks_do():
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert utc_offsets(berlin, start, datetime(2027, 1, 1, tzinfo=UTC)) == [
        (start, 3600),
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), 7200),
        (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), 3600),
    ]
    assert utc_offsets(UTC, start, start + timedelta(days=400)) == [(start, 0)]
    kathmandu = utc_offsets(ZoneInfo("Asia/Kathmandu"), start, start + timedelta(days=3))
    assert kathmandu == [(start, 5 * 3600 + 45 * 60)]


def _seed(db, rng: random.Random, themes: list[int | None], count: int) -> None:
    with db.transaction() as conn:
        for _ in range(count):
            # Many near midnight UTC and near the clocks' changes, where days differ.
            if rng.random() < 0.3:
                base = datetime(rng.choice((2019, 2022, 2025, 2026)), 3, 29, tzinfo=UTC)
                when = base + timedelta(minutes=rng.randrange(-3000, 3000))
            else:
                when = NOW - timedelta(seconds=rng.randrange(6 * 365 * 86400))
            if rng.random() < 0.02:
                when = NOW + timedelta(seconds=rng.choice((0, 1, 3600)))  # now, or later
            posts_q.add_post(
                conn,
                posted_at=when,
                platform="x",
                kind=rng.choice(("share", "original", "credit", "help")),
                theme_id=rng.choice(themes),
            )


@pytest.mark.parametrize(
    "zone",
    [
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "Pacific/Kiritimati",
        "UTC",
    ],
)
def test_the_facts_from_sqlite_are_the_facts_of_the_posts(db, zone):
    from app.store import themes as themes_q

    tz = ZoneInfo(zone)
    with db.transaction() as conn:
        kept = themes_q.save_theme(conn, Theme(0, "Kept", ("a",)))
        gone = themes_q.save_theme(conn, Theme(0, "Gone", ("b",)))
    _seed(db, random.Random(zone), [kept, gone, None], 1500)
    posts = posts_q.list_posts(db)
    expected = post_facts(posts, NOW, tz)
    found = read_facts(db, NOW, tz)
    assert found.day_counts == expected.day_counts
    assert found.last_posts == expected.last_posts
    assert found.total == expected.total
    assert {p.id for p in found.recent if p.posted_at <= NOW} == {p.id for p in expected.recent}

    # A theme no longer listed (as while a strategy edit waits): its posts count as none.
    themes = [t for t in themes_q.list_themes(db) if t.id != gone]
    options = {
        "target": 2,
        "mix_target": ContentMix(),
        "schedule": PostingSchedule(),
        "now": NOW,
        "tz": tz,
        "breaks": [Break(1, date(2026, 7, 1), date(2026, 7, 31))],
    }
    assert build_report(found, themes, **options) == build_report(posts, themes, **options)


def test_no_posts_or_only_later_ones_give_empty_facts(db):
    tz = ZoneInfo("Europe/Berlin")
    assert read_facts(db, NOW, tz) == post_facts([], NOW, tz)
    with db.transaction() as conn:
        posts_q.add_post(conn, posted_at=NOW + timedelta(days=1), platform="x")
    assert read_facts(db, NOW, tz) == post_facts(posts_q.list_posts(db), NOW, tz)
    assert read_facts(db, NOW, tz).total == 0


def test_the_report_keeps_its_counts_until_the_posts_change(planner, clock):
    """The day counts are read once a day (app/cadence/facts.py, FactsCache); a post
    logged, edited in place or deleted is seen at once."""
    from datetime import timedelta

    from app.cadence.post_fields import PostInput

    log = planner.cadence.log
    first = planner.cadence.report()
    when = clock.now().astimezone(clock.tz()) - timedelta(days=2)
    post = log.add(PostInput(when, "linkedin", "share", None, "", "A post"))
    assert planner.cadence.report().total_posts == first.total_posts + 1
    log.edit(post.id, posted_at=clock.now().astimezone(clock.tz()) - timedelta(days=9))
    days = planner.cadence.report().day_counts
    moved = (clock.now() - timedelta(days=9)).astimezone(clock.tz()).date()
    assert days.get(moved) == 1
    log.delete(post.id)
    assert planner.cadence.report().total_posts == first.total_posts
