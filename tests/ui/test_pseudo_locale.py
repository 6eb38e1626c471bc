"""Under the pseudo-locale every message is accented and 40% longer (docs/TRANSLATION.md):
every page and dialog must show only translated text or the user's own data. In it and in
German (with Qt's own German words), no widget may be narrower or shorter than it needs,
which is where Qt clips."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from app.i18n import formats, translate
from app.ui.sidebar import PAGE_NAMES
from tests.i18n.pseudo_words import data_words, untranslated
from tests.ui.page_tabs import each_tab

NO_BUTTON = QDialogButtonBox.StandardButton.NoButton


@pytest.fixture(params=["pseudo", "de_DE"])
def language(request, qapp) -> Iterator[str]:
    """The language the window is built in; German brings Qt's catalogue along."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translate.use_language(request.param)
    formats.use_locale(request.param)
    translator = QTranslator()
    if request.param != "pseudo":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        assert translator.load(QLocale(request.param), "qtbase", "_", folder)
        qapp.installTranslator(translator)
    yield translate.language()
    qapp.removeTranslator(translator)
    translate.use_language("en_GB")
    formats.use_locale("en_GB")


def texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """What the user reads on the widgets shown: labels, buttons, titles, tabs, fields'
    placeholders, column headers and the menus."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.isWindow():
            yield widget, widget.windowTitle().replace("Digwell", "")
        if isinstance(widget, QLabel):
            yield widget, widget.text()
        elif isinstance(widget, QAbstractButton):
            if not is_standard_button(widget):  # Qt's own words, from Qt's catalogue
                yield widget, widget.text()
            yield widget, widget.toolTip()
        elif isinstance(widget, QGroupBox):
            yield widget, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield widget, widget.tabText(i)
        elif isinstance(widget, QLineEdit):
            yield widget, widget.placeholderText()
        elif isinstance(widget, QHeaderView) and not widget.isHidden():
            for column in range(widget.count()):
                label = widget.model().headerData(column, widget.orientation())
                yield widget, str(label or "")
        elif isinstance(widget, QComboBox) and widget.count():
            yield widget, widget.itemText(0)
        yield widget, widget.accessibleName()
        yield widget, widget.accessibleDescription()


def is_standard_button(button: QAbstractButton) -> bool:
    box = button.parent()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parent()
    return isinstance(box, QDialogButtonBox) and box.standardButton(button) != NO_BUTTON


def menu_texts(window) -> Iterator[tuple[QWidget, str]]:
    for menu in window.menuBar().findChildren(QMenu):
        yield menu, menu.title()
        for action in menu.actions():
            yield menu, action.text()


def clipped(root: QWidget) -> list[str]:
    """Shown labels and buttons smaller than their minimum size hint (Qt clips them)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton, QGroupBox)):
            continue
        if not widget.isVisibleTo(root) or not widget.width():
            continue
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                found.append(
                    f"{type(widget).__name__} {widget.objectName()!r}: "
                    f"{widget.height()} high, needs {needed}: {widget.text()[:60]!r}"
                )
            continue
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r}: "
                f"{widget.width()}×{widget.height()}, needs {hint.width()}×"
                f"{hint.height()}: {text[:60]!r}"
            )
    return found


def check(root: QWidget, known: set[str] | None, where: str) -> list[str]:
    """What clips, and (given the data's words) what is not translated."""
    problems = [f"{where}: clipped {c}" for c in clipped(root)]
    need = root.minimumSizeHint()
    if root.width() < need.width() or root.height() < need.height():
        problems.append(
            f"{where}: {root.width()}×{root.height()}, needs {need.width()}×{need.height()}"
        )
    for widget, text in texts(root) if known is not None else ():
        for word in untranslated(text, known):
            problems.append(
                f"{where}: untranslated {word!r} in {type(widget).__name__} "
                f"{widget.objectName()!r}: {text[:70]!r}"
            )
    return problems


def test_every_page_is_translated_and_nothing_clips(qtbot, open_window, demo_planner, language):
    window = open_window(demo_planner)
    known = data_words(demo_planner) if language == "pseudo" else None
    problems = []
    for row in range(len(PAGE_NAMES)):
        window.nav.setCurrentRow(row)
        qtbot.waitUntil(lambda row=row: window.pages.currentIndex() == row)
        qtbot.wait(50)
        for tab in each_tab(window.pages.currentWidget(), qtbot):
            problems += check(window, known, f"page {row}, {tab}")
    for _menu, text in menu_texts(window) if known is not None else ():
        problems += [f"menu: untranslated {w!r} in {text!r}" for w in untranslated(text, known)]
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 800
    assert not problems, "\n".join(sorted(set(problems)))


def test_every_dialog_is_translated_and_nothing_clips(
    qtbot, open_window, demo_planner, clock, language
):
    from tests.ui.every_dialog import every_dialog

    window = open_window(demo_planner)
    known = data_words(demo_planner) if language == "pseudo" else None
    problems = []
    for key, make in every_dialog(demo_planner, clock.now().date(), window.menuBar()).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += check(dialog, known, key)
        dialog.close()
    assert not problems, "\n".join(sorted(set(problems)))
