"""Pick one of the user's people by typing part of their name, company or handle: the
composer's "Mention a person…" (docs/PEOPLE.md, "Mentions")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, formats, ngettext
from app.people.mentions import mention
from app.planner import Planner
from app.types import Person
from app.ui.look import quiet

SEARCH_MS = 120  # a search over 30,000 people takes a few ms: not on every key
SHOWN = 50  # the first people by name; typing more narrows them down
_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class PersonPicker(QDialog):
    """A search field over a list of people, each with their mention on `platform`.
    Up and Down move in the list while typing; Enter picks. `person()` once accepted."""

    def __init__(self, planner: Planner, platform: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mention a person"))
        self.setObjectName("personPicker")
        self._planner = planner
        self._platform = platform
        self._people: dict[int, Person] = {}
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setAccessibleName(_("Find a person"))
        self.search.setPlaceholderText(_("Type a name, company or handle"))
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("personResults")
        self.results.setAccessibleName(_("People found"))
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.note = QLabel()
        quiet(self.note)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_MS)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Mention"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(420, 360)
        self.find()

    def find(self) -> None:
        """List the people matching what is typed, by name."""
        self._timer.stop()
        ids = self._planner.people.ids(self.search.text())
        people = self._planner.people.rows(ids[:SHOWN])
        self._people = {p.id: p for p in people}
        self.results.clear()
        for person in people:
            written = mention(person, self._platform)
            extra = " · ".join(t for t in (person.company, written) if t and t != person.name)
            item = QListWidgetItem(f"{person.name} — {extra}" if extra else person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        more = len(ids) - len(people)
        if not ids:
            self.note.setText(_("Nobody matches. Add people on the People page."))
        elif more > 0:
            self.note.setText(
                ngettext(
                    "{count} more: type more of the name.",
                    "{count} more: type more of the name.",
                    more,
                ).format(count=formats.number(more))
            )
        else:
            self.note.setText("")

    def person(self) -> Person | None:
        """The person picked (the one selected in the list)."""
        item = self.results.currentItem()
        return self._people.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def accept(self) -> None:
        if self._timer.isActive():  # Enter typed before the list caught up
            self.find()
        if self.person() is not None:
            super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the search field move in the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVE_KEYS
        ):
            QCoreApplication.sendEvent(self.results, event)
            return True
        return super().eventFilter(watched, event)
