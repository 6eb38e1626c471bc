from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from app.cadence.reminders import Reminder
from app.ui.tray import Tray

REMINDER = Reminder(
    datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc),
    7,
    "Planned post",
    "Time to post: “Roundup” is planned for now.",
)


@pytest.fixture
def icon(qapp):
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.darkGreen)
    return QIcon(pixmap)


@pytest.fixture
def tray(icon):
    tray = Tray(icon, until_tomorrow=lambda: timedelta(hours=11))
    yield tray
    tray.set_visible(False)


def test_menu_reads_in_order(tray):
    actions = tray.menu.actions()
    assert [a.text() for a in actions] == [
        "Open Digwell",
        "Snooze reminders for 1 hour",
        "Snooze until tomorrow",
        "",
        "Quit Digwell",
    ]
    assert actions[3].isSeparator()
    assert tray.tray_icon.contextMenu() is tray.menu


def test_available_answers_a_bool():
    assert isinstance(Tray.available(), bool)


def test_menu_actions_emit_their_signals(qtbot, tray):
    with qtbot.waitSignal(tray.open_requested, timeout=100):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=100):
        tray.quit_action.trigger()
    with qtbot.waitSignal(tray.snooze_requested, timeout=100) as hour:
        tray.snooze_hour_action.trigger()
    assert hour.args == [timedelta(hours=1)]
    with qtbot.waitSignal(tray.snooze_requested, timeout=100) as tomorrow:
        tray.snooze_tomorrow_action.trigger()
    assert tomorrow.args == [timedelta(hours=11)]


def test_until_tomorrow_defaults_to_a_day(qtbot, icon):
    tray = Tray(icon)
    with qtbot.waitSignal(tray.snooze_requested, timeout=100) as blocker:
        tray.snooze_tomorrow_action.trigger()
    assert blocker.args == [timedelta(days=1)]


def test_a_shown_reminder_stays_pending_until_its_message_is_clicked(qtbot, tray):
    tray.show_reminder(REMINDER)
    assert tray.pending == REMINDER
    with qtbot.waitSignal(tray.reminder_clicked, timeout=100) as blocker:
        tray.tray_icon.messageClicked.emit()
    assert blocker.args == [REMINDER]
    assert tray.pending is None
    # A click on a message whose reminder is gone just opens the window.
    with qtbot.waitSignal(tray.open_requested, timeout=100):
        tray.tray_icon.messageClicked.emit()


def test_a_snoozed_reminder_is_pending_while_the_signal_is_delivered(tray):
    tray.show_reminder(REMINDER)
    seen = []
    tray.snooze_requested.connect(lambda length: seen.append((length, tray.pending)))
    tray.snooze_hour_action.trigger()
    assert seen == [(timedelta(hours=1), REMINDER)]
    assert tray.pending is None


def test_show_reminder_says_whether_a_message_could_show(tray):
    tray.set_visible(False)
    assert tray.show_reminder(REMINDER) is False
    assert tray.pending == REMINDER
    tray.set_visible(True)
    assert tray.tray_icon.isVisible()
    assert tray.show_reminder(REMINDER) is QSystemTrayIcon.supportsMessages()


@pytest.mark.parametrize(
    "reason",
    [
        QSystemTrayIcon.ActivationReason.Trigger,
        QSystemTrayIcon.ActivationReason.DoubleClick,
        QSystemTrayIcon.ActivationReason.MiddleClick,
    ],
)
def test_a_click_on_the_icon_opens_the_window(qtbot, tray, reason):
    with qtbot.waitSignal(tray.open_requested, timeout=100):
        tray.tray_icon.activated.emit(reason)


def test_the_context_click_only_opens_the_menu(qtbot, tray):
    with qtbot.assertNotEmitted(tray.open_requested):
        tray.tray_icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
