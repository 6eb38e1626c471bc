"""View › Appearance (System, Light, Dark): one checked, remembered in the settings, and
the palette really light or dark after choosing (app/ui/appearance.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.ui.app import apply_appearance
from app.ui.appearance import appearance_actions, apply


@pytest.fixture(autouse=True)
def _follow_the_system_after(qapp):
    """Each test leaves the application as it found it: following the system."""
    yield
    apply("system")


def _window_lightness(widget=None) -> int:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness()


def _checked(window) -> list[str]:
    return [c for c, a in appearance_actions(window).items() if a.isChecked()]


def test_view_appearance_offers_system_light_and_dark_one_at_a_time(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&View", "&Go"]
    view = window.menuBar().actions()[1].menu()
    submenu = view.actions()[0].menu()
    assert view.actions()[0].text() == "&Appearance"
    assert [a.text() for a in submenu.actions()] == ["&System", "&Light", "&Dark"]
    assert _checked(window) == ["system"]  # the default: follow the system
    actions = appearance_actions(window)
    assert actions["dark"].actionGroup().isExclusive()
    actions["dark"].trigger()
    assert _checked(window) == ["dark"]
    actions["light"].trigger()
    assert _checked(window) == ["light"]


def test_dark_makes_the_window_dark_and_light_makes_it_light(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    system, scheme = _window_lightness(window), QGuiApplication.styleHints().colorScheme()
    appearance_actions(window)["dark"].trigger()
    qtbot.waitUntil(lambda: _window_lightness(window) < 80)
    assert _window_lightness() < 80
    text = window.palette().color(QPalette.ColorRole.WindowText).lightness()
    assert text > 180  # light text on the dark window
    base = window.inbox.palette().color(QPalette.ColorRole.Base).lightness()
    assert base < 80  # the lists too
    appearance_actions(window)["light"].trigger()
    qtbot.waitUntil(lambda: _window_lightness(window) > 180)
    appearance_actions(window)["system"].trigger()
    qtbot.waitUntil(lambda: _window_lightness(window) == system)
    assert QApplication.palette().resolveMask() == 0  # no palette of Digwell's left
    assert QGuiApplication.styleHints().colorScheme() == scheme  # the platform's again


def test_the_choice_is_remembered_for_the_next_window(qtbot, open_window, planner):
    first = open_window(planner, demo=False)
    appearance_actions(first)["dark"].trigger()
    assert planner.strategy.appearance() == "dark"
    first.close()
    apply("system")  # as a new process starts: following the system
    assert _window_lightness() > 180

    apply_appearance(planner)  # what start-up does before building the window
    second = open_window(planner, demo=False)
    assert _checked(second) == ["dark"]
    assert _window_lightness(second) < 80


def test_following_the_system_costs_start_up_nothing(qtbot, planner):
    before = QApplication.palette().color(QPalette.ColorRole.Window).name()
    apply_appearance(planner)  # never chosen: "system"
    assert planner.strategy.appearance() == "system"
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == before


def _link_colours(browser) -> set[str]:
    """The colours of the links in a text browser's document, as drawn."""
    colours, block = set(), browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                colours.add(fragment.charFormat().foreground().color().name())
            it += 1
        block = block.next()
    return colours


def test_what_was_drawn_before_the_change_follows_it(qtbot, open_window, demo_planner):
    window = open_window(demo_planner, demo=True)
    body = window.inbox.preview.body
    assert _link_colours(body)  # the demo's first item links to its article
    appearance_actions(window)["dark"].trigger()
    dark_link = QApplication.palette().color(QPalette.ColorRole.Link).name()
    qtbot.waitUntil(lambda: _link_colours(body) == {dark_link})  # not the light one
    nav = window.sidebar.nav  # the sidebar's background through the page list
    assert nav.palette().color(QPalette.ColorRole.Base).alpha() == 0
    appearance_actions(window)["light"].trigger()
    light_link = QApplication.palette().color(QPalette.ColorRole.Link).name()
    assert light_link != dark_link
    qtbot.waitUntil(lambda: _link_colours(body) == {light_link})
