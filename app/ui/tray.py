"""The system tray icon: shows reminders and offers open, snooze and quit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app import APP_NAME
from app.cadence.reminders import SNOOZE_HOUR, Reminder
from app.i18n import _
from app.ui.icon import tray_icon

MESSAGE_MS = 15_000


def _one_day() -> timedelta:
    """Without a schedule to ask, "until tomorrow" is a day from now."""
    return timedelta(days=1)


class Tray(QObject):
    """Wraps QSystemTrayIcon; every choice leaves as a signal for the window to act on.

    `snooze_requested(timedelta)` carries the snooze length: an hour, or what
    `until_tomorrow()` answers (e.g. reminders.until_tomorrow with the clock and schedule).
    While it is delivered, `pending` still holds the reminder being snoozed.
    """

    open_requested = Signal()
    reminder_clicked = Signal(object)  # the Reminder whose message was clicked
    snooze_requested = Signal(object)  # a timedelta
    quit_requested = Signal()

    def __init__(
        self,
        icon: QIcon,
        parent: QObject | None = None,
        *,
        until_tomorrow: Callable[[], timedelta] | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon = icon
        self._until_tomorrow = until_tomorrow or _one_day
        self._pending: Reminder | None = None
        # The symbolic icon where the panel expects one; notifications keep the colour one.
        self.tray_icon = QSystemTrayIcon(tray_icon(icon), self)
        self.tray_icon.setToolTip(APP_NAME)
        # A QMenu takes only a widget as parent: this object keeps it alive.
        self.menu = QMenu()
        self.open_action = self.menu.addAction(_("Open Digwell"))
        self.snooze_hour_action = self.menu.addAction(_("Snooze reminders for 1 hour"))
        self.snooze_tomorrow_action = self.menu.addAction(_("Snooze until tomorrow"))
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(_("Quit Digwell"))
        self.tray_icon.setContextMenu(self.menu)

        self.open_action.triggered.connect(self.open_requested)
        self.snooze_hour_action.triggered.connect(self._snooze_hour)
        self.snooze_tomorrow_action.triggered.connect(self._snooze_tomorrow)
        self.quit_action.triggered.connect(self.quit_requested)
        self.tray_icon.activated.connect(self._activated)
        self.tray_icon.messageClicked.connect(self._message_clicked)

    @staticmethod
    def available() -> bool:
        """Whether the desktop has a system tray to put the icon in."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def pending(self) -> Reminder | None:
        """The last reminder shown and not yet clicked or snoozed."""
        return self._pending

    def set_visible(self, visible: bool) -> None:
        """Show or hide the icon."""
        self.tray_icon.setVisible(visible)

    def show_reminder(self, reminder: Reminder) -> bool:
        """Show `reminder` as a notification and keep it pending; False if none could show."""
        self._pending = reminder
        shown = self.tray_icon.isVisible() and QSystemTrayIcon.supportsMessages()
        if shown:
            self.tray_icon.showMessage(reminder.title, reminder.message, self._icon, MESSAGE_MS)
        return shown

    def _snooze_hour(self) -> None:
        self._snooze(SNOOZE_HOUR)

    def _snooze_tomorrow(self) -> None:
        self._snooze(self._until_tomorrow())

    def _snooze(self, length: timedelta) -> None:
        self.snooze_requested.emit(length)
        self._pending = None

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # The context menu opens by itself; a click on the icon opens the window.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
            QSystemTrayIcon.ActivationReason.MiddleClick,
        ):
            self.open_requested.emit()

    def _message_clicked(self) -> None:
        reminder, self._pending = self._pending, None
        if reminder is not None:
            self.reminder_clicked.emit(reminder)
        else:
            self.open_requested.emit()
