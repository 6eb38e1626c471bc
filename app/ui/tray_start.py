"""`digwell --tray`, how Digwell starts at login (docs/DESKTOP.md, "Start at login"):
the tray icon and the reminder checks only. The window is built the first time the user
asks for it (the tray's "Open Digwell", a reminder clicked, a second launch), so until
then nothing paints, no page is built and no refresh runs: about 60 MB against 79 MB for
the window on the demo (docs/DESKTOP.md has the figures)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app import APP_NAME
from app.ui.reminders import TrayReminders
from app.ui.sidebar import INBOX, PEOPLE
from app.ui.tray import Tray

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from app.cadence.reminders import Reminder
    from app.planner import Planner
    from app.ui.main_window import MainWindow

# At login the panel, and with it the tray, may come up a few seconds after Digwell.
TRAY_WAIT_MS = 15_000
TRAY_POLL_MS = 500


class TrayStart(QObject):
    """The reminders in the tray; `window()` builds the window (with `build`) when first
    wanted and hands it these reminders, so there is only ever one tray icon."""

    def __init__(
        self,
        planner: Planner,
        icon: QIcon,
        build: Callable[[], MainWindow],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._window: MainWindow | None = None
        self._tray_poll: QTimer | None = None
        self.reminders = TrayReminders(planner, icon, self)
        r = self.reminders
        r.started_in_tray = True
        r.raise_requested.connect(self.open_window)
        r.quit_requested.connect(self.quit)
        r.draft_requested.connect(lambda draft_id: self.window().open_draft(draft_id))
        r.inbox_requested.connect(lambda: self.window().nav.setCurrentRow(INBOX))
        r.people_requested.connect(lambda: self.window().nav.setCurrentRow(PEOPLE))
        r.show_in_window.connect(self._show_in_window)
        r.message.connect(self._say)
        r.failed.connect(self._say)

    @property
    def built(self) -> MainWindow | None:
        """The window, if it was built yet."""
        return self._window

    def start(self, wait_ms: int = TRAY_WAIT_MS) -> None:
        """The icon and the reminder checks. With no tray yet, wait up to `wait_ms` for
        one (at login the panel may start after Digwell), then open the window."""
        self.reminders.start()
        if Tray.available():
            return
        waited = QElapsedTimer()
        waited.start()
        poll = QTimer(self)
        poll.setInterval(TRAY_POLL_MS)

        def check() -> None:
            if Tray.available():
                poll.stop()
                self.reminders.tray.set_visible(True)
            elif waited.elapsed() >= wait_ms:
                poll.stop()
                self.open_window()

        poll.timeout.connect(check)
        poll.start()
        self._tray_poll = poll

    def window(self) -> MainWindow:
        """The window, built now if it was not yet (hidden until `open_window`)."""
        if self._window is None:
            window = self._build()
            # The window's own start_reminders then finds these and makes no second icon.
            window.reminders = self.reminders
            window.backups.start_schedule()
            self._window = window
        return self._window

    def open_window(self) -> None:
        self.window().bring_to_front()

    def _show_in_window(self, reminder: Reminder) -> None:
        """No tray to show it: the window, opened, in its status bar and on its card."""
        self.open_window()
        window = self.window()
        window.messages.info(f"{reminder.title}: {reminder.message}")
        window.cadence.show_reminder(reminder)

    def _say(self, text: str) -> None:
        """A snooze's answer or a busy database: in the window if built, else from the
        tray (building the window only to say it would undo the point of --tray)."""
        if self._window is not None:
            self._window.messages.info(text)
        else:
            self.reminders.tray.tray_icon.showMessage(APP_NAME, text)

    def quit(self) -> None:
        """Quit for good, window or not."""
        self.reminders.stop()
        if self._window is not None:
            self._window.quit()
        QApplication.quit()
