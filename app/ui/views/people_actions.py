"""What the People page's buttons and keys do: add and edit people, log a touch, snooze,
archive, merge, remove a touch, import, the circles and the network review
(docs/PEOPLE.md). Dialogs open window-modal (`open`, not `exec`); the service announces
each change and the page reloads from it (docs/ARCHITECTURE.md, "Changes")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QMessageBox, QWidget

from app.errors import DigwellError
from app.i18n import N_, _, formats, ngettext
from app.ui.dialogs.form_parts import save_cancel
from app.ui.views.person_timeline import KIND_WORDS

if TYPE_CHECKING:
    from app.planner import Planner
    from app.types import Person

# The page (app.ui.views.people_page.PeoplePage), which builds its actions with this
# module: naming its class here, even for type checkers only, would be an import loop.
PeoplePage = Any

SNOOZE_DAYS = {"week": 7, "month": 30}
# Each touch kind within a sentence ("Logged: credited, Ada Quill."), as KIND_WORDS.
KIND_IN_TEXT = {
    "credited": N_("credited"),
    "thanked": N_("thanked"),
    "helped": N_("helped"),
    "commented": N_("commented"),
    "talked": N_("talked"),
    "message": N_("message"),
    "asked": N_("asked"),
    "connected": N_("connected"),
}
RECENT_POSTS = 30  # offered in the touch dialog


class SnoozeDialog(QDialog):
    """Pick the day a snooze ends (from tomorrow)."""

    def __init__(self, person: Person, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Snooze {name}").format(name=person.name))
        self.until = QDateEdit()
        self.until.setObjectName("snoozeUntil")
        self.until.setAccessibleName(_("Snooze until"))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        start = today + timedelta(days=1)
        self.until.setMinimumDate(QDate(start.year, start.month, start.day))
        later = today + timedelta(days=SNOOZE_DAYS["month"])
        self.until.setDate(QDate(later.year, later.month, later.day))
        form = QFormLayout(self)
        form.addRow(_("&Until"), self.until)
        form.addRow(save_cancel(self, self.accept))

    def day(self) -> date:
        day = self.until.date()
        return date(day.year(), day.month(), day.day())


class PeopleActions:
    """Acts for `page` on the person it shows. `dialog` is the last dialog opened (the
    tests fill it in)."""

    def __init__(self, page: PeoplePage, planner: Planner) -> None:
        self._page = page
        self._planner = planner
        self.people = planner.people
        self.dialog: QDialog | None = None

    def run(self, name: str) -> None:
        """A key pressed in a list (see PeopleList)."""
        commands: dict[str, Callable[[], object]] = {
            "touch": self.log_touch,
            "edit": self.edit_person,
            "archive": self.archive_person,
            "snooze": lambda: self._page.person_view.snooze_button.showMenu(),
        }
        commands[name]()

    def _open(self, dialog: QDialog, done: Callable[[], None]) -> QDialog:
        dialog.accepted.connect(done)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _try(self, work: Callable[[], object], done: str) -> bool:
        try:
            work()
        except DigwellError as err:
            self._page.failed.emit(err)
            return False
        self._page.message.emit(done)
        return True

    # People ----------------------------------------------------------------------

    def add_person(self) -> QDialog:
        from app.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.people, self._page)

        def added() -> None:
            if dialog.person is not None:
                self._page.reload()
                self._page.select_in_everyone(dialog.person.id)
                self._page.message.emit(_("Added {name}.").format(name=dialog.person.name))

        return self._open(dialog, added)

    def edit_person(self) -> QDialog | None:
        person = self._page.selected()
        if person is None:
            return None
        from app.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.people, self._page, person)
        return self._open(
            dialog, lambda: self._page.message.emit(_("Saved {name}.").format(name=person.name))
        )

    def merge_person(self) -> QDialog | None:
        person = self._page.selected()
        if person is None:
            return None
        from app.ui.dialogs.merge_dialog import MergeDialog

        dialog = MergeDialog(self.people, person, self._page)

        def merged() -> None:
            if dialog.kept is not None:
                self._page.reload()
                self._page.select_in_everyone(dialog.kept.id)
                self._page.message.emit(_("Merged into {name}.").format(name=dialog.kept.name))

        return self._open(dialog, merged)

    def archive_person(self) -> None:
        person = self._page.selected()
        if person is None:
            return
        answer = QMessageBox.question(
            self._page,
            _("Archive"),
            _(
                "Archive {name}?\n\nThey stay in your history with their touches, and"
                " leave every list."
            ).format(name=person.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._try(
                lambda: self.people.archive([person.id]),
                _("Archived {name}.").format(name=person.name),
            )

    # Touches and snoozes -------------------------------------------------------------

    def log_touch(self, kind: str = "") -> QDialog | None:
        person = self._page.selected()
        if person is None:
            self._page.message.emit(_("Pick someone first, then log a touch (T)."))
            return None
        from app.ui.dialogs.touch_dialog import TouchDialog

        posts = self._planner.cadence.log.list(RECENT_POSTS)
        dialog = TouchDialog(self.people, person, posts, self._page, kind)

        def logged() -> None:
            touch = dialog.touch
            if touch is not None:
                word = _(KIND_IN_TEXT[touch.kind]) if touch.kind in KIND_IN_TEXT else touch.kind
                # Translators: {kind} is a kind of touch in lower case ("credited", "talked").
                message = _("Logged: {kind}, {name}.")
                self._page.message.emit(message.format(kind=word, name=person.name))

        return self._open(dialog, logged)

    def remove_touch(self, touch_id: int) -> None:
        touch = next((t for t in self._page.person_view.touches if t.id == touch_id), None)
        if touch is None:
            return
        kind = _(KIND_WORDS[touch.kind]) if touch.kind in KIND_WORDS else touch.kind
        # Translators: {kind} is a kind of touch ("Credited", "Talked"), {date} its day.
        question = _(
            "Remove this touch ({kind} on {date})?\n\nThe interval counts from the touch before it."
        )
        answer = QMessageBox.question(
            self._page,
            _("Remove touch"),
            question.format(kind=kind, date=formats.day_month_year(touch.on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._try(lambda: self.people.remove_touch(touch_id), _("Touch removed."))

    def snooze(self, choice: str) -> QDialog | None:
        """week, month, date (asks which) or end."""
        person = self._page.selected()
        if person is None:
            return None
        today = self.people.today()
        if choice == "date":
            dialog = SnoozeDialog(person, today, self._page)
            return self._open(dialog, lambda: self.snooze_until(person, dialog.day()))
        if choice == "end":
            self._try(
                lambda: self.people.snooze(person.id, None),
                _("{name} is back.").format(name=person.name),
            )
            return None
        self.snooze_until(person, today + timedelta(days=SNOOZE_DAYS[choice]))
        return None

    def snooze_until(self, person: Person, until: date) -> None:
        self._try(
            lambda: self.people.snooze(person.id, until),
            _("Snoozed {name} until {date}.").format(
                name=person.name, date=formats.day_month_year(until)
            ),
        )

    # The whole network -------------------------------------------------------------

    def import_people(self) -> None:
        """LinkedIn connections or an address book: the window's import flow
        (app/ui/people_import.py), one at a time, wired to its messages."""
        self._page.import_requested.emit()

    def review(self) -> QDialog:
        from app.ui.dialogs.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.people, self._page)

        def archived() -> None:
            count = len(dialog.archived)
            message = ngettext("Archived {count} person.", "Archived {count} people.", count)
            self._page.message.emit(message.format(count=formats.number(count)))

        return self._open(dialog, archived)

    def edit_circles(self) -> QDialog:
        from app.ui.dialogs.circles_dialog import CirclesDialog

        return self._open(CirclesDialog(self.people, self._page), lambda: None)
