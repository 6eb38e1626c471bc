from datetime import timedelta
from pathlib import Path

import pytest

from app.compose.context import TAKE_PLACEHOLDER
from app.errors import DigwellError
from app.feeds.parse import parse_feed
from app.planner import Planner
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.strategy.scoring import current_scorer

DATA = Path(__file__).parent / "feeds" / "data"


@pytest.fixture
def item_id(db, planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://golden.example/feed", "Golden RSS", clock.now())
        items_q.upsert_entries(conn, feed_id, entries, clock.now(), current_scorer(conn))
    return next(i for i in planner.inbox.ids() if planner.inbox.item(i).title.startswith("Golden"))


def test_draft_for_item_renders_once_then_reopens_the_same_draft(planner, item_id):
    draft = planner.drafting.draft_for_item(item_id)
    assert draft.item_ids == (item_id,)
    assert draft.template == "quick-share" and draft.state == "draft"
    assert "https://golden.example/paths" in draft.text and "Golden RSS" in draft.text
    planner.drafting.save_draft(draft.id, text="My own words.")
    again = planner.drafting.draft_for_item(item_id)
    assert again.id == draft.id and again.text == "My own words."


def _drafted(planner, item_id):
    draft = planner.drafting.draft_for_item(item_id)
    planner.drafting.save_draft(
        draft.id, text=draft.text.replace(TAKE_PLACEHOLDER, "Worth reading.")
    )
    return planner.drafting.draft(draft.id)


def test_mark_posted_refuses_a_draft_that_still_has_the_placeholder(planner, item_id):
    draft = planner.drafting.draft_for_item(item_id)
    with pytest.raises(DigwellError, match="placeholder for your take"):
        planner.drafting.mark_posted(draft.id, "linkedin")
    assert planner.cadence.posts() == [] and planner.drafting.draft(draft.id).state == "draft"


def test_mark_posted_logs_the_post_and_counts_this_week(planner, item_id, clock):
    draft = _drafted(planner, item_id)
    assert planner.cadence.week_progress().posts == 0
    post = planner.drafting.mark_posted(draft.id, "mastodon", "https://social.example/@me/1")
    assert post.platform == "mastodon" and post.item_id == item_id
    assert post.posted_at == clock.now() and post.text == draft.text
    assert planner.drafting.draft(draft.id).state == "posted"
    progress = planner.cadence.week_progress()
    assert (progress.posts, progress.target) == (1, 3)
    # Next Monday the count starts again.
    clock.advance(timedelta(days=7))
    assert planner.cadence.week_progress().posts == 0


def test_marking_posted_again_makes_a_new_draft_for_the_item(planner, item_id):
    first = _drafted(planner, item_id)
    planner.drafting.mark_posted(first.id, "linkedin")
    with pytest.raises(DigwellError, match="already marked as posted"):
        planner.drafting.mark_posted(first.id, "linkedin")
    assert len(planner.cadence.posts()) == 1
    assert planner.drafting.draft_for_item(item_id).id != first.id


def test_mark_posted_refuses_a_post_link_that_is_not_a_web_address(planner, item_id):
    draft = _drafted(planner, item_id)
    with pytest.raises(DigwellError, match="is not a web address"):
        planner.drafting.mark_posted(draft.id, "linkedin", "javascript:alert(1)")
    assert planner.drafting.draft(draft.id).state == "draft"
    assert planner.cadence.posts() == []


def test_unknown_platform_is_refused(planner, item_id):
    draft = _drafted(planner, item_id)
    with pytest.raises(DigwellError, match="no platform 'myspace'"):
        planner.drafting.mark_posted(draft.id, "myspace")


def test_posts_and_drafts_survive_reopening(planner, item_id, data_dir, clock):
    draft = planner.drafting.draft_for_item(item_id)
    planner.drafting.save_draft(draft.id, text="Kept.")
    planner.drafting.mark_posted(draft.id, "linkedin")
    planner.close()
    reopened = Planner.open(data_dir, clock=clock)
    assert [d.text for d in reopened.drafting.drafts()] == ["Kept."]
    assert reopened.cadence.week_progress().posts == 1
    reopened.close()


def test_profile_ignores_unknown_or_malformed_settings(db, planner):
    from app.store.settings import set_setting

    with db.transaction() as conn:
        set_setting(conn, "profile", {"name": "Alex", "shoe_size": 44})
    assert planner.strategy.profile().name == "Alex"
    with db.transaction() as conn:
        set_setting(conn, "profile", "not a mapping")
    assert planner.strategy.profile().name == ""


def test_refresh_interval_defaults_to_an_hour(planner):
    assert planner.feeds.refresh_minutes() == 60


@pytest.mark.parametrize(
    ("asked", "kept"), [(5, 15), (15, 15), (90, 90), (1440, 1440), (100_000, 1440)]
)
def test_refresh_interval_is_clamped_to_between_15_minutes_and_a_day(planner, asked, kept):
    planner.feeds.set_refresh_minutes(asked)
    assert planner.feeds.refresh_minutes() == kept


@pytest.mark.parametrize("off", [0, -5])
def test_refresh_interval_zero_or_less_turns_automatic_refresh_off(planner, off):
    planner.feeds.set_refresh_minutes(30)
    planner.feeds.set_refresh_minutes(off)
    assert planner.feeds.refresh_minutes() == 0


def test_refresh_interval_survives_reopening(planner, data_dir, clock):
    planner.feeds.set_refresh_minutes(45)
    planner.close()
    again = Planner.open(data_dir, clock=clock)
    try:
        assert again.feeds.refresh_minutes() == 45
    finally:
        again.close()


def test_last_refresh_is_none_until_a_refresh_runs_even_with_nothing_due(db, planner, clock):

    assert planner.feeds.last_refresh() is None
    report = planner.feeds.refresh()
    assert report.feeds == 0
    assert planner.feeds.last_refresh() == clock.now()
    clock.advance(timedelta(minutes=30))
    planner.feeds.refresh()
    assert planner.feeds.last_refresh() == clock.now()
