from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.cadence.reminders import Reminder
from app.ui.reminder_timer import ReminderTimer

REMINDER = Reminder(datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc), None, "t", "m")


class OnceCheck:
    """A check that answers a reminder the first time only, as a recorded one would."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Reminder | None:
        self.calls += 1
        return REMINDER if self.calls == 1 else None


def test_polls_and_emits_a_reminder_once(qtbot):
    check = OnceCheck()
    timer = ReminderTimer(check, poll_ms=10)
    emitted = []
    timer.due.connect(emitted.append)
    with qtbot.waitSignal(timer.due, timeout=2000) as blocker:
        timer.start()
    assert blocker.args == [REMINDER]
    qtbot.waitUntil(lambda: check.calls >= 4, timeout=2000)
    assert emitted == [REMINDER]
    timer.stop()


def test_start_does_not_check_at_once_and_stop_stops(qtbot):
    check = OnceCheck()
    timer = ReminderTimer(check, poll_ms=10)
    timer.start()
    assert check.calls == 0 and timer.is_active()
    qtbot.waitUntil(lambda: check.calls >= 1, timeout=2000)
    timer.stop()
    calls = check.calls
    qtbot.wait(60)
    assert check.calls == calls and not timer.is_active()


def test_check_now_emits_and_returns_the_reminder(qtbot):
    timer = ReminderTimer(OnceCheck())
    with qtbot.waitSignal(timer.due, timeout=100):
        assert timer.check_now() == REMINDER
    with qtbot.assertNotEmitted(timer.due):
        assert timer.check_now() is None


def test_coming_to_the_front_checks_while_running(qtbot):
    check = OnceCheck()
    timer = ReminderTimer(check, poll_ms=60_000)
    app = QGuiApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert check.calls == 0  # not started: no checks at all
    timer.start()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert check.calls == 0
    with qtbot.waitSignal(timer.due, timeout=100):
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert check.calls == 1
    timer.stop()


def test_a_check_from_a_slot_of_due_does_not_run_the_check_again(qtbot):
    check = OnceCheck()
    timer = ReminderTimer(check)
    nested = []
    timer.due.connect(lambda _r: nested.append(timer.check_now()))
    timer.check_now()
    assert nested == [None] and check.calls == 1
