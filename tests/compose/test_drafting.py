"""From an item to a logged post through the planner: drafting, re-drafting with the
take kept, states, marking posted (when, where, kind), undo, history checks."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.compose.context import TAKE_PLACEHOLDER
from app.compose.drafts import take_in_text
from app.errors import DigwellError
from app.feeds.parse import parse_feed
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import themes as themes_q
from app.strategy.scoring import current_scorer
from app.types import Theme

DATA = Path(__file__).parents[1] / "feeds" / "data"


@pytest.fixture
def item_ids(db, planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    with db.transaction() as conn:
        theme_id = themes_q.save_theme(
            conn, Theme(id=0, name="Platform engineering", keywords=("golden",),
                        hashtags=("PlatformEngineering", "#DevEx"))
        )  # fmt: skip
        feed_id = feeds_q.add_feed(conn, "https://golden.example/feed", "Golden RSS", clock.now())
        feeds_q.set_feed_themes(conn, feed_id, [theme_id])
        items_q.upsert_entries(conn, feed_id, entries, clock.now(), current_scorer(conn))
    ids = planner.inbox.ids()
    # Items with a web link first (the feed also has one with a javascript: link).
    return sorted(ids, key=lambda i: not planner.inbox.item(i).link)


def _posted(planner, item_id, kind_template="quick-share", when=None, platform="linkedin"):
    draft = planner.drafting.new_draft([item_id], kind_template, platform, take="Worth it.")
    return planner.drafting.mark_posted(draft.id, platform, posted_at=when)


def test_a_new_draft_keeps_its_origin(planner, item_ids):
    draft = planner.drafting.new_draft(item_ids[:1], "quick-share", "x", take="Read this.")
    assert draft.item_ids == (item_ids[0],) and draft.template == "quick-share"
    assert draft.platform == "x" and draft.state == "draft"
    assert draft.theme == "Platform engineering" and draft.take == "Read this."
    assert draft.text.startswith("Read this.")


def test_redraft_keeps_the_take_the_user_typed_over_the_placeholder(planner, item_ids):
    draft = planner.drafting.new_draft(item_ids[:1], "quick-share", "linkedin")
    assert TAKE_PLACEHOLDER in draft.text
    planner.drafting.save_draft(draft.id, text=draft.text.replace(TAKE_PLACEHOLDER, "We did this."))
    again = planner.drafting.redraft(draft.id, "question-to-network", "linkedin")
    assert again.template == "question-to-network"
    assert "We did this." in again.text and TAKE_PLACEHOLDER not in again.text
    assert again.take == "We did this."


def test_redraft_with_a_reworked_text_falls_back_to_the_stored_take(planner, item_ids):
    draft = planner.drafting.new_draft(item_ids[:1], "quick-share", "linkedin", take="Stored take.")
    planner.drafting.save_draft(draft.id, text="Completely rewritten by hand.")
    again = planner.drafting.redraft(draft.id, "quick-share", "x")
    assert again.text.startswith("Stored take.") and again.platform == "x"


def test_take_in_text_finds_what_replaced_the_marker():
    frame = "Intro\nMARK\n\nLink: x"
    assert take_in_text("Intro\nMy words\n\nLink: x", frame, "MARK", "old") == "My words"
    assert take_in_text(f"Intro\n{TAKE_PLACEHOLDER}\n\nLink: x", frame, "MARK", "old") == ""
    assert take_in_text("Rewritten", frame, "MARK", "old") == "old"


def test_original_post_without_items_uses_the_chosen_theme(planner, item_ids):
    theme = planner.strategy.themes()[0]
    draft = planner.drafting.new_draft([], "original-insight", "linkedin", take="Small teams win.",
                              theme_id=theme.id)  # fmt: skip
    assert draft.item_ids == () and draft.theme == theme.name
    assert "Small teams win." in draft.text and "http" not in draft.text


def test_states_plan_archive_restore_and_filters(planner, item_ids):
    a = planner.drafting.new_draft(item_ids[:1])
    b = planner.drafting.new_draft(item_ids[1:2])
    assert planner.drafting.set_draft_state(a.id, "planned").state == "planned"
    assert planner.drafting.set_draft_state(b.id, "archived").state == "archived"
    assert [d.id for d in planner.drafting.drafts(("planned",))] == [a.id]
    assert [d.id for d in planner.drafting.drafts(("archived",))] == [b.id]
    assert planner.drafting.draft_count() == 1
    assert planner.drafting.set_draft_state(b.id, "draft").state == "draft"
    with pytest.raises(DigwellError, match="cannot be set to 'posted'"):
        planner.drafting.set_draft_state(a.id, "posted")


def test_mark_posted_at_an_earlier_time_with_the_templates_kind(planner, item_ids, clock):
    earlier = clock.now() - timedelta(days=2, hours=3)
    post = _posted(planner, item_ids[0], "credit-the-author", when=earlier)
    assert post.posted_at == earlier and post.kind == "credit"
    assert post.link and post.theme_id == planner.strategy.themes()[0].id
    with pytest.raises(DigwellError, match="in the future"):
        draft = planner.drafting.new_draft(item_ids[1:2], take="x")
        planner.drafting.mark_posted(
            draft.id, "linkedin", posted_at=clock.now() + timedelta(hours=2)
        )


def test_undo_posted_takes_the_post_out_and_reopens_the_draft(planner, item_ids):
    post = _posted(planner, item_ids[0])
    assert planner.cadence.week_progress().posts == 1
    draft = planner.drafting.undo_posted(post.id)
    assert draft is not None and draft.state == "draft"
    assert planner.cadence.posts() == [] and planner.cadence.week_progress().posts == 0
    assert planner.drafting.post_of_draft(draft.id) is None
    again = planner.drafting.mark_posted(draft.id, "x")
    assert planner.drafting.post_of_draft(draft.id) == again


def test_history_notes_a_link_already_shared(planner, item_ids, clock):
    _posted(planner, item_ids[0], when=datetime(2026, 5, 3, 9, 0, tzinfo=timezone.utc))
    draft = planner.drafting.new_draft(item_ids[:1])
    notes = planner.drafting.history_notes(draft.id)
    assert "You already shared this link on 3 May 2026 (LinkedIn)." in notes


def test_history_notes_posts_all_about_yourself(planner, item_ids, clock):
    for days in range(5, 0, -1):
        draft = planner.drafting.new_draft([], "original-insight", take=f"Thought {days}",
                                  theme_id=planner.strategy.themes()[0].id)  # fmt: skip
        planner.drafting.mark_posted(
            draft.id, "linkedin", posted_at=clock.now() - timedelta(days=days)
        )
    draft = planner.drafting.new_draft(
        [], "original-insight", theme_id=planner.strategy.themes()[0].id
    )
    (note,) = [n for n in planner.drafting.history_notes(draft.id) if "your own work" in n]
    assert note.startswith("5 of your last 5 posts were about your own work and none credited")
    # A share of someone else's work is not flagged.
    share = planner.drafting.new_draft(item_ids[:1])
    assert not any("your own work" in n for n in planner.drafting.history_notes(share.id))


def test_history_notes_a_theme_gone_quiet(planner, item_ids, clock):
    _posted(planner, item_ids[0], when=clock.now() - timedelta(weeks=5, days=1))
    draft = planner.drafting.new_draft(item_ids[1:2])
    assert "You have not posted on Platform engineering for 5 weeks: good timing." in (
        planner.drafting.history_notes(draft.id)
    )


def test_a_new_user_hears_no_history_notes(planner, item_ids):
    assert planner.drafting.history_notes(planner.drafting.new_draft(item_ids[:1]).id) == []


def test_compose_links_prefill_the_text(planner):
    assert planner.drafting.platforms.compose_link("x", "Hi & bye #t").startswith(
        "https://x.com/intent/post?text=Hi%20%26%20bye%20%23t"
    )
    assert "linkedin.com" in planner.drafting.platforms.compose_link("linkedin", "a")
    with pytest.raises(DigwellError, match="Mastodon server"):
        planner.drafting.platforms.compose_link("mastodon", "a")
    planner.drafting.platforms.set_mastodon("https://Fosstodon.org/@me", 1000)
    assert (
        planner.drafting.platforms.compose_link("mastodon", "a b")
        == "https://fosstodon.org/share?text=a%20b"
    )
    assert planner.drafting.platforms.limit("mastodon") == 1000
    assert planner.drafting.count("x" * 600, "mastodon").limit == 1000
    with pytest.raises(DigwellError, match="not a Mastodon server"):
        planner.drafting.platforms.set_mastodon("not a host")


def test_mark_posted_refuses_any_placeholder_left_to_fill(planner, item_ids):
    draft = planner.drafting.new_draft(item_ids[:1], "three-lessons", take="Good one.")
    assert "[Your " in draft.text
    with pytest.raises(DigwellError, match=r"still has a placeholder to fill: \[Your "):
        planner.drafting.mark_posted(draft.id, "linkedin")
    assert planner.cadence.posts() == []
