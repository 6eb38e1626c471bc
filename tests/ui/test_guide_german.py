"""The guide in German (resources/guide/guide.de.html, its screenshots in images/de/): F1
opens it when the window speaks German, it has the English guide's sections, anchors and
shortcuts, and every name it puts in bold is one the German window shows, as every bold
name of the English guide is one the English window shows."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from app.i18n import translate
from app.paths import resources_dir
from app.ui.dialogs.guide_window import GuideWindow, _in_guide, guide_path
from tests.packaging.scripts import load_script
from tests.ui.test_guide_window import parse_guide

GUIDES = resources_dir() / "guide"
ENGLISH = GUIDES / "guide.html"
GERMAN = GUIDES / "guide.de.html"
LOCALE = resources_dir() / "locale"
MAIN_LOOP_DE = (
    "Strategie",
    "Feeds",
    "Eingang",
    "Entwurf",
    "Kopieren",
    "Als veröffentlicht markieren",
    "Rhythmus",
)
# Bold text that names no part of the window (emphasis), per guide; keep these few.
NOT_UI_NAMES: dict[Path, frozenset[str]] = {ENGLISH: frozenset(), GERMAN: frozenset()}


@pytest.fixture
def german() -> Iterator[None]:
    translate.use_language("de")
    yield
    translate.use_language("en_GB")


def test_f1_opens_the_german_guide(qtbot, open_window, demo_planner, german):
    assert guide_path() == GERMAN
    window = open_window(demo_planner)
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(GuideWindow) is not None)
    guide = window.findChild(GuideWindow)
    qtbot.waitUntil(guide.isVisible)
    assert Path(guide.browser.source().toLocalFile()) == GERMAN
    assert guide.windowTitle() == "Digwell-Handbuch"
    text = guide.browser.toPlainText()
    assert re.findall(r"^\d\. (.+)$", text, re.MULTILINE) == list(MAIN_LOOP_DE)
    for also in ("Personen", "Ihren Verlauf importieren", "Geplante Pausen"):
        assert also in text


def test_a_language_without_a_guide_gets_the_english_one():
    assert guide_path() == ENGLISH
    translate.use_language("pseudo")
    try:
        assert guide_path() == ENGLISH
    finally:
        translate.use_language("en_GB")


def test_both_guides_are_pages_of_the_guide_and_nothing_else(tmp_path):
    assert _in_guide(ENGLISH) and _in_guide(GERMAN)
    assert not _in_guide(GUIDES / "images" / "de" / "inbox.png")
    assert not _in_guide(GUIDES / "guide.fr.html")  # no such page
    outside = tmp_path / "guide.de.html"
    outside.write_text("<p>elsewhere</p>", encoding="utf-8")
    assert not _in_guide(outside)
    assert not _in_guide(GUIDES / ".." / "guide" / ".." / "locale" / "digwell.pot")


def test_the_german_guide_has_the_english_ids_anchors_and_shortcuts():
    english, german = parse_guide(ENGLISH), parse_guide(GERMAN)
    assert german.ids == english.ids
    assert german.hrefs == english.hrefs
    assert _kbd(GERMAN) == _kbd(ENGLISH)


def test_the_german_guide_shows_the_german_screenshots():
    english, german = parse_guide(ENGLISH).images, parse_guide(GERMAN).images
    assert german == [src.replace("images/", "images/de/") for src in english]
    for src in german:
        path = GUIDES / src
        assert path.is_file(), src
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1180, 760), src
        assert path.stat().st_size < 120_000, src
        assert path.read_bytes() != (GUIDES / src.replace("images/de/", "images/")).read_bytes()
    assert sorted(Path(src).name for src in german) == sorted(load_script("screenshots").SHOTS)


@pytest.mark.parametrize(
    ("guide", "messages"),
    [(ENGLISH, lambda: _english_messages()), (GERMAN, lambda: _german_messages())],
    ids=["en", "de"],
)
def test_every_bold_name_is_one_the_window_shows(guide, messages):
    """A menu, action, page, tab or button named in bold (or a menu before "›") is a
    message of the window in the guide's language, so the guide follows the menus."""
    names = _bold(guide) - NOT_UI_NAMES[guide]
    assert len(names) >= 20
    menus = set(re.findall(r"(\w+) ›", _text(guide)))
    assert menus
    known = messages()
    missing = sorted(name for name in names | menus if name not in known)
    assert not missing, f"{guide.name}: not a message of the window: {missing}"


def _text(guide: Path) -> str:
    """The guide's HTML with its entities resolved and each run of spaces made one."""
    return re.sub(r"\s+", " ", html.unescape(guide.read_text(encoding="utf-8")))


def _bold(guide: Path) -> set[str]:
    return {
        re.sub(r"<[^>]+>", "", name).strip() for name in re.findall(r"<b>(.*?)</b>", _text(guide))
    }


def _kbd(guide: Path) -> list[str]:
    return re.findall(r"<kbd>(.*?)</kbd>", _text(guide))


@functools.cache
def _english_messages() -> frozenset[str]:
    return _catalogue_texts(LOCALE / "digwell.pot", translated=False)


@functools.cache
def _german_messages() -> frozenset[str]:
    return _catalogue_texts(LOCALE / "de" / "LC_MESSAGES" / "digwell.po", translated=True)


def _catalogue_texts(path: Path, *, translated: bool) -> frozenset[str]:
    """Every msgid (or msgstr) of a catalogue, its accelerator marks removed."""
    with path.open("rb") as file:
        catalogue = read_po(file)
    texts: set[str] = set()
    for message in catalogue:
        found = message.string if translated else message.id
        for text in found if isinstance(found, (tuple, list)) else (found,):
            if text:
                texts.add(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return frozenset(texts)
