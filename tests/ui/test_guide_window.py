"""Help › User guide (F1): the bundled guide opens in its own window, covers the main loop
(its numbered steps, resources/guide/guide.html), and its pictures and links all resolve."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtTest import QTest

from app.ui.dialogs.guide_window import GuideWindow, guide_path

MAIN_LOOP = ("Strategy", "Feeds", "Inbox", "Draft", "Copy", "Mark posted", "Cadence")


class GuideLinks(HTMLParser):
    """A guide's ids, hrefs and image sources."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"] or "")
        if tag == "img":
            self.images.append(found.get("src") or "")


def parse_guide(path: Path) -> GuideLinks:
    links = GuideLinks()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def _parsed() -> GuideLinks:
    return parse_guide(guide_path())


def test_f1_opens_the_guide_beside_the_window(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    assert window.menu_actions["guide"].shortcuts()[0].toString() == "F1"
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(GuideWindow) is not None)
    guide = window.findChild(GuideWindow)
    qtbot.waitUntil(guide.isVisible)
    assert not guide.isModal()
    assert guide.browser.source().toLocalFile() == str(guide_path())
    # F1 again brings back the same window rather than a second one.
    window.activateWindow()
    window.menu_actions["guide"].trigger()
    assert window.findChildren(GuideWindow) == [guide]


def test_the_guide_covers_each_step_of_the_main_loop(qtbot):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    headings = re.findall(r"^\d\. (.+)$", text, re.MULTILINE)
    assert headings == list(MAIN_LOOP)
    for also in ("People", "Importing your history", "Planned breaks"):
        assert also in text
    # The shortcuts it names are the menus' own (app/ui/menus.py).
    for keys in ("Ctrl+Shift+S", "Ctrl+D", "Ctrl+Shift+C", "Ctrl+Shift+M", "Ctrl+4", "F5"):
        assert keys in text


def test_every_image_exists_and_is_a_small_screenshot():
    images = _parsed().images
    assert len(images) >= 5
    for src in images:
        path = guide_path().parent / src
        assert path.is_file(), src
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1180, 760), src
        assert path.stat().st_size < 120_000, src


def test_every_internal_link_has_its_anchor():
    links = _parsed()
    anchors = [href[1:] for href in links.hrefs if href.startswith("#")]
    assert len(anchors) >= len(MAIN_LOOP)
    assert set(anchors) <= links.ids
    assert all(href.startswith(("#", "https://")) for href in links.hrefs)


def test_clicking_an_anchor_scrolls_within_the_guide(qtbot):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    guide.browser.anchorClicked.emit(QUrl("#breaks"))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert guide.browser.source().toLocalFile() == str(guide_path())


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_only_web_links_go_to_the_browser(qtbot):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    opened = _Opened()
    for scheme in ("https", "http", "file", "mailto"):
        QDesktopServices.setUrlHandler(scheme, opened, "open")
    try:
        for url in ("https://example.com/a", "http://example.com/b", "file:///etc/passwd"):
            guide.browser.anchorClicked.emit(QUrl(url))
        guide.browser.anchorClicked.emit(QUrl("mailto:someone@example.com"))
    finally:
        for scheme in ("https", "http", "file", "mailto"):
            QDesktopServices.unsetUrlHandler(scheme)
    assert opened.urls == ["https://example.com/a", "http://example.com/b"]
    assert guide.browser.source().toLocalFile() == str(guide_path())


def test_a_link_to_a_guide_page_opens_it_in_the_window(qtbot, tmp_path):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.browser.anchorClicked.emit(QUrl("guide.html#people"))
    assert Path(guide.browser.source().toLocalFile()) == guide_path()
    guide.browser.anchorClicked.emit(QUrl("images/inbox.png"))  # in its folder, not a page
    assert Path(guide.browser.source().toLocalFile()) == guide_path()
    outside = tmp_path / "guide.html"  # a page, but not of the guide
    outside.write_text("<p>elsewhere</p>", encoding="utf-8")
    guide.browser.anchorClicked.emit(QUrl.fromLocalFile(str(outside)))
    assert Path(guide.browser.source().toLocalFile()) == guide_path()
