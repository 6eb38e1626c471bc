"""An item written by one of the user's people says so in its reason (docs/PEOPLE.md,
"In the inbox"): "by Priya Raman, one of your people; last touch 5 months ago"."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.feeds.parse import parse_feed
from app.inbox.reasons import by_person, with_person
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import themes as themes_q
from app.strategy.scoring import current_scorer
from app.types import Theme

DATA = Path(__file__).parents[1] / "feeds" / "data"
TODAY = date(2026, 11, 23)


def test_the_reason_says_when_the_last_touch_was():
    assert by_person("Priya Raman", TODAY - timedelta(days=155), TODAY) == (
        "by Priya Raman, one of your people; last touch 5 months ago"
    )
    assert by_person("Priya Raman", TODAY, TODAY) == (
        "by Priya Raman, one of your people; last touch today"
    )
    assert by_person("Sam", None, TODAY) == "by Sam, one of your people; no touch yet"


def test_the_persons_reason_follows_the_themes():
    assert with_person(
        "Leadership: mentor (title)", "by Sam, one of your people; no touch yet"
    ) == ("Leadership: mentor (title) · by Sam, one of your people; no touch yet")
    assert with_person("", "by Sam, one of your people; no touch yet") == (
        "by Sam, one of your people; no touch yet"
    )
    assert with_person("Leadership", "") == "Leadership"


@pytest.fixture
def items(db, planner, clock):
    """The sample feed's items by author (none matches a theme: the scores predate it)."""
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    with db.transaction() as conn:
        theme_id = themes_q.save_theme(
            conn, Theme(id=0, name="Platform engineering", keywords=("golden",))
        )
        feed_id = feeds_q.add_feed(conn, "https://golden.example/feed", "Golden RSS", clock.now())
        feeds_q.set_feed_themes(conn, feed_id, [theme_id])
        items_q.upsert_entries(conn, feed_id, entries, clock.now(), current_scorer(conn))
    return {planner.inbox.item(i).author: i for i in planner.inbox.ids()}


def test_an_item_by_one_of_your_people_says_so_in_the_list_and_the_preview(demo_planner):
    inbox = demo_planner.inbox
    item = next(
        inbox.item(i)
        for i in inbox.ids()
        if inbox.item(i).best_theme
        and inbox.item(i).author
        and "one of your people" not in inbox.item(i).reason
    )
    before = inbox.rows([item.id])[item.id].reason
    assert before.startswith(item.best_theme)
    author = demo_planner.people.add(item.author)
    row = inbox.rows([item.id])[item.id]
    assert row.reason == f"{before} · by {author.name}, one of your people; no touch yet"
    demo_planner.people.touch(author.id, "talked", TODAY - timedelta(days=155))
    assert inbox.item(item.id).reason == (
        f"{before} · by {author.name}, one of your people; last touch 5 months ago"
    )


def test_an_item_matching_no_theme_still_says_who_wrote_it(planner, items):
    grace_item = items["Grace Editor"]
    assert planner.inbox.rows([grace_item])[grace_item].reason == ""
    planner.people.add("Grace Editor")
    assert planner.inbox.rows([grace_item])[grace_item].reason == (
        "by Grace Editor, one of your people; no touch yet"
    )
    assert planner.inbox.item(grace_item).reason == (
        "by Grace Editor, one of your people; no touch yet"
    )


def test_archived_people_are_not_named(planner, items):
    ada_item = items["Ada Q. Writer"]
    ada = planner.people.add("Ada Q. Writer")
    planner.people.archive([ada.id])
    assert "one of your people" not in planner.inbox.rows([ada_item])[ada_item].reason
