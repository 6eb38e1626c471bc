"""Planning a history import (docs/HISTORY.md): duplicates left out, kinds and themes,
problems, and the preview, from made-up records, with no storage. The clock stands at
Monday 23 November 2026, 10:00 in Berlin (09:00 UTC)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import pytest

from app.cadence.breaks import BreakDays
from app.cadence.score import local_day_counts, presence_score, score_percent
from app.cadence.streak import streak
from app.compose import mentioning
from app.history.kinds import Credits, new_people_keys, post_kind, post_theme, title_and_text
from app.history.plan import Logged, address_key, plan_history
from app.history.records import Engagement, HistoryFile, HistoryPost, Problem
from app.strategy.matching import Matcher, ThemeTerms
from tests.conftest import BERLIN, NOW

UTC = timezone.utc


def post(n: int, at: datetime, text: str = "words", **fields: object) -> HistoryPost:
    return HistoryPost(
        platform=str(fields.pop("platform", "x")),
        external_id=str(fields.pop("external_id", n)),
        posted_at=at,
        text=text,
        **fields,  # type: ignore[arg-type]
    )


def logged(**fields: object) -> Logged:
    base: dict[str, object] = {
        "external_ids": set(),
        "engagement_ids": set(),
        "urls": [],
        "links": [],
        "post_times": [],
    }
    return Logged(**{**base, **fields})  # type: ignore[arg-type]


def kind_only(p: HistoryPost) -> tuple[str, int | None]:
    return post_kind(p, Credits(())), None


def plan(posts, known: Logged | None = None, *, engagement=(), problems=(), **options):
    found = HistoryFile("x", list(posts), list(engagement), list(problems))
    options.setdefault("breaks", BreakDays())
    return plan_history(
        found, known or logged(), kind_only, now=NOW, tz=BERLIN, target=1, **options
    )


# --- duplicates --------------------------------------------------------------------


def test_addresses_are_compared_without_case_www_fragment_or_trailing_slash():
    assert address_key("https://www.X.com/me/status/1/") == "x.com/me/status/1"
    assert address_key("http://twitter.com/me/status/1#top") == "x.com/me/status/1"
    assert address_key("https://mobile.twitter.com/me/status/1") == "x.com/me/status/1"
    # The query is part of the address: two videos are two links.
    assert address_key("https://youtube.com/watch?v=a") != address_key(
        "https://youtube.com/watch?v=b"
    )
    assert address_key("  ") == ""


def test_a_reimport_adds_nothing_and_counts_every_post_as_skipped():
    at = NOW - timedelta(days=3)
    first = plan([post(1, at), post(2, at + timedelta(hours=1))])
    assert [n.post.external_id for n in first.posts] == ["1", "2"]
    again = plan([post(1, at), post(2, at)], logged(external_ids={"1", "2"}))
    assert again.posts == [] and again.skipped == 2
    summary = again.summary()
    assert (summary["posts_added"], summary["posts_skipped"]) == (0, 2)
    assert summary["first"] is None and summary["last"] is None


def test_a_post_logged_by_hand_is_recognised_by_its_address():
    at = NOW - timedelta(days=3)
    known = logged(urls=["https://twitter.com/me/status/7/"])
    result = plan(
        [
            post(7, at, url="https://x.com/me/status/7"),
            post(8, at, url="https://x.com/me/status/8"),
        ],
        known,
    )
    assert [n.post.external_id for n in result.posts] == ["8"] and result.skipped == 1


def test_a_post_sharing_the_same_link_within_ten_minutes_is_the_logged_one():
    logged_at = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    known = logged(links=[("https://example.com/article", logged_at)])
    near = post(1, logged_at + timedelta(minutes=10), link="https://www.example.com/article/")
    before = post(
        2, logged_at - timedelta(minutes=9, seconds=59), link="https://example.com/article"
    )
    far = post(3, logged_at + timedelta(minutes=10, seconds=1), link="https://example.com/article")
    other_link = post(4, logged_at, link="https://example.com/another")
    result = plan([near, before, far, other_link], known)
    assert sorted(n.post.external_id for n in result.posts) == ["3", "4"]
    assert result.skipped == 2


def test_duplicates_inside_one_file_count_once():
    at = NOW - timedelta(days=1)
    twice = [
        post(1, at),
        post(1, at),  # the same id twice (X archives split over parts overlap)
        post(2, at, url="https://x.com/me/status/2"),
        post(3, at, url="https://x.com/me/status/2/"),  # another id, the same address
    ]
    result = plan(twice)
    assert [n.post.external_id for n in result.posts] == ["1", "2"] and result.skipped == 2


def test_a_post_in_the_future_is_a_problem_and_not_history():
    soon = NOW + timedelta(minutes=5)  # the slack marking a draft posted allows
    later = NOW + timedelta(minutes=6)
    result = plan([post(1, soon), post(2, later)], problems=[Problem("data/tweets.js", "odd")])
    assert [n.post.external_id for n in result.posts] == ["1"] and result.skipped == 0
    assert result.problems[0] == Problem("data/tweets.js", "odd")
    assert result.problems[1].where == "post 2"
    assert "23 Nov 2026, 10:06" in result.problems[1].message  # Berlin time


def test_engagement_is_counted_once_and_never_from_the_future():
    at = NOW - timedelta(days=2)
    engagement = [
        Engagement("x", "reply", "r1", at),
        Engagement("x", "reply", "r1", at),
        Engagement("x", "reply", "r2", at),
        Engagement("x", "reply", "r3", at),
        Engagement("x", "reply", "r4", NOW + timedelta(hours=1)),
    ]
    result = plan([], logged(engagement_ids={"r3"}), engagement=engagement)
    assert [e.external_id for e in result.engagement] == ["r1", "r2"]
    assert [p.where for p in result.problems] == ["reply r4"]
    assert result.summary()["engagement_added"] == 2


def test_the_errors_listed_are_capped_at_a_thousand():
    problems = [Problem(f"line {n}", "bad") for n in range(1500)]
    summary = plan([], problems=problems).summary()
    assert len(summary["errors"]) == 1000
    assert summary["errors"][0] == {"where": "line 0", "message": "bad"}


# --- kinds and themes --------------------------------------------------------------

PEOPLE_KEYS = {"n:priya raman", "n:josé garcía", "n:jose garcia", "n:will", "@priya"}


def test_kinds_share_original_credit():
    credits = Credits(PEOPLE_KEYS)
    at = NOW - timedelta(days=1)
    assert post_kind(post(1, at, "A thought of mine"), credits) == "original"
    assert post_kind(post(1, at, "Read this", link="https://example.com/a"), credits) == "share"
    assert post_kind(post(1, at, "Thanks to Priya Raman for the review"), credits) == "credit"
    # A post crediting someone while sharing a link is a credit.
    shared = post(1, at, "Great piece by @priya", link="https://example.com/a")
    assert post_kind(shared, credits) == "credit"
    # A bare repost is a share whoever it names.
    assert post_kind(post(1, at, "RT @priya: hello", repost=True), credits) == "share"
    # A one-word name only with its capital: "will" is not Will.
    assert post_kind(post(1, at, "I will write more"), credits) == "original"
    assert post_kind(post(1, at, "Lunch with Will today"), credits) == "credit"
    # Accents and case ignored in names of two words or more.
    assert post_kind(post(1, at, "merci josé garcía !"), credits) == "credit"
    # Nobody known: never a credit.
    assert post_kind(post(1, at, "Thanks to Priya Raman"), Credits(())) == "original"


def test_the_quick_test_for_names_never_changes_the_answer():
    """Credits.names_someone is mentioning.matches with a cheap test first: on random
    texts of names, handles, links and accents the two always agree."""
    rng = random.Random(19)
    pieces = [
        "Priya", "Raman", "priya", "raman", "José", "García", "jose", "GARCIA", "Will",
        "will", "@priya", "@priya.bsky.social", "@priya@hachyderm.io", "me@priya.com",
        "https://example.com/Priya Raman", "Ünïcödé", "straße", "—", ",", ".", "_",
        "Priya_Raman", "priya-raman", "O'Neil", "ﬁne", "Ⅻ",
    ]  # fmt: skip
    credits = Credits(PEOPLE_KEYS)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert credits.names_someone(text) == bool(mentioning.matches(text, PEOPLE_KEYS)), text


def test_people_an_import_adds_are_found_by_name_and_handle():
    keys = new_people_keys([{"name": "Mei Chen"}, {"name": "Sam Lee", "x": "@samlee"}])
    assert keys == {"n:mei chen", "n:sam lee", "@samlee"}


MATCHER = Matcher(
    [
        ThemeTerms(1, ("kubernetes", "platform engineering")),
        ThemeTerms(2, ("hiring", "mentoring")),
        ThemeTerms(3, ("governance",)),
    ]
).match


def test_the_best_theme_by_the_inbox_matching_with_the_first_line_as_title():
    at = NOW - timedelta(days=1)
    assert title_and_text("  Hook line\nbody\nmore ") == ("Hook line", "body\nmore")
    both = post(1, at, "Hiring for our Kubernetes team\nWe are hiring, mentoring, kubernetes")
    assert post_theme(both, MATCHER, {1, 2, 3}) == 2  # two terms beat one
    hook = post(1, at, "Mentoring matters\nand so does kubernetes")
    assert post_theme(hook, MATCHER, {1, 2, 3}) == 2  # the first line weighs more
    assert post_theme(hook, MATCHER, {1, 3}) == 1  # theme 2 was deleted: the next best
    assert post_theme(post(1, at, "Nothing on topic"), MATCHER, {1, 2, 3}) is None
    assert post_theme(post(1, at, "", repost=True), MATCHER, {1, 2, 3}) is None


# --- the preview -------------------------------------------------------------------


def test_the_preview_counts_new_posts_per_platform_kind_and_local_year():
    new_year = datetime(2019, 12, 31, 23, 30, tzinfo=UTC)  # 2020 in Berlin
    posts = [
        post(1, new_year, "mine"),
        post(2, datetime(2019, 6, 1, 12, tzinfo=UTC), "see", link="https://example.com/x"),
        post(3, datetime(2021, 6, 1, 12, tzinfo=UTC), "", repost=True),
    ]
    result = plan(posts)
    preview = result.summary()["preview"]
    assert preview["by_platform"] == {"x": 3}
    assert preview["by_kind"] == {"original": 1, "share": 2}
    assert preview["by_year"] == {"2019": 1, "2020": 1, "2021": 1}
    assert list(preview["by_year"]) == ["2019", "2020", "2021"]
    assert (result.first, result.last) == (date(2019, 6, 1), date(2021, 6, 1))
    assert result.summary()["first"] == "2019-06-01"


def test_the_preview_gives_the_score_and_streak_with_and_without_the_history():
    # Logged: this week and last week. The file: the six weeks before, one post each.
    existing = [NOW - timedelta(days=1), NOW - timedelta(days=8)]
    weekly = [post(n, NOW - timedelta(days=7 * n + 1)) for n in range(2, 8)]
    result = plan(weekly, logged(post_times=existing))
    preview = result.summary()["preview"]
    assert preview["streak_now"] == {"current": 2, "longest": 2}
    assert preview["streak"] == {"current": 8, "longest": 8}
    all_times = existing + [p.posted_at for p in weekly]
    today = NOW.astimezone(BERLIN).date()
    assert preview["score"] == score_percent(
        presence_score(local_day_counts(all_times, BERLIN), today, 1, 7)
    )
    assert preview["score_now"] == score_percent(
        presence_score(local_day_counts(existing, BERLIN), today, 1, 7)
    )
    assert preview["score"] > preview["score_now"] > 0


def test_the_preview_honours_planned_breaks():
    from app.types import Break

    # Weekly posts, but none in the four weeks of a summer break: the streak runs on.
    weeks = [n for n in range(0, 12) if not 3 <= n <= 6]
    posts = [post(n, NOW - timedelta(days=7 * n)) for n in weeks]
    monday = date(2026, 11, 23)
    away = Break(1, monday - timedelta(weeks=6), monday - timedelta(weeks=3) + timedelta(days=6))
    without = plan(posts).summary()["preview"]["streak"]
    with_break = plan(posts, breaks=BreakDays([away])).summary()["preview"]["streak"]
    assert without == {"current": 3, "longest": 5}
    times = [p.posted_at for p in posts]
    expected = streak(times, NOW, BERLIN, 1, BreakDays([away]))
    assert with_break == {"current": expected.weeks, "longest": expected.longest}
    assert with_break["current"] == 8


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_summary_has_every_key_of_the_contract(dry_run):
    summary = plan([post(1, NOW - timedelta(days=1))]).summary(dry_run=dry_run)
    assert set(summary) == {
        "platform", "posts_added", "posts_skipped", "engagement_added", "people_added",
        "first", "last", "errors", "preview", "dry_run",
    }  # fmt: skip
    assert set(summary["preview"]) == {
        "by_platform", "by_kind", "by_year", "score", "streak", "score_now", "streak_now",
    }  # fmt: skip
    assert summary["dry_run"] is dry_run and summary["platform"] == "x"
    assert summary["first"] == summary["last"] == "2026-11-22"
