from __future__ import annotations

import pytest


@pytest.fixture
def open_window(qtbot):
    """Build the real main window on a planner, shown and exposed.

    Not through app.ui.app.build_window: that wires "Open the demo" to a real launch.
    """
    from app.ui.app import app_icon
    from app.ui.main_window import MainWindow

    def _open(planner, *, demo: bool = True):
        window = MainWindow(planner, app_icon(), demo=demo, auto_refresh=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.settled):  # the preview, counts and actions too
            window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts need the active window
        return window

    return _open


@pytest.fixture
def refresh_clock(monkeypatch):
    """Refresh processes started by the window run at the tests' fixed time."""
    from app.clock import NOW_ENV
    from tests.conftest import NOW

    monkeypatch.setenv(NOW_ENV, NOW.isoformat())


@pytest.fixture
def add_feeds():
    """`add_feeds(planner, *urls, theme="")`: subscribe without discovery; the ids."""

    def add(planner, *urls, theme: str = "") -> list[int]:
        return [planner.feeds.subscribe(url, themes=[theme] if theme else []).id for url in urls]

    return add
