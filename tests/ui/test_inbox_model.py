from datetime import timedelta

from app.store import feeds as feeds_q
from app.store import items as items_q
from app.strategy.scoring import current_scorer
from app.types import ParsedEntry
from app.ui.models.inbox_model import InboxModel, ItemIdRole, SourceRole


def _fill(db, planner, clock, n):
    now = clock.now()
    entries = [
        ParsedEntry(
            key=f"guid:{i}",
            title=f"Item {i}",
            link=f"https://x.example/{i}",
            author="",
            summary_html="",
            summary_text="",
            published=now - timedelta(minutes=i),
        )
        for i in range(n)
    ]
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", now)
        items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))


def test_model_passes_qtmodeltester(db, qtmodeltester, planner, clock):
    _fill(db, planner, clock, 450)
    model = InboxModel(planner)
    qtmodeltester.check(model)


def test_rows_are_exposed_in_batches_and_read_lazily(db, planner, clock):
    _fill(db, planner, clock, 450)
    model = InboxModel(planner)
    assert model.total() == 450 and model.rowCount() == 200
    assert set(model._rows) == set(model._ids[:25])  # the rows shown first, read ahead
    index = model.index(0)
    assert model.data(index) == "Item 0" and model.data(index, SourceRole) == "X"
    assert model.data(model.index(120)) == "Item 120"  # a row not read yet: 25 more
    assert set(model._rows) == set(model._ids[:25] + model._ids[120:145])
    while model.canFetchMore(index.parent()):
        model.fetchMore(index.parent())
    assert model.rowCount() == 450
    assert model.data(model.index(449), ItemIdRole) == model.item_id(449)


def test_ids_are_read_in_keyset_pages_in_inbox_order_even_with_equal_times(db, planner, clock):
    from PySide6.QtCore import QModelIndex

    now = clock.now()
    # 500 items in three runs of equal sort times: pages must split ties by id.
    entries = [
        ParsedEntry(
            key=f"guid:{i}",
            title=f"Item {i}",
            link="",
            author="",
            summary_html="",
            summary_text="",
            published=now - timedelta(hours=i % 3),
        )
        for i in range(500)
    ]
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", now)
        items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))
    model = InboxModel(planner)
    assert len(model._ids) == 200  # only the first page read
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.item_id(row) for row in range(model.rowCount())] == planner.inbox.ids()


def test_fewer_items_than_counted_stops_fetching(db, planner, clock):
    from PySide6.QtCore import QModelIndex

    _fill(db, planner, clock, 250)
    model = InboxModel(planner)
    db.conn.execute("DELETE FROM items WHERE id IN (SELECT id FROM items LIMIT 100)")
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total() <= 250
