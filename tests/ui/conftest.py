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
        window = MainWindow(planner, app_icon(), demo=demo)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts need the active window
        return window

    return _open
