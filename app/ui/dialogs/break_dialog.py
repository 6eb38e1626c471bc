"""Plan a break: its first and last day (both included; calendars pop up) and a note
("Summer holiday"). During it the presence score is frozen, streaks skip it and
reminders are silent (docs/CADENCE.md, "Planned breaks")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from app.errors import DigwellError
from app.i18n import _
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem
from app.ui.look import quiet

if TYPE_CHECKING:
    from app.cadence.service import CadenceService
    from app.types import Break

# A new break starts today and lasts two weeks, until the user says otherwise.
DEFAULT_DAYS = 14
NOTE_MAX = 200  # as the cadence service allows


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    # Translators: a Qt date format (ddd weekday, d day, MMM month, yyyy year) for the
    # first and last day of a break, e.g. "Tue 3 Nov 2026".
    edit.setDisplayFormat(_("ddd d MMM yyyy"))
    edit.setDate(_qdate(day))
    return edit


class BreakDialog(QDialog):
    """From, to and note; Save plans the break through `cadence.add_break` and emits
    `added(break)`; what is wrong shows in the dialog, which stays open."""

    added = Signal(object)

    def __init__(self, cadence: CadenceService, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Plan a break"))
        self.setMinimumWidth(400)  # the note's example shows whole
        self._cadence = cadence
        self.starts = _date_edit("breakFrom", today)
        self.ends = _date_edit("breakTo", today + timedelta(days=DEFAULT_DAYS - 1))
        # The last day follows the first: never before it, the length kept when moved.
        self.starts.dateChanged.connect(self._start_moved)
        self.ends.setMinimumDate(self.starts.date())
        self.note = QLineEdit()
        self.note.setObjectName("breakNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(_("e.g. Summer holiday, parental leave"))
        self.problem = problem_label("breakProblem")
        form = QFormLayout(self)
        form.addRow(_("From"), self.starts)
        form.addRow(_("To"), self.ends)
        form.addRow(_("Note"), self.note)
        explain = quiet(
            QLabel(
                _(
                    "Both days included. While you are away your presence score is frozen, "
                    "your streak waits for you and reminders are quiet."
                )
            )
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        form.addRow(self.problem)
        form.addRow(save_cancel(self, self.save))
        self._length = self.starts.date().daysTo(self.ends.date())
        self.ends.dateChanged.connect(self._end_moved)

    def _start_moved(self, new: QDate) -> None:
        length = self._length  # setting the minimum may move the last day first
        self.ends.setMinimumDate(new)
        self.ends.setDate(new.addDays(length))

    def _end_moved(self, new: QDate) -> None:
        self._length = max(0, self.starts.date().daysTo(new))

    def period(self) -> tuple[date, date]:
        return _day(self.starts.date()), _day(self.ends.date())

    def save(self) -> None:
        """Plan the break; on a problem say it and stay open."""
        starts_on, ends_on = self.period()
        try:
            planned: Break = self._cadence.add_break(starts_on, ends_on, self.note.text())
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.added.emit(planned)
        self.accept()
