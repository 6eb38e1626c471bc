"""Search feeds for a theme: built from its keywords, shown in full, ticked to add."""

from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QLocale, Qt

from app.store import feeds as feeds_q
from app.store import themes as themes_q
from app.types import Theme
from app.ui.dialogs.search_feeds_dialog import SearchFeedsDialog, split_keywords


@pytest.fixture(autouse=True)
def _english_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def dialog(db, qtbot, planner):
    with db.transaction() as conn:
        themes_q.save_theme(conn, Theme(0, "Platform", keywords=("platform engineering", "C#")))
        themes_q.save_theme(conn, Theme(0, "Leadership"), position=1)
    widget = SearchFeedsDialog(planner, theme="Platform")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _rows(dialog):
    return [dialog.list.item(r) for r in range(dialog.list.count())]


def test_keywords_come_from_the_theme_and_urls_are_shown_encoded(dialog):
    assert dialog.keywords.text() == "platform engineering, C#"
    texts = [entry.text() for entry in _rows(dialog)]
    google = next(t for t in texts if t.startswith("Google News"))
    url = google.splitlines()[1]
    assert parse_qs(urlsplit(url).query)["q"] == ['"platform engineering" OR C#']
    assert "C%23" in url
    assert any("dev.to/feed/tag/csharp" in t for t in texts)
    assert all(entry.checkState() == Qt.CheckState.Unchecked for entry in _rows(dialog))
    assert not dialog.subscribe_button.isEnabled()


def test_a_theme_without_keywords_searches_for_its_name(dialog):
    dialog.theme.setCurrentText("Leadership")
    assert dialog.keywords.text() == "Leadership"
    assert dialog.list.count() >= 4


def test_ticked_feeds_are_subscribed_under_the_theme(qtbot, dialog, planner):
    rows = _rows(dialog)
    rows[0].setCheckState(Qt.CheckState.Checked)
    rows[2].setCheckState(Qt.CheckState.Checked)
    assert dialog.subscribe_button.text() == "Subscribe to 2 feeds"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    feeds = planner.feeds.list_feeds()
    assert len(feeds) == 2 and len(dialog.added) == 2
    assert all(f.themes == ("Platform",) for f in feeds)
    urls = {f.url for f in feeds}
    assert urls == {rows[0].text().splitlines()[1], rows[2].text().splitlines()[1]}


def test_already_subscribed_searches_are_marked_and_not_added_twice(db, qtbot, planner):
    from app.feeds.search_feeds import search_feed_urls

    with db.transaction() as conn:
        themes_q.save_theme(conn, Theme(0, "SRE", keywords=("sre",)))
        url = search_feed_urls(["sre"])[1].url
        feeds_q.add_feed(conn, url, "", planner.clock.now())
    widget = SearchFeedsDialog(planner, theme="SRE")
    qtbot.addWidget(widget)
    known = next(e for e in _rows(widget) if url in e.text())
    assert "(already subscribed)" in known.text()
    assert not known.flags() & Qt.ItemFlag.ItemIsEnabled
    assert widget.ticked() == []


def test_no_keywords_no_feeds(dialog):
    dialog.keywords.setText(" , ")
    assert dialog.list.count() == 0
    assert dialog.note.text() == "Type at least one keyword."


def test_split_keywords():
    assert split_keywords("a b, c;d ,, ") == ["a b", "c", "d"]
