"""BackgroundWork: the automatic refresh, and what a refresh or a re-ranking tells the
window once it is over (a Changes record, then its signal)."""

import json
import sys

from PySide6.QtWidgets import QMainWindow

from app.types import Changes
from app.ui.background_work import BackgroundWork

TIMEOUT_MS = 30_000


def _fake(*events: dict) -> tuple[str, list[str]]:
    """A stand-in for `digwell` printing these JSON lines (its arguments are ignored)."""
    lines = "".join(json.dumps(e) + "\n" for e in events)
    return sys.executable, ["-c", f"import sys; sys.stdout.write({lines!r})"]


def _work(qtbot, planner, command=None):
    window = QMainWindow()
    qtbot.addWidget(window)
    delivered: list[Changes] = []

    def deliver(changes, then=None):
        delivered.append(changes)
        if then is not None:
            then()

    work = BackgroundWork(planner, window, deliver, auto_refresh=False, command=command)
    return work, delivered


def test_the_automatic_refresh_interval(qtbot, planner):
    work, _ = _work(qtbot, planner)
    work.set_interval(60)
    assert work.interval_minutes() == 60
    work.set_interval(0)
    assert work.interval_minutes() == 0
    work.stop()


def test_a_refresh_that_stored_items_says_so_then_reports(qtbot, planner, add_feeds):
    add_feeds(planner, "http://127.0.0.1:9/a.xml")
    report = {"feeds": 1, "ok": 1, "errors": 0, "added": 2, "updated": 0}
    work, delivered = _work(qtbot, planner, _fake({"event": "done", **report}))
    messages: list[str] = []
    work.message.connect(messages.append)
    with qtbot.waitSignal(work.refreshed, timeout=TIMEOUT_MS) as refreshed:
        work.refresh_now()
    assert refreshed.args == [report]
    assert delivered == [Changes(feeds=True, items=True)]
    assert messages == ["Refreshed 1 feed: 2 new items."]
    work.stop()


def test_ranking_again_shows_progress_then_says_the_items_changed(qtbot, planner):
    events = ({"event": "progress", "done": 1, "total": 2}, {"event": "done", "items": 2})
    work, delivered = _work(qtbot, planner, _fake(*events))
    progress: list[tuple[int, int]] = []
    work.ranking.connect(lambda done, total: progress.append((done, total)))
    over: list[bool] = []
    work.ranking_over.connect(lambda: over.append(True))
    with qtbot.waitSignal(work.ranked, timeout=TIMEOUT_MS):
        work.rank_again()
    assert progress == [(0, 0), (1, 2)] and over == [True]
    assert delivered == [Changes(items=True)]
    work.stop()
