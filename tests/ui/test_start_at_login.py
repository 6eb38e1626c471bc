"""Start at login (docs/DESKTOP.md): the setting and its login entry, the checkbox in
the posting schedule, the one-time offer, and `--tray`, which starts with the tray only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.cli import window_args
from app.desktop.autostart import APP_ID, Autostart
from app.errors import DigwellError
from app.types import Changes
from app.ui.dialogs.schedule_dialog import START_AT_LOGIN_TEXT, ScheduleDialog
from app.ui.main_window import BUILD_REMINDERS_MS
from app.ui.tray import Tray

COMMAND = ["/opt/Digwell/digwell", "--tray"]


@pytest.fixture
def entry(planner, tmp_path):
    """The planner's login entry, written under a temporary config folder."""
    entry = Autostart("linux", COMMAND, config_dir=tmp_path / "config")
    planner.cadence.use_login_entry(entry)
    return entry


@pytest.fixture
def with_tray(monkeypatch):
    """A desktop with a system tray (the offscreen platform has none)."""
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))


def offers(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_the_setting_is_off_by_default_and_writes_the_entry(planner, entry):
    book = planner.cadence
    heard: list[Changes] = []
    planner.subscribe(heard.append)
    assert book.start_at_login() is False
    book.set_start_at_login(True)
    assert book.start_at_login() is True and entry.is_enabled()
    assert f"Exec={COMMAND[0]} --tray" in entry.path.read_text(encoding="utf-8")
    assert heard == [Changes(schedule=True)]
    book.set_start_at_login(False)
    assert book.start_at_login() is False
    assert not entry.path.exists()


def test_a_refused_entry_leaves_the_setting_off(planner, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    planner.cadence.use_login_entry(Autostart("linux", COMMAND, config_dir=blocker))
    with pytest.raises(DigwellError, match="login entry"):
        planner.cadence.set_start_at_login(True)
    assert planner.cadence.start_at_login() is False


def test_the_schedule_dialog_has_the_checkbox(qtbot, planner, entry):
    dialog = ScheduleDialog(planner.cadence, tray_available=True)
    qtbot.addWidget(dialog)
    assert dialog.start_at_login.text() == START_AT_LOGIN_TEXT
    assert not dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(True)
    dialog.save()
    assert dialog.result() == ScheduleDialog.DialogCode.Accepted
    assert planner.cadence.start_at_login() and entry.is_enabled()

    again = ScheduleDialog(planner.cadence, tray_available=True)
    qtbot.addWidget(again)
    assert again.start_at_login.isChecked()
    again.start_at_login.setChecked(False)
    again.save()
    assert not planner.cadence.start_at_login() and not entry.is_enabled()


def test_the_offer_comes_once_after_the_first_schedule(
    qtbot, planner, entry, open_window, with_tray
):
    window = open_window(planner)
    assert not planner.cadence.start_at_login_offered()
    window.edit_schedule()
    window.schedule_dialog.save()
    qtbot.waitUntil(lambda: len(offers(window)) == 1)
    (box,) = offers(window)
    assert "log in" in box.text()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # open(), never exec()
    assert planner.cadence.start_at_login_offered()
    assert not planner.cadence.start_at_login()  # nothing happens before the answer
    box.button(QMessageBox.StandardButton.Yes).click()
    assert planner.cadence.start_at_login() and entry.is_enabled()
    assert "log in" in window.statusBar().currentMessage()

    window.edit_schedule()
    window.schedule_dialog.save()
    qtbot.wait(50)
    assert offers(window) == []  # asked once, ever


def test_declining_the_offer_changes_nothing_and_it_is_not_asked_again(
    qtbot, planner, entry, open_window, with_tray
):
    window = open_window(planner)
    window.edit_schedule()
    window.schedule_dialog.save()
    qtbot.waitUntil(lambda: len(offers(window)) == 1)
    offers(window)[0].button(QMessageBox.StandardButton.No).click()
    assert not planner.cadence.start_at_login() and not entry.path.exists()
    window.edit_schedule()
    window.schedule_dialog.save()
    qtbot.wait(50)
    assert offers(window) == []


def test_no_offer_without_a_tray(qtbot, planner, entry, open_window):
    window = open_window(planner)  # the offscreen platform: no system tray
    window.edit_schedule()
    window.schedule_dialog.save()
    qtbot.wait(50)
    assert offers(window) == []
    assert not planner.cadence.start_at_login_offered()  # offered later, on a desktop with one


def test_tray_is_a_window_option():
    assert window_args(["--tray"]).tray is True
    assert window_args(["--demo", "--tray"]) == window_args(["--tray", "--demo"])
    assert window_args([]).tray is False
    from app.commands.parser import build_parser

    assert build_parser().parse_args(["--tray"]).tray is True


@pytest.fixture
def tray_start(qtbot, planner, with_tray):
    """`digwell --tray` on the planner (app.ui.app.start_in_tray)."""
    from app.ui.app import start_in_tray

    start = start_in_tray(planner, demo=False)
    yield start
    if start.built is not None:
        start.built.quit()  # close for good: stop its work before the planner closes
    start.reminders.stop()


def test_started_with_tray_only_the_tray_shows(qtbot, tray_start):
    qtbot.wait(100)
    assert tray_start.built is None  # no window, no page: nothing paints
    reminders = tray_start.reminders
    assert reminders.tray.tray_icon.isVisible()
    assert reminders.timer.is_active()  # the reminder checks run

    reminders.tray.open_action.trigger()  # "Open Digwell" from the tray
    window = tray_start.built
    assert window is not None
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._painted)
    assert window.reminders is reminders  # one tray icon, the window's now
    qtbot.wait(BUILD_REMINDERS_MS + 200)  # its own start finds them
    assert window.reminders is reminders


def test_closing_a_window_started_from_the_tray_goes_back_to_it(qtbot, planner, tray_start):
    planner.cadence.set_preferences(reminders=True, close_to_tray=False)  # even so
    tray_start.reminders.tray.open_action.trigger()
    window = tray_start.built
    qtbot.waitExposed(window)
    window.close()
    assert window.isHidden() and tray_start.reminders.timer.is_active()


def test_a_reminder_clicked_in_the_tray_opens_the_window_on_it(qtbot, planner, tray_start):
    from app.ui.sidebar import PEOPLE

    tray_start.reminders.people_requested.emit()
    window = tray_start.built
    assert window is not None and window.nav.currentRow() == PEOPLE
    tray_start.reminders.raise_requested.emit()
    qtbot.waitExposed(window)


def test_a_snooze_message_in_the_tray_builds_no_window(qtbot, tray_start):
    tray_start.reminders.message.emit("Reminder snoozed until 11:00.")
    assert tray_start.built is None


def test_with_no_tray_the_window_opens_after_a_short_wait(qtbot, planner, app_icon):
    from app.ui.app import build_window
    from app.ui.tray_start import TrayStart

    start = TrayStart(planner, app_icon, lambda: build_window(planner, demo=False))
    start.start(wait_ms=200)  # offscreen: no tray, and none comes
    assert start.built is None
    qtbot.waitUntil(lambda: start.built is not None and start.built.isVisible(), timeout=3000)
    start.built.quit()  # close for good before the planner closes


def test_a_tray_that_comes_late_gets_the_icon_and_no_window(qtbot, planner, app_icon, monkeypatch):
    from app.ui.app import build_window
    from app.ui.tray_start import TrayStart

    start = TrayStart(planner, app_icon, lambda: build_window(planner, demo=False))
    start.start(wait_ms=5000)
    assert not start.reminders.tray.tray_icon.isVisible()
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))  # the panel is up
    qtbot.waitUntil(start.reminders.tray.tray_icon.isVisible, timeout=3000)
    qtbot.wait(100)
    assert start.built is None
    start.reminders.stop()


@pytest.fixture
def app_icon(qapp):
    from app.ui.icon import app_icon

    return app_icon()


def test_the_desktop_id_names_the_entry(entry):
    assert entry.path.name == f"{APP_ID}.desktop"
