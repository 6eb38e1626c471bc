from __future__ import annotations

import pytest


@pytest.fixture
def open_window(qtbot):
    """Build the real main window on a planner, shown and exposed."""
    from app.ui.app import build_window

    def _open(planner, *, demo: bool = True):
        window = build_window(planner, demo=demo)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts need the active window
        return window

    return _open
