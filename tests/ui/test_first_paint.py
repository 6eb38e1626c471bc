"""What the first paint does without, and what follows it on the next turn: the menus'
actions, the preview, the counts beside the pages, the application's icon."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def _window(planner):
    from app.ui.main_window import MainWindow

    return MainWindow(planner, demo=True, auto_refresh=False)


def test_before_it_paints_the_window_has_its_list_but_not_the_rest(qtbot, demo_planner):
    window = _window(demo_planner)
    qtbot.addWidget(window)
    assert window.inbox.model.rowCount() > 0  # the list the first paint shows
    assert window._actions is None  # the menus' actions: after the first paint
    assert window.inbox._preview is None  # the preview pane: built with its first item
    assert window.nav.item(0).text() == "Inbox"  # its count comes after it


def test_once_painted_the_preview_counts_and_actions_follow(qtbot, demo_planner):
    window = _window(demo_planner)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.settled):
        window.show()
    first = window.inbox.model.item_id(0)
    assert window.inbox.preview.item is not None and window.inbox.preview.item.id == first
    assert window.nav.item(0).text() == f"Inbox  ·  {window.inbox.model.total()}"
    assert window.cadence.headline.text()  # this week's posts
    assert window._actions is not None and "refresh" in window.menu_actions
    assert window.statusBar().currentMessage().endswith("feeds.")


def test_an_action_asked_for_before_the_paint_is_made_at_once(qtbot, demo_planner):
    window = _window(demo_planner)
    qtbot.addWidget(window)
    action = window.refresh_action
    assert action.shortcut().toString() == "F5"
    assert window.menu_actions["refresh"] is action
    assert window.menuBar().actions()[0].menu().actions()  # File has its entries


def test_first_paint_calls_what_waits_for_it(qtbot):
    from app.ui.first_paint import FirstPaint

    widget = QWidget()
    qtbot.addWidget(widget)
    called: list[bool] = []
    FirstPaint(widget, exit_after=False, then=lambda: called.append(True))
    widget.show()
    qtbot.waitUntil(lambda: called == [True])


def test_the_application_gets_its_icon_after_the_first_paint(qtbot):
    from PySide6.QtWidgets import QApplication

    from app.ui.app import show_icon

    show_icon()
    assert not QApplication.windowIcon().isNull()


def test_the_week_bar_keeps_its_value_within_its_range(qtbot):
    from app.ui.views.cadence_card import WeekBar

    bar = WeekBar()
    qtbot.addWidget(bar)
    bar.setRange(0, 3)
    bar.setValue(5)
    assert (bar.value(), bar.maximum()) == (3, 3)
    bar.setValue(-1)
    assert bar.value() == 0
    bar.setRange(0, 0)  # a target of nothing is drawn as a bar of one
    assert bar.maximum() == 1


def test_a_fixed_colour_brush_holds_its_colour(qtbot):
    from app.ui.views.rounded import brush_of

    assert brush_of(0x1F, 0x8A, 0x70).color().name() == "#1f8a70"


def test_the_nav_list_paints_each_page_and_the_current_one(qtbot):
    from app.ui.views.nav_list import NavDelegate, NavList

    nav = NavList(("Inbox", "Drafts"))
    qtbot.addWidget(nav)
    nav.setCurrentRow(1)
    nav.resize(200, 120)
    image = nav.grab()  # paints through NavDelegate
    assert not image.isNull() and nav.currentItem().text() == "Drafts"
    assert isinstance(nav.itemDelegate(), NavDelegate)
