"""Which inbox items the user's people wrote, and the lift they get (app/store/item_people.py,
docs/PEOPLE.md "Who wrote it"): by author, else by the feed's address; linked as items
are stored and again as people change; the boost moves rank keys and survives a re-score."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import DigwellError
from app.store import feeds as feeds_q
from app.store import item_people
from app.store import items as items_q
from app.store.settings import set_setting
from app.strategy.scoring import STRATEGY_VERSION_KEY, current_scorer
from app.types import Changes, ParsedEntry
from tests.feed_server import FeedServer

PRIYA_SITE = "https://priya.dev"


def _entry(key: str, author: str, days_old: float, now) -> ParsedEntry:
    return ParsedEntry(
        key=key,
        title=f"Post {key}",
        link=f"https://example.org/{key}",
        author=author,
        summary_html=f"<p>Text of {key}</p>",
        summary_text=f"Text of {key}",
        published=now - timedelta(days=days_old),
    )


def _store(db, planner, feed_url: str, entries: list[tuple[str, str, float]], site_url: str = ""):
    """Store (key, author, days old) entries in the feed at `feed_url`; {key: item id}."""
    now = planner.clock.now()
    with db.transaction() as conn:
        found = conn.execute("SELECT id FROM feeds WHERE url = ?", (feed_url,)).fetchone()
        feed_id = found[0] if found else feeds_q.add_feed(conn, feed_url, "", now)
        if site_url:
            feeds_q.record_success(conn, feed_id, "", site_url, now)
        parsed = [_entry(k, a, d, now) for k, a, d in entries]
        items_q.upsert_entries(conn, feed_id, parsed, now, current_scorer(conn))
    keys = [k for k, _, _ in entries]
    rows = db.read(
        f"SELECT key, id FROM items WHERE feed_id = ? AND key IN ({','.join('?' * len(keys))})",
        (feed_id, *keys),
    )
    return {r[0]: r[1] for r in rows}


def _authors(db, ids) -> dict[int, str]:
    """item id -> the linked person's name."""
    return {item: name for item, (_, name, _) in item_people.authors_of(db, ids).items()}


def _boosts(db) -> dict[int, float]:
    return {r[0]: r[1] for r in db.read("SELECT item_id, boost FROM ranks WHERE theme_id = 0")}


def _keys(db) -> dict[int, float]:
    return {r[0]: r[1] for r in db.read("SELECT item_id, rank_key FROM ranks WHERE theme_id = 0")}


@pytest.fixture
def announced(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    return seen


# --- matching authors -----------------------------------------------------------------


def test_items_stored_after_a_person_is_added_are_linked_by_author(db, planner):
    priya = planner.people.add("Priya Raman", x="@priyar", email="priya@example.com")
    sam = planner.people.add("Sam Lee")
    ids = _store(
        db,
        planner,
        "https://news.example/feed",
        [
            ("rss", "priya@example.com (Priya Raman)", 1),
            ("angle", "Priya Ráman <p@other.example>", 1),
            ("turned", "Raman, Priya", 1),
            ("several", "Ana Souza and Sam Lee", 1),
            ("handle", "@PriyaR", 1),
            ("mail", "PRIYA@example.com (P.)", 1),
            ("nobody", "Someone Else", 1),
            ("blank", "", 1),
        ],
    )
    linked = item_people.authors_of(db, ids.values())
    assert {k: linked[i][0] for k, i in ids.items() if i in linked} == {
        "rss": priya.id,
        "angle": priya.id,
        "turned": priya.id,
        "several": sam.id,
        "handle": priya.id,
        "mail": priya.id,
    }
    assert linked[ids["rss"]] == (priya.id, "Priya Raman", None)
    assert planner.people.items_by(priya.id) == sorted(
        [ids[k] for k in ("rss", "angle", "turned", "handle", "mail")], reverse=True
    )


def test_adding_a_person_links_the_items_already_stored(db, planner, announced):
    ids = _store(db, planner, "https://news.example/feed", [("a", "Priya Raman", 1)])
    planner.people.add("Sam Lee")
    assert announced[-1] == Changes(people=True)  # wrote nothing in the inbox
    priya = planner.people.add("Priya Raman")
    assert announced[-1] == Changes(people=True, items=True)
    assert _authors(db, ids.values()) == {ids["a"]: "Priya Raman"}
    planner.people.touch(priya.id, "talked")
    assert item_people.authors_of(db, [ids["a"]])[ids["a"]][2] == "2026-11-23"


def test_a_feed_at_a_persons_address_is_theirs_unless_the_author_says_otherwise(db, planner):
    priya = planner.people.add(
        "Priya Raman",
        website=PRIYA_SITE,
        mastodon="@priya@hachyderm.io",
        bluesky="priya.bsky.social",
    )
    sam = planner.people.add("Sam Lee")
    blog = _store(db, planner, "https://priya.dev/feed.xml", [("b1", "", 1), ("b2", "Sam Lee", 1)])
    toots = _store(db, planner, "https://hachyderm.io/@priya.rss", [("t1", "", 1)])
    skeets = _store(db, planner, "https://bsky.app/profile/priya.bsky.social/rss", [("s1", "", 1)])
    # A feed elsewhere whose site is hers (a feed service), known once fetched.
    hosted = _store(db, planner, "https://feeds.host.example/pr", [("h1", "", 1)], PRIYA_SITE)
    other = _store(db, planner, "https://other.example/feed.xml", [("o1", "", 1)])
    every = {**blog, **toots, **skeets, **hosted, **other}
    linked = {k: v[0] for k, v in item_people.authors_of(db, every.values()).items()}
    assert linked == {
        blog["b1"]: priya.id,
        blog["b2"]: sam.id,  # the author comes before the feed
        toots["t1"]: priya.id,
        skeets["s1"]: priya.id,
        hosted["h1"]: priya.id,
    }


# --- relinking as people change -------------------------------------------------------


def test_editing_archiving_and_merging_relink_items(db, planner, announced):
    ids = _store(
        db, planner, "https://news.example/feed", [("a", "Priya Raman", 1), ("b", "@priyar", 1)]
    )
    priya = planner.people.add("Priya R.")
    assert _authors(db, ids.values()) == {}
    planner.people.edit(priya.id, name="Priya Raman")
    assert announced[-1] == Changes(people=True, items=True)
    assert set(_authors(db, ids.values())) == {ids["a"]}
    planner.people.edit(priya.id, company="Acme")
    assert announced[-1] == Changes(people=True)  # no link changed
    planner.people.edit(priya.id, name="Priya Raman-Iyer")
    assert _authors(db, ids.values()) == {}

    handle = planner.people.add("P. R.", x="@priyar")
    assert _authors(db, ids.values()) == {ids["b"]: "P. R."}
    planner.people.edit(priya.id, name="Priya Raman")
    planner.people.merge(priya.id, handle.id)
    assert _authors(db, ids.values()) == {ids["a"]: "Priya Raman", ids["b"]: "Priya Raman"}

    planner.people.archive([priya.id])
    assert _authors(db, ids.values()) == {}
    assert set(_boosts(db).values()) == {0.0}
    planner.people.archive([priya.id], archived=False)
    assert len(_authors(db, ids.values())) == 2

    planner.people.delete(priya.id)
    assert _authors(db, ids.values()) == {} and set(_boosts(db).values()) == {0.0}


def test_archiving_one_of_two_namesakes_hands_their_items_to_the_other(db, planner):
    ids = _store(db, planner, "https://news.example/feed", [("a", "Sam Lee", 1)])
    first = planner.people.add("Sam Lee", company="Initech")
    second = planner.people.add("Sam Lee", company="Globex")
    assert item_people.authors_of(db, ids.values())[ids["a"]][0] == first.id  # the earliest
    planner.people.archive([first.id])
    assert item_people.authors_of(db, ids.values())[ids["a"]][0] == second.id
    assert _boosts(db)[ids["a"]] == 1.0


# --- the lift -------------------------------------------------------------------------


def test_the_lift_moves_rank_keys_and_the_inbox_order(db, planner, announced):
    ids = _store(
        db,
        planner,
        "https://news.example/feed",
        [("fresh", "Someone Else", 1), ("hers", "Priya Raman", 3), ("older", "Priya Raman", 6)],
    )
    base = _keys(db)
    order = {v: k for k, v in ids.items()}
    assert [order[i] for i in planner.inbox.ids()] == ["fresh", "hers", "older"]

    planner.people.add("Priya Raman")
    assert planner.people.rank_boost() == 1.0  # as if twice as relevant, by default
    assert _keys(db)[ids["hers"]] == pytest.approx(base[ids["hers"]] + 1)
    assert _keys(db)[ids["fresh"]] == base[ids["fresh"]]
    # Three days is one half-life: two days older and twice as relevant comes first.
    assert [order[i] for i in planner.inbox.ids()] == ["hers", "fresh", "older"]

    planner.people.set_rank_boost(2.0)
    assert announced[-1] == Changes(items=True, settings=True)
    assert _keys(db)[ids["older"]] == pytest.approx(base[ids["older"]] + 2)
    assert [order[i] for i in planner.inbox.ids()] == ["hers", "older", "fresh"]

    planner.people.set_rank_boost(0.0)
    assert _keys(db) == pytest.approx(base)
    assert [order[i] for i in planner.inbox.ids()] == ["fresh", "hers", "older"]
    with pytest.raises(DigwellError, match="twice or four times"):
        planner.people.set_rank_boost(3.0)
    assert planner.people.rank_boost() == 0.0


def test_the_lift_survives_a_rescore_and_a_changed_item(db, planner):
    ids = _store(db, planner, "https://news.example/feed", [("hers", "Priya Raman", 3)])
    planner.people.add("Priya Raman")
    planner.people.set_rank_boost(2.0)
    lifted = _keys(db)[ids["hers"]]
    with db.transaction() as conn:
        set_setting(conn, STRATEGY_VERSION_KEY, 7)  # as saving a changed strategy does
    planner.inbox.rescore()
    assert _boosts(db)[ids["hers"]] == 2.0
    assert _keys(db)[ids["hers"]] == pytest.approx(lifted)
    # The feed changes the entry: its rank rows are written again, the lift with them.
    now = planner.clock.now()
    changed = _entry("hers", "Priya Raman", 3, now)._replace(summary_text="New text")
    with db.transaction() as conn:
        feed_id = conn.execute("SELECT feed_id FROM items WHERE id = ?", (ids["hers"],)).fetchone()
        items_q.upsert_entries(conn, feed_id[0], [changed], now, current_scorer(conn))
    assert _keys(db)[ids["hers"]] == pytest.approx(lifted)


def test_an_author_edited_away_loses_the_link_and_the_lift(db, planner):
    ids = _store(db, planner, "https://news.example/feed", [("a", "Priya Raman", 1)])
    planner.people.add("Priya Raman")
    base = _keys(db)[ids["a"]] - 1
    now = planner.clock.now()
    with db.transaction() as conn:
        feed_id = conn.execute("SELECT feed_id FROM items WHERE id = ?", (ids["a"],)).fetchone()[0]
        renamed = _entry("a", "Guest Writer", 1, now)
        items_q.upsert_entries(conn, feed_id, [renamed], now, current_scorer(conn))
    assert _authors(db, ids.values()) == {}
    assert _keys(db)[ids["a"]] == pytest.approx(base)


# --- a refresh ------------------------------------------------------------------------


def _feed(site: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{site}/{n}</link><guid>{site}/{n}</guid>"
        f"<author>{author}</author><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>"
        "<description>Words</description></item>"
        for n, (title, author) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        f"<link>{site}</link>{entries}</channel></rss>"
    ).encode()


def test_a_refresh_links_the_items_its_stores_to_their_authors(db, planner):
    priya = planner.people.add("Priya Raman", website=PRIYA_SITE)
    sam = planner.people.add("Sam Lee")
    with FeedServer() as server:
        server.route(
            "/news.xml",
            body=_feed(
                "https://news.example",
                [("By Sam", "sam@x.org (Sam Lee)"), ("By Ana", "ana@x.org (Ana Souza)")],
            ),
        )
        server.route("/blog.xml", body=_feed(PRIYA_SITE, [("Mine", "")]))
        for path in ("/news.xml", "/blog.xml"):
            with db.transaction() as conn:
                feeds_q.add_feed(conn, server.url(path), "", planner.clock.now())
        report = planner.feeds.refresh()
    assert report.added == 3
    titles = {r[0]: r[1] for r in db.read("SELECT id, title FROM items")}
    linked = {titles[i]: v[0] for i, v in item_people.authors_of(db, titles).items()}
    assert linked == {"By Sam": sam.id, "Mine": priya.id}
    assert [titles[i] for i in planner.people.items_by(priya.id)] == ["Mine"]
