"""Reminders to post, and the tray icon they show through: started once the window has
settled, they check every so often whether a planned post (or the week's target) is
due; clicking one opens the planned draft, or the inbox to pick something to share.
Once a day at most, they also name the people who went cold (became overdue) since the
last time; clicking that one opens the People page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app import APP_NAME
from app.cadence.reminders import gone_cold_reminder, until_tomorrow
from app.errors import DigwellError
from app.i18n import _, formats
from app.ui.reminder_timer import ReminderTimer
from app.ui.tray import Tray

if TYPE_CHECKING:
    from datetime import timedelta

    from PySide6.QtGui import QIcon

    from app.cadence.reminders import Reminder
    from app.planner import Planner


class TrayReminders(QObject):
    """`tray` (its icon shown where the desktop has a tray) and `timer`, which asks the
    planner for a due reminder on each poll.

    Signals for the window: `raise_requested()`, `quit_requested()`,
    `draft_requested(draft_id)`, `inbox_requested()`, `people_requested()`,
    `show_in_window(reminder)` where there is no tray to show it, `message(text)` and
    `failed(text)`."""

    raise_requested = Signal()
    quit_requested = Signal()
    draft_requested = Signal(int)
    inbox_requested = Signal()
    people_requested = Signal()
    show_in_window = Signal(object)
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, planner: Planner, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._told_about_tray = False
        # Started at login (--tray): closing the window goes back to the tray, whatever
        # the preference, or the reminders it was started for would stop.
        self.started_in_tray = False
        book, clock = planner.cadence, planner.clock
        self.tray = Tray(
            icon,
            self,
            until_tomorrow=lambda: until_tomorrow(clock.now(), clock.tz(), book.schedule()),
        )
        self.tray.open_requested.connect(self.raise_requested)
        self.tray.reminder_clicked.connect(self.follow)
        self.tray.snooze_requested.connect(self._snooze)
        self.tray.quit_requested.connect(self.quit_requested)
        self.timer = ReminderTimer(self._take_reminder, self)
        self.timer.due.connect(self.show_reminder)

    def start(self) -> None:
        """Show the icon where there is a tray; check now (one may have come due while
        Digwell was not running), then every so often."""
        self.tray.set_visible(Tray.available())
        self.timer.start()
        self.timer.check_now()

    def stop(self) -> None:
        """No more checks, no more icon (Digwell quits)."""
        self.timer.stop()
        self.tray.set_visible(False)

    def _take_reminder(self) -> Reminder | None:
        """A reminder to post if one is due, else the day's people gone cold: one per
        poll, so both never arrive at once."""
        try:
            return self._planner.cadence.take_due_reminder() or self._gone_cold()
        except DigwellError as err:  # a busy database: the next poll tries again
            self.failed.emit(str(err))
            return None

    def _gone_cold(self) -> Reminder | None:
        """Who became overdue since the last such reminder, once a day at most; nothing
        while reminders are off or snoozed (the day is then not used up)."""
        planner = self._planner
        if planner.cadence.reminders_quiet():
            return None
        people = planner.people.people_to_remind()
        if not people:
            return None
        return gone_cold_reminder(planner.clock.now(), [(p.id, p.name) for p in people])

    def show_reminder(self, reminder: Reminder) -> None:
        """Through the tray when it can; otherwise in the window."""
        if not self.tray.show_reminder(reminder):
            self.show_in_window.emit(reminder)

    def follow(self, reminder: Reminder) -> None:
        """Open the planned draft, or the inbox to pick something to share; the People
        page for people gone cold."""
        self.raise_requested.emit()
        if reminder.people:
            self.people_requested.emit()
            return
        if reminder.draft_id is not None:
            try:
                draft = self._planner.drafting.draft(reminder.draft_id)
            except DigwellError:
                draft = None
            if draft is not None and draft.state in ("draft", "planned"):
                self.draft_requested.emit(draft.id)
                return
            self.message.emit(
                _("That planned draft was posted or deleted since: here is the inbox.")
            )
        self.inbox_requested.emit()

    def _snooze(self, length: timedelta) -> None:
        reminder = self.tray.pending
        if reminder is None:
            self.message.emit(_("No reminder to snooze right now."))
            return
        planner = self._planner
        until = planner.cadence.snooze(reminder, length).astimezone(planner.clock.tz())
        self.message.emit(
            _("Reminder snoozed until {time} ({date}).").format(
                time=formats.time_of_day(until), date=formats.weekday_day_month(until)
            )
        )

    def keeps_running(self) -> bool:
        """Whether closing the window only hides it, Digwell staying in the tray (the
        user's choice, where the desktop shows the icon)."""
        if not self.tray.tray_icon.isVisible():
            return False
        if self.started_in_tray:
            return True
        try:
            return self._planner.cadence.close_to_tray()
        except DigwellError:
            return False

    def tell_still_running(self) -> None:
        """Say, the first time the window hides into the tray, where Digwell went."""
        if not self._told_about_tray:
            self._told_about_tray = True
            self.tray.tray_icon.showMessage(
                APP_NAME, _("Still here, in the tray, for your reminders. Quit from its menu.")
            )
