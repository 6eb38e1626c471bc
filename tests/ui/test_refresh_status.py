"""The status bar's refresh corner: wording, and progress drawn at a bounded rate."""

from datetime import timedelta

from PySide6.QtCore import Qt

from app.ui.views.refresh_status import PROGRESS_EVERY_MS, RefreshStatus, idle_text, running_text
from tests.conftest import BERLIN, NOW


def test_wording():
    assert idle_text(None, NOW, BERLIN) == "Not refreshed yet"
    assert idle_text(NOW - timedelta(minutes=5), NOW, BERLIN) == "Last refreshed 5 minutes ago"
    assert running_text(0, 0) == "Refreshing…"
    assert running_text(3, 1) == "Refreshing 3 of 1 feed…"
    assert running_text(12, 500) == "Refreshing 12 of 500 feeds…"


def test_progress_is_drawn_at_once_then_at_most_every_interval(qtbot):
    status = RefreshStatus()
    qtbot.addWidget(status)
    status.show()
    status.show_running(1, 500)
    assert status.bar.isVisible() and status.bar.value() == 1
    assert status.label.text() == "Refreshing 1 of 500 feeds…"
    for done in range(2, 300):
        status.show_running(done, 500)
    assert status.bar.value() == 1  # not redrawn for every feed
    qtbot.waitUntil(lambda: status.bar.value() == 299, timeout=PROGRESS_EVERY_MS * 10)
    assert status.label.text() == "Refreshing 299 of 500 feeds…"
    assert status.button.text() == "Stop"


def test_idle_shows_errors_as_a_link_and_the_button_toggles(qtbot):
    status = RefreshStatus()
    qtbot.addWidget(status)
    status.show()
    clicks = []
    status.refresh_clicked.connect(lambda: clicks.append("refresh"))
    status.stop_clicked.connect(lambda: clicks.append("stop"))
    status.errors_clicked.connect(lambda: clicks.append("errors"))
    status.show_running(0, 0)
    qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
    status.show_idle(NOW, NOW, BERLIN, 2)
    assert not status.bar.isVisible()
    assert status.label.text() == "Last refreshed just now"
    assert status.errors.isVisible() and status.errors.text() == "2 feeds with errors"
    qtbot.mouseClick(status.errors, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
    assert clicks == ["stop", "errors", "refresh"]
    status.show_idle(NOW, NOW, BERLIN, 0)
    assert not status.errors.isVisible()
