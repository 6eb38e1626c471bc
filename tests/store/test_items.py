from datetime import timedelta
from pathlib import Path

from app.feeds.parse import parse_feed
from app.store import feeds as feeds_q
from app.store import items as items_q

DATA = Path(__file__).parents[1] / "feeds" / "data"


def _store(planner, entries, now):
    with planner.db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://golden.example/feed", "Golden", now)
        return feed_id, items_q.upsert_entries(conn, feed_id, entries, now)


def test_entries_are_deduplicated_per_feed(planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    _, first = _store(planner, entries, clock.now())
    _, second = _store(planner, entries, clock.now())
    assert (first.added, first.updated) == (4, 0)
    assert (second.added, second.updated) == (0, 0)
    assert planner.item_count() == 4


def test_the_same_entry_in_two_feeds_is_two_items(planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    now = clock.now()
    with planner.db.transaction() as conn:
        a = feeds_q.add_feed(conn, "https://a.example/feed", "A", now)
        b = feeds_q.add_feed(conn, "https://b.example/feed", "B", now)
        items_q.upsert_entries(conn, a, entries, now)
        items_q.upsert_entries(conn, b, entries, now)
    assert planner.item_count() == 8


def test_changed_entry_is_updated_in_place(planner, clock):
    entries = list(parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries)
    _store(planner, entries, clock.now())
    before = planner.inbox_ids()
    golden = next(i for i in before if planner.item(i).title.startswith("Golden paths"))
    entries[0] = entries[0]._replace(
        title="Golden paths, revised",
        summary_text="New text.",
        summary_html="<p>New text.</p>",
    )
    _, result = _store(planner, entries, clock.now())
    assert (result.added, result.updated) == (0, 1)
    assert planner.inbox_ids() == before
    item = planner.item(golden)
    assert (item.title, item.summary_text) == ("Golden paths, revised", "New text.")
    # The full-text index follows the update.
    hits = planner.db.read("SELECT rowid FROM items_fts WHERE items_fts MATCH 'revised'")
    assert [r[0] for r in hits] == [golden]
    assert not planner.db.read("SELECT rowid FROM items_fts WHERE items_fts MATCH 'cages'")


def test_inbox_is_newest_first_and_future_dates_do_not_jump_the_queue(planner, clock):
    entries = list(parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries)
    future = entries[1]._replace(key="guid:future", published=clock.now() + timedelta(days=30))
    _store(planner, [*entries, future], clock.now())
    titles = [planner.item(i).title for i in planner.inbox_ids()]
    # Undated and far-future items sort at "first seen" (now); then by date.
    assert titles[2:] == [
        "Golden paths, not golden cages",
        "No guid, only a link",
        "Neither guid nor link",
    ]
    assert set(titles[:2]) == {"A hostile link", "No guid, only a link"}
