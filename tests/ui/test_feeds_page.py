"""The feeds page: statuses, and rename, themes, pause, remove, OPML in and out; reloading
after the changes a service announces."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.store import feeds as feeds_q
from app.types import Changes
from app.ui.models.feeds_model import ITEMS, STATUS, THEMES, TITLE
from app.ui.status_colours import WARNING, status_colour
from app.ui.views.feeds_page import FeedsPage

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Leadership">
    <outline type="rss" text="Lead blog" xmlUrl="https://lead.example/feed"/>
    <outline type="rss" text="Dup" xmlUrl="https://a.example/feed"/>
  </outline>
  <outline type="rss" text="No address"/>
</body></opml>"""


@pytest.fixture
def page(qtbot, planner, add_feeds):
    add_feeds(planner, "https://a.example/feed", theme="Platform")
    add_feeds(planner, "https://b.example/feed")
    widget = FeedsPage(planner)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _titles(page) -> list[str]:
    return [page.model.index(r, TITLE).data() for r in range(page.model.rowCount())]


def _select(db, page, url: str) -> None:
    page.select(feeds_q.find_feed(db, url).id)


def test_lists_feeds_with_themes_status_and_counts(page):
    assert _titles(page) == ["https://a.example/feed", "https://b.example/feed"]
    assert page.model.index(0, THEMES).data() == "Platform"
    assert page.model.index(1, THEMES).data() == "—"
    assert page.model.index(0, STATUS).data() == "Not fetched yet"
    assert page.model.index(0, ITEMS).data() == "0"
    assert page.summary.text() == "2 feeds"
    assert "https://a.example/feed" in page.details.text()


def test_rename_by_editing_the_title_cell(db, qtbot, page):
    index = page.model.index(0, TITLE)
    assert page.model.setData(index, "  Alpha weekly ", Qt.ItemDataRole.EditRole)
    assert _titles(page) == ["Alpha weekly", "https://b.example/feed"]
    assert feeds_q.find_feed(db, "https://a.example/feed").title == "Alpha weekly"


def test_rename_through_the_button(db, qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    _select(db, page, "https://b.example/feed")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Beta", True))
    with qtbot.waitSignal(page.message) as said:
        qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Renamed to Beta."]
    assert "Beta" in _titles(page)


def test_pause_and_resume(db, qtbot, page):
    _select(db, page, "https://b.example/feed")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    feed = page.selected_feed()
    assert feed.paused and feed.url == "https://b.example/feed"
    row = page.model.index(page.model.row_of(feed.id), STATUS)
    assert row.data() == "Paused: Paused by you."
    assert row.data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        WARNING, QGuiApplication.palette()
    )
    assert page.pause_button.text() == "Resume"
    assert page.summary.text() == "2 feeds · 1 paused"
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert not page.selected_feed().paused


def test_move_to_other_themes(db, qtbot, page):
    feed = feeds_q.find_feed(db, "https://a.example/feed")
    page.move(feed.id, ["Leadership", "Platform"])
    assert feeds_q.find_feed(db, feed.url).themes == (
        "Platform",
        "Leadership",
    )  # theme order
    page.move(feed.id, [])
    assert feeds_q.find_feed(db, feed.url).themes == ()


def test_remove_asks_first(db, qtbot, page, monkeypatch):
    _select(db, page, "https://a.example/feed")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert len(_titles(page)) == 2
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert _titles(page) == ["https://b.example/feed"]


def test_opml_import_reports_added_and_skipped(qtbot, page, tmp_path):
    path = tmp_path / "mine.opml"
    path.write_bytes(OPML)
    with qtbot.waitSignal(page.refresh_requested):
        page.import_opml(path)
    assert "https://lead.example/feed" in {page.model.feed(r).url for r in range(3)}
    box = page.last_report
    assert box.isVisible()
    assert box.text() == "Added 1 feed from mine.opml. Created 1 new theme. Skipped 2."
    assert "https://a.example/feed: already subscribed" in box.detailedText()
    assert box.informativeText() == "New themes: Leadership"


def test_opml_import_of_a_broken_file_says_why(qtbot, page, tmp_path):
    path = tmp_path / "broken.opml"
    path.write_bytes(b"<opml><body><outline")
    with qtbot.waitSignal(page.failed) as failed:
        page.import_opml(path)
    assert "OPML" in failed.args[0].message
    assert len(_titles(page)) == 2


def test_opml_export_never_holds_a_secret(qtbot, page, tmp_path, memory_keyring):
    from app.credentials import FeedSecret

    page._planner.feeds.set_credentials(
        "https://b.example/feed", FeedSecret("bearer", "", "s3cr3t")
    )
    path = tmp_path / "out.opml"
    with qtbot.waitSignal(page.message) as said:
        page.export_opml(path)
    assert said.args == [f"Exported 2 feeds to {path} (no passwords or tokens)."]
    text = path.read_text()
    assert "https://b.example/feed" in text and "s3cr3t" not in text


def test_opml_files_are_asked_for_and_a_cancel_does_nothing(qtbot, page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def answer(chosen):
        def dialog(parent, caption, start, filters):
            asked.append((caption, start, filters))
            return chosen, filters

        return dialog

    out = tmp_path / "out.opml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer(str(out)))
    with qtbot.waitSignal(page.message):
        page.export_opml()
    assert asked[-1][0] == "Export subscriptions" and asked[-1][1].endswith("digwell-feeds.opml")
    assert "https://b.example/feed" in out.read_text()

    mine = tmp_path / "mine.opml"
    mine.write_bytes(OPML)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer(str(mine)))
    with qtbot.waitSignal(page.refresh_requested):
        page.import_opml()
    assert asked[-1][0] == "Import subscriptions" and "*.opml" in asked[-1][2]
    assert len(_titles(page)) == 3

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer(""))  # cancelled
    with qtbot.assertNotEmitted(page.failed), qtbot.assertNotEmitted(page.changed):
        page.import_opml()
    assert len(_titles(page)) == 3


def test_only_feeds_with_problems(db, qtbot, page):
    feed = feeds_q.find_feed(db, "https://b.example/feed")
    with db.transaction() as conn:
        feeds_q.record_failure(
            conn,
            feed.id,
            "The server answered 500.",
            page._planner.clock.now(),
            page._planner.clock.now(),
        )
    page.reload()
    assert page.summary.text() == "2 feeds · 1 with errors"
    page.problems_only.setChecked(True)
    assert _titles(page) == ["https://b.example/feed"]
    assert page.model.index(0, STATUS).data() == "The server answered 500."
    page.problems_only.setChecked(False)
    assert len(_titles(page)) == 2


def test_sorting_by_status_puts_problems_first(db, qtbot, page):
    feed = feeds_q.find_feed(db, "https://b.example/feed")
    with db.transaction() as conn:
        feeds_q.set_paused(conn, feed.id, True, "Paused by you.")
    page.reload()
    page.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    assert _titles(page)[0] == "https://b.example/feed"


def test_the_automatic_refresh_interval_is_kept(qtbot, page):
    planner = page._planner
    assert page.auto.isChecked() and page.minutes.value() == 60
    with qtbot.waitSignal(page.interval_changed) as changed:
        page.auto.setChecked(False)
    assert changed.args == [0] and planner.feeds.refresh_minutes() == 0
    assert not page.minutes.isEnabled()
    page.minutes.setValue(90)
    with qtbot.waitSignal(page.interval_changed) as changed:
        page.auto.setChecked(True)
    assert changed.args == [90] and planner.feeds.refresh_minutes() == 90


def test_an_empty_page_says_how_to_start(qtbot, planner):
    widget = FeedsPage(planner)
    qtbot.addWidget(widget)
    assert "No feeds yet" in widget.details.text()
    assert not widget.remove_button.isEnabled()


def _store_items(db, page, url: str, count: int) -> None:
    from app.store import items as items_q
    from app.strategy.scoring import current_scorer
    from app.types import ParsedEntry

    now = page._planner.clock.now()
    entries = [
        ParsedEntry(f"guid:{n}", f"Item {n}", f"https://x.example/{n}", "", "", "", now)
        for n in range(count)
    ]
    with db.transaction() as conn:
        feed_id = feeds_q.find_feed(db, url).id
        items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))


def test_changes_to_feeds_themes_or_items_reload_a_page_on_screen(db, page, planner):
    _select(db, page, "https://b.example/feed")
    with db.transaction() as conn:  # as another window or the command line would
        feeds_q.add_feed(conn, "https://c.example/feed", "", planner.clock.now())
    page.apply_changes(Changes(feeds=True))
    assert len(_titles(page)) == 3
    assert page.selected_feed().url == "https://b.example/feed"  # still selected

    strategy = planner.strategy.load()
    renamed = strategy.themes[0]._replace(name="Platform engineering", keywords=("platform",))
    planner.strategy.save(strategy._replace(themes=(renamed, *strategy.themes[1:])))
    page.apply_changes(Changes(strategy=True))
    assert page.model.index(0, THEMES).data() == "Platform engineering"

    _store_items(db, page, "https://a.example/feed", 3)
    page.apply_changes(Changes(items=True))
    assert page.model.index(0, ITEMS).data() == "3"


def test_changes_to_nothing_it_shows_do_not_reload(db, page, planner, monkeypatch):
    reloads = []
    monkeypatch.setattr(page, "reload", lambda *a: reloads.append(a))
    for changes in (
        Changes(item_ids=(1, 2)),  # read or starred: no count changes
        Changes(drafts=True, posts=True),
        Changes(schedule=True, settings=True),
        Changes(),
    ):
        page.apply_changes(changes)
    assert reloads == []
    page.apply_changes(Changes(feeds=True, drafts=True))
    assert len(reloads) == 1


def test_a_hidden_page_reloads_when_next_shown(db, qtbot, page, planner):
    page.hide()
    with db.transaction() as conn:
        feeds_q.add_feed(conn, "https://c.example/feed", "", planner.clock.now())
    page.apply_changes(Changes(feeds=True))
    assert len(_titles(page)) == 2  # not read while hidden
    page.apply_changes(Changes(items=True))
    page.show()
    assert len(_titles(page)) == 3 and page.summary.text() == "3 feeds"
