"""Help › Keyboard shortcuts: the list is made from the window's own actions, so it holds
exactly the menus' shortcuts (docs/ARCHITECTURE.md); no two commands share a key."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from app.ui.app import make_application
from app.ui.dialogs.shortcuts_dialog import ShortcutsDialog, page_rows, plain, shortcut_rows
from app.ui.menus import MENUS

NATIVE = QKeySequence.SequenceFormat.NativeText


def _table_shortcuts() -> set[tuple[str, str, tuple[str, ...]]]:
    """(menu, text, keys) for every Entry of the MENUS table that has a shortcut."""
    found = set()
    for title, entries in MENUS:
        for entry in entries:
            if entry is None:
                continue
            if entry.standard_key:
                sequences = QKeySequence.keyBindings(
                    getattr(QKeySequence.StandardKey, entry.standard_key)
                )
            elif entry.keys:
                sequences = [QKeySequence(entry.keys)]
            else:
                continue
            keys = tuple(s.toString(NATIVE) for s in sequences)
            if keys:  # a standard key may have no binding on this platform (Quit here)
                found.add((plain(title), plain(entry.text), keys))
    return found


@pytest.fixture
def window(qtbot, open_window, demo_planner):
    make_application()
    return open_window(demo_planner, demo=True)


def test_the_list_is_exactly_the_menus_shortcuts(window):
    rows = shortcut_rows(window.menuBar())
    listed = {(r.menu, r.text, r.keys) for r in rows}
    assert len(listed) == len(rows)  # no row twice
    assert listed == _table_shortcuts()
    # And from the window's side: each action with a shortcut, with exactly its keys.
    with_keys = [a for a in window.menu_actions.values() if a.shortcuts()]
    assert len(with_keys) == len(rows)
    by_text = {r.text: r.keys for r in rows}
    for action in with_keys:
        assert by_text[plain(action.text())] == tuple(
            s.toString(NATIVE) for s in action.shortcuts()
        )
    assert ("Go", "Inbox", (QKeySequence("Ctrl+1").toString(NATIVE),)) in listed
    assert any(r.text == "Keyboard shortcuts" and r.menu == "Help" for r in rows)
    # Actions without a shortcut (Open the demo, View › Appearance) are not listed.
    assert "Open the demo" not in by_text and "Dark" not in by_text


def test_submenus_are_walked_with_their_path(qtbot):
    from PySide6.QtWidgets import QMenuBar

    make_application()
    bar = QMenuBar()
    qtbot.addWidget(bar)
    view = bar.addMenu("&View")
    submenu = view.addMenu("&Zoom")
    action = submenu.addAction("Zoom &in && out")
    action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    view.addSeparator()
    view.addAction("No keys")
    rows = shortcut_rows(bar)
    assert [(r.menu, r.text) for r in rows] == [("View › Zoom", "Zoom in & out")]
    assert rows[0].keys == (
        QKeySequence("Ctrl+=").toString(NATIVE),
        QKeySequence("Ctrl++").toString(NATIVE),
    )


def test_no_two_commands_share_a_shortcut(window, qtbot):
    for row in range(window.nav.count()):  # every page built, with its own shortcuts
        window.nav.setCurrentRow(row)
        qtbot.wait(10)
    keys: list[str] = []
    for action in window.menu_actions.values():
        keys += [s.toString() for s in action.shortcuts()]
    page_shortcuts = window.findChildren(QShortcut)
    assert page_shortcuts  # the People page's Ctrl+N, Ctrl+T, F2, Ctrl+F
    keys += [s.key().toString() for s in page_shortcuts]
    shared = [key for key, count in Counter(keys).items() if count > 1]
    assert shared == []


def test_the_help_menu_opens_the_list_and_escape_closes_it(window, qtbot):
    action = window.menu_actions["shortcuts"]
    assert action.shortcuts() == [QKeySequence("Ctrl+/")]
    action.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.visible_rows()) == len(shortcut_rows(window.menuBar())) + len(page_rows())
    action.trigger()  # a second time raises the same list
    assert len(window.findChildren(ShortcutsDialog)) == 1
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_ctrl_slash_opens_the_list(window, qtbot):
    assert window.menu_actions["shortcuts"].shortcuts()  # made, with its key
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)


def test_the_filter_narrows_by_command_menu_or_key(qtbot, window):
    dialog = ShortcutsDialog(shortcut_rows(window.menuBar()), window)
    qtbot.addWidget(dialog)
    everything = dialog.visible_rows()
    menus = {menu for menu, _text, _keys in everything}
    assert {"File", "Go", "Feeds", "Item", "Draft", "Help"} <= menus
    dialog.filter.setText("mark posted")
    assert [text for _m, text, _k in dialog.visible_rows()] == ["Mark as posted"]
    dialog.filter.setText("go ctrl+3")
    assert dialog.visible_rows() == [("Go", "Feeds", QKeySequence("Ctrl+3").toString(NATIVE))]
    dialog.filter.setText("no such command")
    assert dialog.visible_rows() == []
    dialog.filter.clear()
    assert dialog.visible_rows() == everything


def test_plain_drops_mnemonics_but_keeps_ampersands():
    assert plain("&Copy to clipboard") == "Copy to clipboard"
    assert plain("Fee&ds") == "Feeds"
    assert plain("Q && A") == "Q & A"


def test_actions_carry_text_not_icons_only(window):
    # Every listed command has words to read out, not an empty text.
    assert all(isinstance(a, QAction) and plain(a.text()) for a in window.menu_actions.values())


def test_the_pages_own_keys_are_listed_from_the_tables_they_are_bound_from(window, qtbot):
    """J and K in the inbox list, Ctrl+N on the People page, the heatmap's arrows: listed
    after the menus, from app/ui/page_keys.py, which the pages bind them from."""
    from PySide6.QtGui import QShortcut

    from app.ui.dialogs.shortcuts_dialog import page_rows, show_shortcuts
    from app.ui.page_keys import INBOX_LIST, PAGE_KEYS, PEOPLE_PAGE
    from app.ui.sidebar import PEOPLE
    from app.ui.views.item_list import _KEYS as INBOX_LETTERS

    rows = page_rows()
    assert len(rows) == sum(len(group.keys) for group in PAGE_KEYS)
    assert ("Inbox list", "Next item", ("J",)) in {(r.menu, r.text, r.keys) for r in rows}
    dialog = show_shortcuts(window, window.menuBar())
    qtbot.addWidget(dialog)
    shown = dialog.visible_rows()
    assert ("People page", "Add a person", QKeySequence("Ctrl+N").toString(NATIVE)) in shown
    assert len(shown) == len(dialog.rows) and set(rows) <= set(dialog.rows)
    # The keys that work are the ones listed.
    assert {k.lower(): e.command for e in INBOX_LIST.keys for k in e.keys
                             if len(k) == 1} == INBOX_LETTERS  # fmt: skip
    window.nav.setCurrentRow(PEOPLE)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == PEOPLE)
    page = window.pages.currentWidget()
    bound = {s.key().toString() for s in page.findChildren(QShortcut)}
    assert bound == {k for e in PEOPLE_PAGE.keys for k in e.keys}
