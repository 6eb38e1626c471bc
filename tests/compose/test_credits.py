"""Touches that come by themselves (docs/PEOPLE.md): who a draft credits, the touches
marking it posted logs, and Undo posted, deleting and restoring the post taking them
back and forth. The clock stands at Monday 23 November 2026, 10:00 in Berlin."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.compose.credits import Credit
from app.feeds.parse import parse_feed
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import themes as themes_q
from app.strategy.scoring import current_scorer
from app.types import Changes, Theme

DATA = Path(__file__).parents[1] / "feeds" / "data"
TODAY = date(2026, 11, 23)


@pytest.fixture
def ada_item(db, planner, clock):
    """The item "Golden paths, not golden cages" by Ada Q. Writer."""
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    with db.transaction() as conn:
        theme_id = themes_q.save_theme(
            conn, Theme(id=0, name="Platform engineering", keywords=("golden",))
        )
        feed_id = feeds_q.add_feed(conn, "https://golden.example/feed", "Golden RSS", clock.now())
        feeds_q.set_feed_themes(conn, feed_id, [theme_id])
        items_q.upsert_entries(conn, feed_id, entries, clock.now(), current_scorer(conn))
    (item_id,) = [i for i in planner.inbox.ids() if planner.inbox.item(i).author == "Ada Q. Writer"]
    return item_id


@pytest.fixture
def ada(planner, ada_item):
    return planner.people.add(
        "Ada Q. Writer", circle="Colleagues", x="@adaw", mastodon="@ada@hachyderm.io"
    )


@pytest.fixture
def sam(planner):
    return planner.people.add("Sam Rivera", x="@samr", bluesky="samr.bsky.social")


@pytest.fixture
def announced(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    return seen


def _draft(planner, item_ids, text, template="quick-share", platform="linkedin"):
    draft = planner.drafting.new_draft(item_ids, template, platform, text=text)
    return draft


# --- who a draft credits -----------------------------------------------------------


def test_a_draft_credits_its_items_author_and_the_people_it_names(planner, ada_item, ada, sam):
    draft = _draft(planner, [ada_item], "Read this, Sam Rivera. Golden paths win.")
    assert planner.drafting.credits(draft.id) == [
        Credit(ada.id, "Ada Q. Writer", "credited"),
        Credit(sam.id, "Sam Rivera", "credited"),
    ]


def test_while_typing_the_text_and_platform_on_screen_count(planner, ada, sam):
    draft = _draft(planner, [], "Nobody yet.", "original-insight")
    assert planner.drafting.credits(draft.id) == []
    typed = planner.drafting.credits(draft.id, "cc @samr and @ada@hachyderm.io", "x")
    assert [c.name for c in typed] == ["Sam Rivera", "Ada Q. Writer"]


def test_archived_people_are_never_credited(planner, ada_item, ada, sam):
    planner.people.archive([ada.id, sam.id])
    draft = _draft(planner, [ada_item], "With Sam Rivera and @adaw.")
    assert planner.drafting.credits(draft.id) == []


def test_the_thank_template_logs_thanks(planner, sam):
    draft = planner.drafting.new_draft([], "thank-a-colleague", "x", take="Sam Rivera helped.")
    assert planner.drafting.templates.info("thank-a-colleague").touch == "thanked"
    assert planner.drafting.credits(draft.id) == [Credit(sam.id, "Sam Rivera", "thanked")]


# --- marking posted and taking it back ----------------------------------------------


def test_marking_posted_logs_a_touch_on_the_posts_day_and_moves_the_due_date(
    planner, ada_item, ada, sam, announced
):
    draft = _draft(planner, [ada_item], "Thanks @samr for the pointer.", platform="x")
    # Posted late on Sunday evening in Berlin: the touch is on Sunday.
    when = datetime(2026, 11, 22, 22, 30, tzinfo=timezone.utc)
    post = planner.drafting.mark_posted(draft.id, "x", posted_at=when)
    assert announced[-1].people and announced[-1].posts
    for person in (ada, sam):
        (touch,) = planner.people.touches(person.id)
        assert (touch.kind, touch.on, touch.post_id, touch.auto) == (
            "credited",
            date(2026, 11, 22),
            post.id,
            True,
        )
        assert touch.post_platform == "x" and "@samr" in touch.post_text
    after = planner.people.get(ada.id)
    assert after.last_touch == date(2026, 11, 22) and after.gives == 1
    assert after.due_on == date(2026, 11, 22) + timedelta(days=90)  # Colleagues: 90/120
    # The posted draft shows the touches it logged.
    assert [c.person_id for c in planner.drafting.credits(draft.id)] == [ada.id, sam.id]


def test_undo_posted_takes_the_touches_back(planner, ada_item, ada, announced):
    draft = _draft(planner, [ada_item], "Golden.")
    post = planner.drafting.mark_posted(draft.id, "linkedin")
    assert planner.people.get(ada.id).last_touch == TODAY
    planner.people.touch(ada.id, "talked", TODAY - timedelta(days=3))  # by hand: stays
    planner.drafting.undo_posted(post.id)
    assert announced[-1].people
    assert [t.kind for t in planner.people.touches(ada.id)] == ["talked"]
    assert planner.people.get(ada.id).last_touch == TODAY - timedelta(days=3)
    assert planner.drafting.credits(draft.id) == [Credit(ada.id, "Ada Q. Writer", "credited")]


def test_a_draft_crediting_nobody_announces_no_people(planner, announced):
    draft = _draft(planner, [], "Just me.", "original-insight")
    planner.drafting.mark_posted(draft.id, "linkedin")
    assert not announced[-1].people


def test_deleting_the_post_takes_its_touches_and_restoring_puts_them_back(
    planner, ada_item, ada, sam, announced
):
    draft = _draft(planner, [ada_item], "With Sam Rivera.")
    post = planner.drafting.mark_posted(draft.id, "linkedin")
    log = planner.cadence.log
    deleted = log.delete(post.id)
    assert deleted.id == post.id and announced[-1].people
    assert planner.people.touches(ada.id) == [] and planner.people.get(sam.id).gives == 0
    assert {t.person_id for t in log.taken_touches(post.id)} == {ada.id, sam.id}
    restored = log.restore(deleted)
    assert announced[-1].people
    for person in (ada, sam):
        (touch,) = planner.people.touches(person.id)
        assert (touch.post_id, touch.auto, touch.on) == (restored.id, True, TODAY)
    assert planner.people.get(sam.id).last_touch == TODAY
    assert log.taken_touches(post.id) == []


def test_restoring_leaves_out_people_deleted_meanwhile(planner, ada_item, ada, sam):
    draft = _draft(planner, [ada_item], "With Sam Rivera.")
    post = planner.drafting.mark_posted(draft.id, "linkedin")
    log = planner.cadence.log
    deleted = log.delete(post.id)
    planner.people.delete(sam.id)
    log.restore(deleted)
    assert [t.post_id for t in planner.people.touches(ada.id)] == [post.id]


# --- mentions in rendered drafts -------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "thanks"),
    [
        ("linkedin", "Thanks to Ada Q. Writer for"),
        ("x", "Thanks to @adaw for"),
        ("mastodon", "Thanks to @ada@hachyderm.io for"),
        ("bluesky", "Thanks to Ada Q. Writer for"),  # no Bluesky handle: the name
    ],
)
def test_crediting_the_author_mentions_them_as_the_platform_does(
    planner, ada_item, ada, platform, thanks
):
    draft = planner.drafting.new_draft([ada_item], "credit-the-author", platform, take="Yes.")
    assert draft.text.startswith(thanks)


def test_an_author_who_is_not_one_of_your_people_is_credited_by_name(planner, ada_item):
    draft = planner.drafting.new_draft([ada_item], "credit-the-author", "x", take="Yes.")
    assert draft.text.startswith("Thanks to Ada Q. Writer for")
    assert planner.drafting.credits(draft.id) == []


def test_templates_see_the_authors_person_and_mention():
    from app.compose.context import build_context
    from app.compose.platforms import platform
    from app.types import Item, Person, Profile

    item = Item(7, 1, "A title", "https://a.example/post", "Ada Q. Writer", "", "", "", None)
    blog = item._replace(id=8, author="")  # linked by its feed: their blog
    ada = Person(3, "Ada Q. Writer", x="@adaw")
    context = build_context(
        [item, blog],
        theme=None,
        profile=Profile(),
        take="",
        platform=platform("x"),
        authors={7: ada, 8: ada},
    )
    assert context["author"] == {"name": "Ada Q. Writer", "mention": "@adaw", "person": True}
    assert context["items"][1]["author"] == "Ada Q. Writer"
    assert context["items"][1]["mention"] == "@adaw"
    plain = build_context(
        [item], theme=None, profile=Profile(), take="", platform=platform("linkedin")
    )
    assert plain["author"] == {"name": "Ada Q. Writer", "mention": "Ada Q. Writer", "person": False}
    guest = item._replace(id=9, author="Sam Guest")  # on Ada's blog, by someone else
    on_blog = build_context(
        [guest], theme=None, profile=Profile(), take="", platform=platform("x"), authors={9: ada}
    )
    assert on_blog["author"] == {"name": "Sam Guest", "mention": "Sam Guest", "person": False}
    empty = build_context([], theme=None, profile=Profile(), take="", platform=platform("x"))
    assert empty["author"] == {"name": "", "mention": "", "person": False}
