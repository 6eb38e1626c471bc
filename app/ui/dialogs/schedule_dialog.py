"""Posting days and time, reminders, whether closing the window keeps Digwell in the
tray, and whether Digwell starts into the tray at login (docs/DESKTOP.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QMainWindow,
    QTimeEdit,
    QWidget,
)

from app.cadence.schedule import DAY_NAMES, PostingSchedule
from app.errors import DigwellError
from app.i18n import N_, _
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem
from app.ui.messages import Messenger
from app.ui.start_at_login import offer_start_at_login

if TYPE_CHECKING:
    from app.cadence.service import CadenceService

START_AT_LOGIN_TEXT = N_("Start Digwell when I log in (in the tray)")


class ScheduleDialog(QDialog):
    """Saved only when valid; a problem is said in place and nothing closes."""

    def __init__(
        self, book: CadenceService, *, tray_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self.setWindowTitle(_("Posting schedule"))
        schedule = book.schedule()
        days_row = QWidget()
        days_layout = QHBoxLayout(days_row)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: list[QCheckBox] = []
        for day, name in enumerate(DAY_NAMES):
            box = QCheckBox(_(name))  # "Mon": the heatmap's short day names
            box.setChecked(day in schedule.days)
            self.day_boxes.append(box)
            days_layout.addWidget(box)
        self.time = QTimeEdit(QTime(schedule.at.hour, schedule.at.minute))
        self.time.setDisplayFormat("HH:mm")
        self.reminders = QCheckBox(
            _("Remind me at these times when I am behind or a draft is planned")
        )
        self.reminders.setChecked(book.reminders_enabled())
        self.close_to_tray = QCheckBox(_("Keep Digwell in the tray when I close the window"))
        self.close_to_tray.setChecked(book.close_to_tray() and tray_available)
        self.close_to_tray.setEnabled(tray_available)
        if not tray_available:
            self.close_to_tray.setToolTip(_("This desktop has no system tray."))
        self.start_at_login = QCheckBox(_(START_AT_LOGIN_TEXT))
        self.start_at_login.setChecked(book.start_at_login())
        if not tray_available:
            self.start_at_login.setToolTip(_("This desktop has no system tray: the window opens."))
        self.problem = problem_label("scheduleProblem")
        buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow(_("Post on"), days_row)
        # Translators: the time of day to post at, e.g. "At 09:00".
        form.addRow(_("At"), self.time)
        form.addRow(self.reminders)
        form.addRow(self.close_to_tray)
        form.addRow(self.start_at_login)
        form.addRow(self.problem)
        form.addRow(buttons)

    def schedule(self) -> PostingSchedule:
        days = tuple(d for d, box in enumerate(self.day_boxes) if box.isChecked())
        return PostingSchedule(days, self.time.time().toPython())

    def save(self) -> None:
        try:
            self._book.set_schedule(self.schedule())
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self._book.set_preferences(
            reminders=self.reminders.isChecked(),
            close_to_tray=self.close_to_tray.isChecked(),
        )
        at_login = self.start_at_login.isChecked()
        if at_login != self._book.start_at_login():
            try:  # the login entry is a file or a registry value: the system may refuse
                self._book.set_start_at_login(at_login)
            except DigwellError as err:
                show_problem(self.problem, err)
                return
        self.accept()
        window = self.parentWidget()
        if isinstance(window, QMainWindow):  # once, ever: the first schedule set
            offer_start_at_login(self._book, window, Messenger(window))
