"""Posting days and time, reminders, and whether closing the window keeps Digwell in the
tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QTimeEdit,
    QWidget,
)

from app.cadence.schedule import DAY_NAMES, PostingSchedule
from app.errors import DigwellError
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem

if TYPE_CHECKING:
    from app.cadence.service import CadenceService


class ScheduleDialog(QDialog):
    """Saved only when valid; a problem is said in place and nothing closes."""

    def __init__(
        self, book: CadenceService, *, tray_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self.setWindowTitle("Posting schedule")
        schedule = book.schedule()
        days_row = QWidget()
        days_layout = QHBoxLayout(days_row)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: list[QCheckBox] = []
        for day, name in enumerate(DAY_NAMES):
            box = QCheckBox(name)
            box.setChecked(day in schedule.days)
            self.day_boxes.append(box)
            days_layout.addWidget(box)
        self.time = QTimeEdit(QTime(schedule.at.hour, schedule.at.minute))
        self.time.setDisplayFormat("HH:mm")
        self.reminders = QCheckBox(
            "Remind me at these times when I am behind or a draft is planned"
        )
        self.reminders.setChecked(book.reminders_enabled())
        self.close_to_tray = QCheckBox("Keep Digwell in the tray when I close the window")
        self.close_to_tray.setChecked(book.close_to_tray() and tray_available)
        self.close_to_tray.setEnabled(tray_available)
        if not tray_available:
            self.close_to_tray.setToolTip("This desktop has no system tray.")
        self.problem = problem_label("scheduleProblem")
        buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow("Post on", days_row)
        form.addRow("At", self.time)
        form.addRow(self.reminders)
        form.addRow(self.close_to_tray)
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
        self.accept()
