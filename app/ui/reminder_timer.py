"""Asks, every so often and whenever Digwell comes to the front, whether a reminder is due.

Polling rather than one long single-shot timer: a timer's remaining time does not count
the wall time spent asleep on every OS, so a timer set for 09:00 could fire hours late
after a suspend. A coarse poll catches up within one interval of waking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from app.cadence.reminders import Reminder

POLL_MS = 30_000


class ReminderTimer(QObject):
    """Calls `check()` on each poll and on activation; emits `due(reminder)` for an answer.

    `check` records what it returns as shown (e.g. with reminders.after_shown), so each
    reminder is emitted once. Call check_now() for an immediate check (e.g. at start-up).
    """

    due = Signal(object)

    def __init__(
        self,
        check: Callable[[], Reminder | None],
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check_now)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def start(self) -> None:
        """Start polling; the first check comes after one interval."""
        self._timer.start()

    def stop(self) -> None:
        """Stop polling and checking on activation."""
        self._timer.stop()

    def is_active(self) -> bool:
        """Whether the timer is polling."""
        return self._timer.isActive()

    def check_now(self) -> Reminder | None:
        """Check at once; emits `due` and returns the reminder if one is due."""
        if self._checking:
            return None  # a slot of `due` spun the event loop (a dialog) and a poll came
        self._checking = True
        try:
            reminder = self._check()
            if reminder is not None:
                self.due.emit(reminder)
        finally:
            self._checking = False
        return reminder

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        # Coming to the front is often the first event after waking from sleep.
        if state == Qt.ApplicationState.ApplicationActive and self._timer.isActive():
            self.check_now()
