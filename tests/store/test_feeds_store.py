"""Subscriptions in the store: scheduling, failures, pause, soft removal, URL moves."""

from datetime import timedelta

from app.store import feeds as feeds_q
from app.store import items as items_q
from app.strategy.scoring import current_scorer
from app.types import ParsedEntry
from tests.conftest import NOW


def _entry(key: str) -> ParsedEntry:
    return ParsedEntry(key, f"Title {key}", f"https://example.org/{key}", "", "", "", NOW)


def _add(db, planner, url="https://example.org/feed.xml") -> int:
    with db.transaction() as conn:
        return feeds_q.add_feed(conn, url, "Example", NOW)


def test_due_feeds_respect_next_fetch_and_pause(db, planner):
    a = _add(db, planner, "https://a.example/feed")
    b = _add(db, planner, "https://b.example/feed")
    c = _add(db, planner, "https://c.example/feed")
    with db.transaction() as conn:
        feeds_q.record_success(conn, a, "A", "", NOW, next_fetch_at=NOW + timedelta(hours=1))
        feeds_q.set_paused(conn, c, True, "Paused by you.")
    due = [r["id"] for r in feeds_q.due_feeds(db, NOW)]
    assert due == [b]
    assert [r["id"] for r in feeds_q.due_feeds(db, NOW, force=True)] == [a, b]
    later = [r["id"] for r in feeds_q.due_feeds(db, NOW + timedelta(hours=2))]
    assert later == [a, b]


def test_failures_count_up_and_success_resets_them(db, planner):
    feed_id = _add(db, planner)
    with db.transaction() as conn:
        feeds_q.record_failure(conn, feed_id, "Server said 500.", NOW, NOW + timedelta(minutes=5))
        feeds_q.record_failure(conn, feed_id, "Server said 500.", NOW, NOW + timedelta(minutes=10))
    (feed,) = feeds_q.list_feeds(db)
    assert feed.failures == 2 and feed.last_error == "Server said 500."
    with db.transaction() as conn:
        feeds_q.record_success(conn, feed_id, "Example", "", NOW, etag='"v1"')
    (feed,) = feeds_q.list_feeds(db)
    assert feed.failures == 0 and feed.last_error == "" and feed.last_success == NOW


def test_removal_keeps_starred_and_drafted_items_and_readding_restores(db, planner):
    feed_id = _add(db, planner)
    with db.transaction() as conn:
        items_q.upsert_entries(
            conn, feed_id, [_entry("a"), _entry("b"), _entry("c")], NOW, current_scorer(conn)
        )
        conn.execute("UPDATE items SET starred = 1 WHERE key = 'a'")
    item_b = db.read("SELECT id FROM items WHERE key = 'b'")[0][0]
    planner.drafting.draft_for_item(item_b)
    with db.transaction() as conn:
        kept = feeds_q.remove_feed(conn, feed_id, NOW)
    assert kept == 2
    assert feeds_q.list_feeds(db) == [] and feeds_q.feed_count(db) == 0
    assert {r[0] for r in db.read("SELECT key FROM items")} == {"a", "b"}
    rows = planner.inbox.rows([item_b])
    assert rows[item_b].source == "Example"  # the kept item still names its source
    assert _add(db, planner) == feed_id
    assert feeds_q.feed_count(db) == 1


def test_permanent_redirect_moves_the_url_unless_taken(db, planner):
    a = _add(db, planner, "https://old.example/feed")
    _add(db, planner, "https://taken.example/feed")
    with db.transaction() as conn:
        assert feeds_q.move_url(conn, a, "https://new.example/feed")
        assert not feeds_q.move_url(conn, a, "https://taken.example/feed")
    assert feeds_q.find_feed(db, str(a)).url == "https://new.example/feed"
