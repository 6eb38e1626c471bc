"""Subscriptions in the store: scheduling, failures, pause, soft removal, URL moves."""

from datetime import timedelta

from app.store import feeds as feeds_q
from app.store import items as items_q
from app.types import ParsedEntry
from tests.conftest import NOW


def _entry(key: str) -> ParsedEntry:
    return ParsedEntry(key, f"Title {key}", f"https://example.org/{key}", "", "", "", NOW)


def _add(planner, url="https://example.org/feed.xml") -> int:
    with planner.db.transaction() as conn:
        return feeds_q.add_feed(conn, url, "Example", NOW)


def test_due_feeds_respect_next_fetch_and_pause(planner):
    a = _add(planner, "https://a.example/feed")
    b = _add(planner, "https://b.example/feed")
    c = _add(planner, "https://c.example/feed")
    with planner.db.transaction() as conn:
        feeds_q.record_success(conn, a, "A", "", NOW, next_fetch_at=NOW + timedelta(hours=1))
        feeds_q.set_paused(conn, c, True, "Paused by you.")
    due = [r["id"] for r in feeds_q.due_feeds(planner.db, NOW)]
    assert due == [b]
    assert [r["id"] for r in feeds_q.due_feeds(planner.db, NOW, force=True)] == [a, b]
    later = [r["id"] for r in feeds_q.due_feeds(planner.db, NOW + timedelta(hours=2))]
    assert later == [a, b]


def test_failures_count_up_and_success_resets_them(planner):
    feed_id = _add(planner)
    with planner.db.transaction() as conn:
        feeds_q.record_failure(conn, feed_id, "Server said 500.", NOW, NOW + timedelta(minutes=5))
        feeds_q.record_failure(conn, feed_id, "Server said 500.", NOW, NOW + timedelta(minutes=10))
    (feed,) = feeds_q.list_feeds(planner.db)
    assert feed.failures == 2 and feed.last_error == "Server said 500."
    with planner.db.transaction() as conn:
        feeds_q.record_success(conn, feed_id, "Example", "", NOW, etag='"v1"')
    (feed,) = feeds_q.list_feeds(planner.db)
    assert feed.failures == 0 and feed.last_error == "" and feed.last_success == NOW


def test_removal_keeps_starred_and_drafted_items_and_readding_restores(planner):
    feed_id = _add(planner)
    with planner.db.transaction() as conn:
        items_q.upsert_entries(conn, feed_id, [_entry("a"), _entry("b"), _entry("c")], NOW)
        conn.execute("UPDATE items SET starred = 1 WHERE key = 'a'")
    item_b = planner.db.read("SELECT id FROM items WHERE key = 'b'")[0][0]
    planner.draft_for_item(item_b)
    with planner.db.transaction() as conn:
        kept = feeds_q.remove_feed(conn, feed_id, NOW)
    assert kept == 2
    assert feeds_q.list_feeds(planner.db) == [] and feeds_q.feed_count(planner.db) == 0
    assert {r[0] for r in planner.db.read("SELECT key FROM items")} == {"a", "b"}
    rows = planner.item_rows([item_b])
    assert rows[item_b].source == "Example"  # the kept item still names its source
    assert _add(planner) == feed_id
    assert feeds_q.feed_count(planner.db) == 1


def test_permanent_redirect_moves_the_url_unless_taken(planner):
    a = _add(planner, "https://old.example/feed")
    _add(planner, "https://taken.example/feed")
    with planner.db.transaction() as conn:
        assert feeds_q.move_url(conn, a, "https://new.example/feed")
        assert not feeds_q.move_url(conn, a, "https://taken.example/feed")
    assert feeds_q.find_feed(planner.db, str(a)).url == "https://new.example/feed"
