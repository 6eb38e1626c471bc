"""One record of what changed reaches every page: the window subscribes to the planner
once and hands each built page, the sidebar and the background work the Changes on the
next turn of the event loop; each decides what to read again."""

import pytest

from app.types import InboxFilter
from app.ui.background_work import BackgroundWork
from app.ui.main_window import DRAFTS, NAMED_ACTIONS
from app.ui.sidebar import Sidebar
from app.ui.views.cadence_page import CadencePage
from app.ui.views.drafts_page import DraftsPage
from app.ui.views.inbox_page import InboxPage


@pytest.mark.parametrize("receiver", [InboxPage, DraftsPage, CadencePage, Sidebar, BackgroundWork])
def test_every_page_decides_for_itself_what_to_reload(receiver):
    assert callable(receiver.apply_changes)


def test_marking_a_post_reaches_the_card_the_counts_and_the_cadence_page(
    qtbot, open_window, planner
):
    window = open_window(planner, demo=False)
    page = window.cadence_page  # built, though not on screen
    draft = planner.drafting.new_draft([], text="A thought of my own.")
    qtbot.waitUntil(lambda: window.nav.item(DRAFTS).text() == "Drafts  ·  1")
    window.open_draft(draft.id)

    window.drafts.composer.posted_button.click()
    # Not in the middle of the composer's own handler: on the next turn.
    assert page.report.total_posts == 0
    assert window.cadence.headline.text() == "0 of 3 posts this week"
    qtbot.waitUntil(lambda: page.report.total_posts == 1)
    page.tabs.setCurrentIndex(2)  # the posts log reads the log when shown
    window.nav.setCurrentRow(3)
    assert page.log.model.rowCount() == 1
    assert window.cadence.headline.text() == "1 of 3 posts this week"
    assert window.nav.item(DRAFTS).text() == "Drafts  ·  0"
    assert window.drafts.composer.draft.state == "posted"  # still on screen, with its Undo


def test_a_write_from_elsewhere_reaches_the_inbox_counts(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    themes = window.inbox.themes
    unread = demo_planner.inbox.unread_counts()[0]
    assert themes.item(0).text() == f"All themes  ·  {unread}"
    demo_planner.inbox.set_read(demo_planner.inbox.ids(3, InboxFilter(show="unread")))
    qtbot.waitUntil(lambda: themes.item(0).text() == f"All themes  ·  {unread - 3}")


def test_a_burst_of_writes_is_applied_once(qtbot, open_window, demo_planner, monkeypatch):
    window = open_window(demo_planner)
    qtbot.waitUntil(lambda: window.turns.waiting() == 0)
    counted: list[bool] = []
    monkeypatch.setattr(window.sidebar, "show_counts", lambda: counted.append(True))
    for item_id in demo_planner.inbox.ids(5):
        demo_planner.inbox.set_starred([item_id])
    qtbot.waitUntil(lambda: bool(counted))
    qtbot.wait(20)
    assert counted == [True]


def test_a_closed_window_listens_no_more(qtbot, open_window, demo_planner, monkeypatch):
    window = open_window(demo_planner)
    counted: list[bool] = []
    monkeypatch.setattr(window.sidebar, "show_counts", lambda: counted.append(True))
    window.close()
    demo_planner.inbox.set_starred(demo_planner.inbox.ids(1))
    qtbot.wait(20)
    assert counted == [] and window.turns.waiting() == 0


def test_every_menu_action_is_kept_by_name_with_its_shortcut(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    actions = window.menu_actions
    for name in NAMED_ACTIONS:
        assert getattr(window, f"{name}_action") is actions[name]
    keys = {name: [k.toString() for k in a.shortcuts()] for name, a in actions.items()}
    assert keys["refresh"] == ["F5"] and keys["draft"] == ["Ctrl+D"]
    assert keys["go_cadence"] == ["Ctrl+4"] and keys["copy"] == ["Ctrl+Shift+C"]
    in_menus = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    assert set(actions.values()) <= in_menus


def test_closing_during_a_refresh_stops_it_and_sends_the_pages_nothing(
    qtbot, open_window, planner, add_feeds
):
    import sys

    add_feeds(planner, "http://127.0.0.1:9/a.xml")
    window = open_window(planner, demo=False)
    refresher = window.work.refresher
    refresher._command = (sys.executable, ["-c", "import time; time.sleep(60)"])
    window.work.refresh_now()
    assert refresher.is_running()
    window.close()
    assert not refresher.is_running()
    qtbot.wait(20)
    assert window.turns.waiting() == 0 and window.messages.last_error is None
