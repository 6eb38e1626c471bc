"""The window shows a refresh as it runs, its outcome, and its failures."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.ui.background_work import refresh_summary
from app.ui.main_window import FEEDS, MainWindow
from app.ui.models.feeds_model import STATUS
from app.ui.status_colours import ERROR, status_colour
from tests.feed_server import rss

TIMEOUT_MS = 30_000


def test_refresh_shows_progress_then_last_refreshed_and_feed_errors(
    qtbot, open_window, planner, feed_server, add_feeds, refresh_clock
):
    feed_server.route("/a.xml", body=rss("alpha", 4), latency_ms=150)
    feed_server.route("/b.xml", status=404, body=b"no")
    add_feeds(planner, feed_server.url("/a.xml"), feed_server.url("/b.xml"))
    window = open_window(planner, demo=False)
    status = window.work.refresh_status
    assert status.label.text() == "Not refreshed yet"
    seen = []
    window.work.refresher.progressed.connect(
        lambda done, total, _o: seen.append(
            (done, total, status.bar.isVisible(), status.label.text().startswith("Refreshing"))
        )
    )

    with qtbot.waitSignal(window.work.refreshed, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert status.button.text() == "Stop"

    assert seen == [(1, 2, True, True), (2, 2, True, True)]
    assert not status.bar.isVisible()
    assert status.label.text() == "Last refreshed just now"
    assert status.errors.isVisible()
    assert status.errors.text() == "1 feed with errors"
    assert status.button.text() == "Refresh"
    assert window.inbox.model.total() == 4
    assert window.nav.item(0).text() == "Inbox  ·  4"
    assert window.statusBar().currentMessage() == (
        "Refreshed 2 feeds: 4 new items. 1 feed had errors: see Feeds."
    )

    # The errors link opens the feeds page on the feeds with problems.
    qtbot.mouseClick(status.errors, Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == FEEDS
    page = window.feeds
    assert page.model.rowCount() == 1
    index = page.model.index(0, STATUS)
    assert "404" in index.data()
    assert index.data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        ERROR, QGuiApplication.palette()
    )
    assert "404" in page.details.text()


def test_after_a_refresh_the_window_indexes_the_new_items_for_search(
    db, qtbot, open_window, planner, feed_server, add_feeds, refresh_clock
):
    feed_server.route("/a.xml", body=rss("alpha", 3))
    add_feeds(planner, feed_server.url("/a.xml"))
    window = open_window(planner, demo=False)

    def waiting() -> int:
        return db.read("SELECT count(*) FROM items_fts_pending")[0][0]

    with qtbot.waitSignal(window.work.search_indexed, timeout=TIMEOUT_MS) as indexed:
        window.work.refresh_now()
    assert indexed.args == [3]
    assert waiting() == 0
    hits = db.read("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'alpha'")
    assert hits[0][0] == 3


def test_the_feeds_page_follows_a_refresh_feed_by_feed(
    qtbot, open_window, planner, feed_server, add_feeds, refresh_clock
):
    feed_server.route("/a.xml", body=rss("alpha", 2))
    add_feeds(planner, feed_server.url("/a.xml"))
    window = open_window(planner, demo=False)
    window.nav.setCurrentRow(FEEDS)
    page = window.feeds
    assert page.model.index(0, STATUS).data() == "Not fetched yet"
    live = []
    window.work.refresher.progressed.connect(
        lambda *_: live.append(page.model.index(0, STATUS).data())
    )
    with qtbot.waitSignal(window.work.refreshed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert live == ["OK · 2 new"]
    assert page.model.index(0, STATUS).data() == "OK"
    assert page.model.index(0, 3).data() == "2"  # items


def test_a_failed_refresh_started_by_hand_is_explained_in_a_dialog(
    qtbot, open_window, planner, add_feeds
):
    add_feeds(planner, "http://127.0.0.1:9/never.xml")
    code = "import sys; print('digwell: The database is damaged.', file=sys.stderr); sys.exit(2)"
    window = open_window(planner, demo=False)
    window.work.refresher._command = (sys.executable, ["-c", code])
    with qtbot.waitSignal(window.work.refresher.failed, timeout=TIMEOUT_MS):
        window.work.refresh_now()
    box = window.messages.last_error
    assert box is not None and box.isVisible()
    assert box.text() == "The refresh failed (exit code 2): The database is damaged."
    assert "as they were" in box.informativeText()
    assert window.work.refresh_status.label.text() == "Not refreshed yet"
    assert window.work.refresh_status.button.text() == "Refresh"


def test_an_automatic_refresh_that_fails_only_says_so_in_the_status_bar(
    qtbot, open_window, planner, add_feeds
):
    add_feeds(planner, "http://127.0.0.1:9/never.xml")
    window = open_window(planner, demo=False)
    window.work.refresher._command = (sys.executable, ["-c", "import sys; sys.exit(3)"])
    with qtbot.waitSignal(window.work.refresher.failed, timeout=TIMEOUT_MS):
        window.work.refresh_if_due()
    assert window.messages.last_error is None
    assert window.statusBar().currentMessage() == "The refresh failed (exit code 3)."


def test_refresh_with_no_feeds_says_what_to_do(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    window.work.refresh_now()
    assert not window.work.refresher.is_running()
    assert "add one first" in window.statusBar().currentMessage()


def test_the_window_refreshes_due_feeds_soon_after_it_opens(
    qtbot, planner, feed_server, add_feeds, refresh_clock, monkeypatch
):
    from app.ui import background_work
    from app.ui.app import app_icon

    feed_server.route("/a.xml", body=rss("alpha", 1))
    add_feeds(planner, feed_server.url("/a.xml"))
    monkeypatch.setattr(background_work, "FIRST_REFRESH_MS", 10)
    window = MainWindow(planner, app_icon())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.work.refreshed, timeout=TIMEOUT_MS):
        window.show()
    assert window.work.interval_minutes() == 60
    assert window.inbox.model.total() == 1
    window.close()
    assert window.work.interval_minutes() == 0


def test_summary_wording():
    assert refresh_summary({"feeds": 0}).startswith("Nothing to refresh")
    assert refresh_summary({"feeds": 1, "added": 1}) == "Refreshed 1 feed: 1 new item."
    assert refresh_summary({"feeds": 3, "updated": 2}) == (
        "Refreshed 3 feeds: no new items, 2 updated."
    )
