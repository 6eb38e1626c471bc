"""The main window's title: "Digwell", or "Demo data — Digwell" on the demo data, with the
application's name once. X11, Windows and Wayland append the application display name to
every title that does not already end with it (Qt's QPlatformWindow::formatWindowTitle):
"Digwell — demo data" was shown as "Digwell — demo data — Digwell"."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from app import APP_NAME
from app.ui.app import make_application
from app.ui.menus import window_title


def _shown_title(title: str) -> str:
    """The title as those platforms show it: the display name appended unless the title
    already ends with it."""
    name = QGuiApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


def test_the_demo_window_reads_demo_data_then_digwell_once(qtbot, open_window, demo_planner):
    make_application()
    window = open_window(demo_planner, demo=True)
    assert window.windowTitle() == "Demo data — Digwell"
    assert window.windowHandle().title() == "Demo data — Digwell"  # what the platform gets
    assert _shown_title(window.windowTitle()) == "Demo data — Digwell"
    assert _shown_title(window.windowTitle()).count(APP_NAME) == 1


def test_the_window_on_your_own_data_reads_digwell(qtbot, open_window, planner):
    make_application()
    window = open_window(planner, demo=False)
    assert window.windowTitle() == APP_NAME
    assert _shown_title(window.windowTitle()) == "Digwell"


def test_the_old_title_would_have_shown_the_name_twice():
    make_application()
    assert _shown_title("Digwell — demo data") == "Digwell — demo data — Digwell"
    assert window_title(demo=True).endswith(QGuiApplication.applicationDisplayName())
