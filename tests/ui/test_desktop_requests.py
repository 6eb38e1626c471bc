"""The menu entry's actions (docs/DESKTOP.md): `digwell --refresh` and `--new-post` are
sent to the running Digwell, which refreshes its feeds or opens a new post."""

from __future__ import annotations

import sys
import uuid

import pytest
from PySide6.QtCore import QTimer

from app.running_instance import NEW_POST, REFRESH, ask_running
from app.ui.desktop_requests import follow_request
from app.ui.sidebar import DRAFTS, INBOX
from app.ui.single_instance import SingleInstance


@pytest.fixture
def running(qapp):
    instance = SingleInstance(f"digwell-test-{uuid.uuid4().hex[:12]}")
    assert instance.claim()
    yield instance
    instance.release()


@pytest.mark.parametrize(("request_", "name"), [(REFRESH, "refresh"), (NEW_POST, "new-post")])
def test_a_later_start_passes_its_request_on(qtbot, running, request_, name):
    with (
        qtbot.assertNotEmitted(running.raise_requested, wait=100),
        qtbot.waitSignal(running.requested, timeout=2000) as asked,
    ):
        assert ask_running(running.key, request=request_) is True
    assert asked.args == [name]


def test_refresh_request_refreshes_in_the_window(qtbot, open_window, planner, add_feeds):
    add_feeds(planner, "http://127.0.0.1:9/a.xml")
    window = open_window(planner, demo=False)
    refresher = window.work.refresher
    refresher._command = (sys.executable, ["-c", "import time; time.sleep(60)"])
    follow_request(window, "refresh")
    assert refresher.is_running()
    window.close()


def test_new_post_request_opens_the_new_post_menu_on_the_drafts_page(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    window.nav.setCurrentRow(INBOX)
    seen: list[bool] = []

    def look_and_close() -> None:
        menu = window.drafts.new_button.menu()
        seen.append(menu.isVisible())
        menu.close()

    follow_request(window, "new-post")
    QTimer.singleShot(200, look_and_close)  # runs inside the menu's own event loop
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [True]
    assert window.nav.currentRow() == DRAFTS
    assert window.pages.currentWidget() is window.drafts
