from datetime import timedelta
from pathlib import Path

from app.feeds.parse import parse_feed
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.strategy.scoring import current_scorer

DATA = Path(__file__).parents[1] / "feeds" / "data"


def _store(db, planner, entries, now):
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://golden.example/feed", "Golden", now)
        return feed_id, items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))


def test_entries_are_deduplicated_per_feed(db, planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    _, first = _store(db, planner, entries, clock.now())
    _, second = _store(db, planner, entries, clock.now())
    assert (first.added, first.updated) == (4, 0)
    assert (second.added, second.updated) == (0, 0)
    assert planner.inbox.item_count() == 4


def test_the_feeds_html_is_kept_beside_the_text(db, planner, clock):
    # The preview will show it as sanitized rich text; only the text is searched.
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    _store(db, planner, entries, clock.now())
    rows = db.read("SELECT id, summary_html, summary_text FROM items")
    by_text = {r["summary_text"]: r["summary_html"] for r in rows}
    assert by_text == {e.summary_text: e.summary_html for e in entries}
    assert any("<" in html for html in by_text.values())
    assert planner.inbox.item(rows[0]["id"]).summary_html == rows[0]["summary_html"]


def test_a_change_in_markup_alone_is_an_update(db, planner, clock):
    entries = list(parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries)
    _store(db, planner, entries, clock.now())
    entries[0] = entries[0]._replace(summary_html=entries[0].summary_html + "<b></b>")
    _, result = _store(db, planner, entries, clock.now())
    assert (result.added, result.updated) == (0, 1)


def test_the_same_entry_in_two_feeds_is_two_items(db, planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    now = clock.now()
    with db.transaction() as conn:
        a = feeds_q.add_feed(conn, "https://a.example/feed", "A", now)
        b = feeds_q.add_feed(conn, "https://b.example/feed", "B", now)
        items_q.upsert_entries(conn, a, entries, now, current_scorer(conn))
        items_q.upsert_entries(conn, b, entries, now, current_scorer(conn))
    assert planner.inbox.item_count() == 8


def test_changed_entry_is_updated_in_place(db, planner, clock):
    entries = list(parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries)
    _store(db, planner, entries, clock.now())
    with db.transaction() as conn:
        assert items_q.index_pending(conn) == 4
    before = planner.inbox.ids()
    golden = next(i for i in before if planner.inbox.item(i).title.startswith("Golden paths"))
    entries[0] = entries[0]._replace(
        title="Golden paths, revised",
        summary_text="New text.",
        summary_html="<p>New text.</p>",
    )
    _, result = _store(db, planner, entries, clock.now())
    assert (result.added, result.updated) == (0, 1)
    assert planner.inbox.ids() == before
    item = planner.inbox.item(golden)
    assert (item.title, item.summary_text) == ("Golden paths, revised", "New text.")
    # The full-text index follows the update.
    with db.transaction() as conn:
        items_q.index_pending(conn)
    hits = db.read("SELECT rowid FROM items_fts WHERE items_fts MATCH 'revised'")
    assert [r[0] for r in hits] == [golden]
    assert not db.read("SELECT rowid FROM items_fts WHERE items_fts MATCH 'cages'")


def test_inbox_is_newest_first_and_future_dates_do_not_jump_the_queue(db, planner, clock):
    entries = list(parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries)
    future = entries[1]._replace(key="guid:future", published=clock.now() + timedelta(days=30))
    _store(db, planner, [*entries, future], clock.now())
    titles = [planner.inbox.item(i).title for i in planner.inbox.ids()]
    # Undated and far-future items sort at "first seen" (now); then by date.
    assert titles[2:] == [
        "Golden paths, not golden cages",
        "No guid, only a link",
        "Neither guid nor link",
    ]
    assert set(titles[:2]) == {"A hostile link", "No guid, only a link"}


def _search(db, planner, word: str) -> list[int]:
    return [r[0] for r in db.read("SELECT rowid FROM items_fts WHERE items_fts MATCH ?", (word,))]


def _pending(db, planner) -> list[int]:
    return [r[0] for r in db.read("SELECT item_id FROM items_fts_pending ORDER BY 1")]


def test_new_items_wait_for_the_full_text_index_then_are_indexed_in_one_batch(db, planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    _store(db, planner, entries, clock.now())
    assert _search(db, planner, "golden") == []
    assert len(_pending(db, planner)) == 4
    with db.transaction() as conn:
        assert items_q.index_pending(conn) == 4
        assert items_q.index_pending(conn) == 0
    golden = next(
        i for i in planner.inbox.ids() if planner.inbox.item(i).title.startswith("Golden")
    )
    assert _search(db, planner, "golden") == [golden]
    assert _pending(db, planner) == []


def test_the_index_catches_up_a_batch_at_a_time_oldest_first(db, planner, clock, monkeypatch):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    _store(db, planner, entries, clock.now())
    waiting = _pending(db, planner)
    with db.transaction() as conn:
        assert items_q.index_pending(conn, 3) == 3
    assert _pending(db, planner) == waiting[3:]
    again = [e._replace(key=e.key + "-again") for e in entries]
    _store(db, planner, again, clock.now())
    transactions = []
    real = db.transaction

    def counted():
        transactions.append(1)
        return real()

    monkeypatch.setattr(db, "transaction", counted)
    assert items_q.index_all_pending(db, batch=2) == 5
    assert len(transactions) == 3  # 2 + 2 + 1: the short batch is the last
    assert _pending(db, planner) == []
    assert len(_search(db, planner, "golden")) == 2


def test_the_index_catches_up_from_another_thread(db, planner, clock):
    import threading

    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    _store(db, planner, entries, clock.now())
    done = []
    worker = threading.Thread(target=lambda: done.append(planner.inbox.index_for_search()))
    worker.start()
    worker.join(timeout=30)
    assert done == [4]
    assert _pending(db, planner) == [] and len(_search(db, planner, "golden")) == 1


def test_deleting_items_keeps_the_index_and_the_queue_consistent(db, planner, clock):
    entries = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries
    feed_id, _ = _store(db, planner, entries, clock.now())
    with db.transaction() as conn:
        items_q.index_pending(conn)
    golden = _search(db, planner, "golden")
    assert golden
    # Changed again: out of the index, back in the queue, then deleted before indexing.
    with db.transaction() as conn:
        conn.execute("UPDATE items SET title = 'Renamed' WHERE id = ?", (golden[0],))
    assert _search(db, planner, "golden") == [] and _pending(db, planner) == golden
    with db.transaction() as conn:
        conn.execute("DELETE FROM items WHERE id = ?", (golden[0],))
    assert _pending(db, planner) == []
    # An indexed item that is deleted leaves the index.
    other = _search(db, planner, "guid")
    with db.transaction() as conn:
        conn.execute("DELETE FROM items WHERE feed_id = ?", (feed_id,))
        assert items_q.index_pending(conn) == 0
    assert other and _search(db, planner, "guid") == []
    integrity = db.read("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)")
    assert integrity == []
