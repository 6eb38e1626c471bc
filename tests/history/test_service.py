"""planner.history (docs/HISTORY.md): a reader's records planned against what Digwell
holds without writing, written in one transaction, a re-import adding nothing, posts
logged by hand recognised, kinds from the user's people, themes from the strategy, a
LinkedIn export's connections imported as people, and a preview that is what the
cadence report says afterwards. The clock stands at Monday 23 November 2026, 10:00 in
Berlin."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.cadence.score import score_percent
from app.history.records import Engagement, HistoryFile, HistoryPost
from app.store import posts as posts_q
from app.strategy.strategy import Strategy
from app.types import Changes, Profile, Theme
from tests.conftest import NOW

UTC = timezone.utc
CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses'
    ' are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Priya,Raman,https://www.linkedin.com/in/priya-raman,priya@example.com,Acme,Engineer,"
    "24 Aug 2023\n"
    "Mei,Chen,https://www.linkedin.com/in/mei-chen,,Globex,Designer,03 Feb 2021\n"
)


def tweet(n: int, days_ago: float, text: str = "A thought", **fields: object) -> HistoryPost:
    return HistoryPost(
        platform=str(fields.pop("platform", "x")),
        external_id=str(n),
        posted_at=NOW - timedelta(days=days_ago),
        text=text,
        url=str(fields.pop("url", f"https://x.com/me/status/{n}")),
        **fields,  # type: ignore[arg-type]
    )


def x_file(*posts: HistoryPost, engagement=(), connections: bytes | None = None) -> HistoryFile:
    platform = posts[0].platform if posts else "x"
    return HistoryFile(platform, list(posts), list(engagement), [], connections)


@pytest.fixture
def history(planner):
    return planner.history


@pytest.fixture
def announced(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    return seen


def _rows(db):
    return [
        tuple(r)
        for r in db.read(
            "SELECT platform, external_id, source, kind, theme_id, url, link, text FROM posts"
            " ORDER BY posted_at"
        )
    ]


def test_planning_writes_nothing_and_applying_writes_it_all_once(history, db, announced):
    found = x_file(
        tweet(1, 30, "Older thought"),
        tweet(2, 3, "Worth reading", link="https://example.com/a"),
        engagement=[Engagement("x", "reply", "r1", NOW - timedelta(days=2))],
    )
    plan = history.plan(found)
    assert _rows(db) == [] and announced == []
    assert plan.summary()["posts_added"] == 2 and plan.summary()["dry_run"] is True
    summary = history.apply(plan)
    assert announced == [Changes(posts=True)]
    assert _rows(db) == [
        ("x", "1", "x-archive", "original", None, "https://x.com/me/status/1", "", "Older thought"),
        (
            "x", "2", "x-archive", "share", None, "https://x.com/me/status/2",
            "https://example.com/a", "Worth reading",
        ),
    ]  # fmt: skip
    assert db.read("SELECT platform, kind, external_id, source FROM engagement")[0][:] == (
        "x",
        "reply",
        "r1",
        "x-archive",
    )
    assert summary["posts_added"] == 2 and summary["engagement_added"] == 1
    assert summary["dry_run"] is False
    assert (summary["first"], summary["last"]) == ("2026-10-24", "2026-11-20")

    again = history.plan(found)
    assert again.summary()["posts_added"] == 0 and again.summary()["posts_skipped"] == 2
    assert again.summary()["engagement_added"] == 0
    assert history.apply(again)["posts_added"] == 0
    assert len(_rows(db)) == 2 and announced == [Changes(posts=True)]  # nothing new: silent


def test_posts_logged_in_digwell_are_recognised(planner, history, db):
    with db.transaction() as conn:
        # Marked as posted: the item's link, a few minutes before the platform's time.
        posts_q.add_post(
            conn,
            posted_at=NOW - timedelta(days=5, minutes=4),
            platform="x",
            link="https://example.com/golden-paths",
        )
        # From a CSV file, with the post's address.
        posts_q.add_post(
            conn,
            posted_at=NOW - timedelta(days=9),
            platform="x",
            url="https://twitter.com/me/status/9",
        )
    found = x_file(
        tweet(5, 5, "Golden paths", link="https://example.com/golden-paths"),
        tweet(9, 9),
        tweet(10, 10, "Golden paths again", link="https://example.com/golden-paths"),
    )
    summary = history.apply(history.plan(found))
    assert (summary["posts_added"], summary["posts_skipped"]) == (1, 2)
    assert [r[1] for r in _rows(db) if r[1] is not None] == ["10"]


def test_posts_naming_the_users_people_are_credits(planner, history, db):
    planner.people.add("Priya Raman", x="@priya")
    gone = planner.people.add("Sam Lee")
    planner.people.archive([gone.id])
    found = x_file(
        tweet(1, 3, "Thanks @priya for the review"),
        tweet(2, 2, "Pairing with Priya Raman today", link="https://example.com/p"),
        tweet(3, 1, "Sam Lee taught me this"),  # archived: never credited
        tweet(4, 1, "RT @priya: our launch", repost=True),
    )
    history.apply(history.plan(found))
    assert [r[3] for r in _rows(db)] == ["credit", "credit", "original", "share"]


def _weekly_target(planner, target: int) -> None:
    planner.strategy.save(
        Strategy(Profile(), (Theme(0, "Platform", ("kubernetes",)),), weekly_target=target)
    )


def _with_themes(planner):
    """Two themes with keywords, the inbox ranked by them (what the matching uses)."""
    planner.strategy.save(
        Strategy(
            Profile(),
            (
                Theme(0, "Platform", ("kubernetes", "platform engineering")),
                Theme(0, "Leadership", ("hiring", "mentoring")),
            ),
        )
    )
    planner.inbox.rescore()
    return {t.name: t.id for t in planner.strategy.themes()}


def test_posts_get_the_best_theme_by_the_inbox_matching(planner, history, db):
    themes = _with_themes(planner)
    found = x_file(
        tweet(1, 3, "Kubernetes upgrades without fear"),
        tweet(2, 2, "Mentoring is hiring's other half\nalso kubernetes"),
        tweet(3, 1, "Lunch"),
    )
    history.apply(history.plan(found))
    assert [r[4] for r in _rows(db)] == [themes["Platform"], themes["Leadership"], None]


def test_a_linkedin_export_imports_its_connections_as_people(planner, history, db, announced):
    found = x_file(
        tweet(1, 3, "Thanks Mei Chen for the sketch", platform="linkedin"),
        connections=CONNECTIONS.encode(),
    )
    plan = history.plan(found)
    assert plan.summary()["people_added"] == 2 and planner.people.count() == 0
    assert plan.posts[0].kind == "credit"  # she is one of the people it adds
    summary = history.apply(plan)
    assert summary["people_added"] == 2 and summary["platform"] == "linkedin"
    assert announced == [Changes(posts=True, people=True)]
    people = {p.name: p for p in planner.people.everyone()}
    assert sorted(people) == ["Mei Chen", "Priya Raman"]
    assert people["Priya Raman"].email == ""  # e-mail addresses are not kept
    assert people["Priya Raman"].circle == planner.people.circles()[-1].name
    assert _rows(db)[0][2] == "linkedin-export"
    # Again: nobody twice.
    assert history.apply(history.plan(found))["people_added"] == 0
    assert planner.people.count() == 2


def test_a_connections_file_that_cannot_be_read_is_a_problem_not_a_refusal(planner, history):
    found = x_file(tweet(1, 3, platform="linkedin"), connections=b"Name,Phone\nPriya,123\n")
    summary = history.apply(history.plan(found))
    assert summary["posts_added"] == 1 and summary["people_added"] == 0
    (error,) = summary["errors"]
    assert error["where"].startswith("Connections.csv")
    assert planner.people.count() == 0


def test_the_preview_is_what_the_cadence_report_says_afterwards(planner, history, db):
    _weekly_target(planner, 1)
    with db.transaction() as conn:  # one post logged this week
        posts_q.add_post(conn, posted_at=NOW - timedelta(hours=1), platform="x")
    before = planner.cadence.report()
    posts = [tweet(n, 7 * n - 0.5) for n in range(1, 40)] + [tweet(99, 400)]
    plan = history.plan(x_file(*posts))
    preview = plan.summary()["preview"]
    assert preview["score_now"] == score_percent(before.score)
    assert preview["streak_now"] == {"current": 1, "longest": 1}
    history.apply(plan)
    after = planner.cadence.report()
    assert preview["score"] == score_percent(after.score) > preview["score_now"]
    assert preview["streak"] == {"current": after.streak.weeks, "longest": after.streak.longest}
    assert preview["streak"]["current"] == 40
    assert after.total_posts == 41


def test_the_preview_honours_planned_breaks(planner, history):
    # Weekly posts but for four weeks away in the summer, planned as a break.
    _weekly_target(planner, 1)
    posts = [tweet(n, 7 * n + 1) for n in range(0, 20) if not 5 <= n <= 8]
    planner.cadence.add_break(date(2026, 9, 19), date(2026, 10, 18), "Summer")
    plan = history.plan(x_file(*posts))
    history.apply(plan)
    report = planner.cadence.report()
    assert plan.summary()["preview"]["streak"]["current"] == report.streak.weeks == 16


def test_engagement_weeks_counts_comments_and_replies_per_calendar_week(history):
    at = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)  # Monday 09:30 in Berlin: this week
    engagement = [
        Engagement("linkedin", "comment", "c1", at),
        Engagement("linkedin", "comment", "c2", datetime(2026, 11, 22, 22, 30, tzinfo=UTC)),
        Engagement("linkedin", "comment", "c3", datetime(2026, 11, 16, 0, 30, tzinfo=UTC)),
        Engagement("linkedin", "comment", "c4", datetime(2026, 9, 1, 12, tzinfo=UTC)),
    ]
    history.apply(history.plan(HistoryFile("linkedin", [], engagement, [])))
    weeks = history.engagement_weeks(3)
    # 22:30 UTC on Sunday the 22nd is 23:30 in Berlin: last week; 00:30 UTC on the 16th
    # is 01:30 on Monday the 16th.
    assert weeks == [(date(2026, 11, 9), 0), (date(2026, 11, 16), 2), (date(2026, 11, 23), 1)]
    assert len(history.engagement_weeks()) == 12
    assert history.engagement_weeks()[-1] == (date(2026, 11, 23), 1)


def test_per_source_counts_what_came_from_where(planner, history, db):
    with db.transaction() as conn:
        posts_q.add_post(conn, posted_at=NOW - timedelta(days=1), platform="x")
    history.apply(
        history.plan(
            x_file(
                tweet(1, 2),
                tweet(2, 3),
                engagement=[Engagement("x", "reply", "r", NOW - timedelta(days=1))],
            )
        )
    )
    assert history.per_source() == {"": (1, 0), "x-archive": (2, 1)}


def test_changed_elsewhere_announces_posts_and_people(history, announced):
    history.changed_elsewhere()
    assert announced == [Changes(posts=True, people=True, items=True)]


def test_read_file_reads_and_plans_telling_its_progress_in_thousandths(history, db, tmp_path):
    from tests.history.export_files import x_archive_zip

    archive = x_archive_zip(tmp_path / "twitter.zip", 3000)
    seen: list[tuple[int, int]] = []
    plan = history.read_file(archive, on_progress=lambda done, total: seen.append((done, total)))
    assert _rows(db) == []  # reading writes nothing
    assert {total for _, total in seen} == {1000}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == 1000 and any(0 < d < 900 for d in done)
    assert plan.platform == "x" and plan.source == "x-archive" and len(plan.posts) > 500
    assert history.read_file(archive).summary() == plan.summary()
    assert history.apply(plan)["posts_added"] == len(plan.posts) == len(_rows(db))


def test_a_refused_file_is_an_error_and_writes_nothing(history, db, tmp_path):
    from app.errors import DigwellError

    path = tmp_path / "outbox.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(DigwellError):
        history.read_file(path)
    assert _rows(db) == []
