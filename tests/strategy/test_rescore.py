"""Re-scoring after a strategy change: all scores switch at once, none are mixed."""

from datetime import timedelta

from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import themes as themes_q
from app.store.settings import set_setting
from app.strategy.scoring import STRATEGY_VERSION_KEY, current_scorer
from app.types import InboxFilter, ParsedEntry, Theme


def _entry(n, title, now):
    return ParsedEntry(f"guid:{n}", title, f"https://x.example/{n}", "", "", "", now, str(n))


def _strategy(db, planner, keywords, version):
    with db.transaction() as conn:
        theme_id = themes_q.save_theme(conn, Theme(0, "Topic", keywords), 0)
        set_setting(conn, STRATEGY_VERSION_KEY, version)
    return theme_id


def _store(db, planner, clock, entries):
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", clock.now())
        items_q.upsert_entries(conn, feed_id, entries, clock.now(), current_scorer(conn))


def test_the_inbox_keeps_the_old_ranking_until_every_item_is_rescored(db, planner, clock):
    now = clock.now()
    theme_id = _strategy(db, planner, ("rust",), 1)
    planner.inbox.rescore()
    _store(db, planner, clock, [_entry(1, "Rust news", now), _entry(2, "Go news", now)])
    assert planner.inbox.ids(None, InboxFilter(theme_id)) == [1]
    _strategy(db, planner, ("go",), 2)  # saved, not yet applied
    assert not planner.inbox.scores_current()
    _store(db, planner, clock, [_entry(3, "More rust", now)])  # scored by the old strategy
    assert planner.inbox.ids(None, InboxFilter(theme_id)) == [3, 1]
    seen = []
    assert planner.inbox.rescore(lambda done, total: seen.append((done, total))) == 3
    assert seen[-1] == (3, 3)
    assert planner.inbox.ids(None, InboxFilter(theme_id)) == [2]
    assert planner.inbox.scores_current() and current_scorer(db.conn).version == 2


def test_items_stored_while_rescoring_are_scored_by_the_new_strategy(db, planner, clock):
    now = clock.now()
    theme_id = _strategy(db, planner, ("rust",), 1)
    planner.inbox.rescore()
    _store(db, planner, clock, [_entry(1, "Rust news", now)])
    _strategy(db, planner, ("go",), 2)
    later = [_entry(2, "Go arrives mid-way", now + timedelta(minutes=1))]

    def store_meanwhile(done, total):
        if not later:
            return
        with db.transaction() as conn:  # as a refresh would, with the old scorer
            items_q.upsert_entries(conn, 1, [later.pop()], now, current_scorer(conn))

    planner.inbox.rescore(store_meanwhile)
    assert planner.inbox.ids(None, InboxFilter(theme_id)) == [2]
    rows = db.read("SELECT count(*) FROM ranks WHERE theme_id = 0")
    assert rows[0][0] == 2  # every item ranked once in the whole inbox


def test_flags_survive_rescoring(db, planner, clock):
    now = clock.now()
    theme_id = _strategy(db, planner, ("rust",), 1)
    planner.inbox.rescore()
    _store(db, planner, clock, [_entry(1, "Rust news", now), _entry(2, "Rust again", now)])
    planner.inbox.set_read([1])
    planner.inbox.set_starred([2])
    _strategy(db, planner, ("rust", "news"), 2)
    planner.inbox.rescore()
    assert planner.inbox.ids(None, InboxFilter(theme_id, "unread")) == [2]
    assert planner.inbox.ids(None, InboxFilter(theme_id, "starred")) == [2]
