"""Review your network: the people with no touch in over a year and nothing ever given
to them, offered for archiving, all or some ("prune them from your list";
docs/PEOPLE.md, "Review your network"). Archived people stay in history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import N_, _, ngettext
from app.people.circle_names import circle_label
from app.people.keep_warm import last_touch_text
from app.ui.dialogs.form_parts import problem_label, show_problem

if TYPE_CHECKING:
    from app.people.service import PeopleService
    from app.types import Person

    _Index = QModelIndex | QPersistentModelIndex

INTRO = N_(
    "These people have had no touch from you in over a year, and you have never credited,"
    " thanked or helped them. A network is the people you keep warm, not the size of a"
    " list: check the ones to archive. They stay in your history and leave every list."
)


class CheckedPeople(QAbstractListModel):
    """People with a check box each (a model, not a list of widgets: a large import can
    offer thousands)."""

    checks_changed = Signal()

    def __init__(self, people: list[Person], today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._people = people
        self._today = today
        self.checked: set[int] = set()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._people)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            parts = (
                person.name,
                person.company,
                circle_label(person.circle),
                last_touch_text(person, self._today),
            )
            return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.CheckStateRole:
            on = person.id in self.checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        person_id = self._people[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(person_id)
        else:
            self.checked.discard(person_id)
        self.dataChanged.emit(index, index)
        self.checks_changed.emit()
        return True

    def check_all(self, on: bool) -> None:
        self.checked = {p.id for p in self._people} if on else set()
        if self._people:
            self.dataChanged.emit(self.index(0), self.index(len(self._people) - 1))
        self.checks_changed.emit()

    def checked_ids(self) -> list[int]:
        return [p.id for p in self._people if p.id in self.checked]


class ReviewDialog(QDialog):
    """After Archive, `archived` holds the ids archived."""

    def __init__(self, people: PeopleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self.archived: list[int] = []
        self.setWindowTitle(_("Review your network"))
        self.resize(560, 480)
        candidates = people.review()
        intro = QLabel(
            _(INTRO)
            if candidates
            else _(
                "Nobody to review: everyone has had a touch within the year, or something given."
            )
        )
        intro.setWordWrap(True)
        self.model = CheckedPeople(candidates, people.today(), self)
        self.model.checks_changed.connect(self._count)
        self.view = QListView()
        self.view.setObjectName("reviewList")
        self.view.setAccessibleName(_("People to review"))
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.all_button = QPushButton(_("Check &all"))
        self.all_button.clicked.connect(lambda: self.model.check_all(True))
        self.none_button = QPushButton(_("Check &none"))
        self.none_button.clicked.connect(lambda: self.model.check_all(False))
        checks = QHBoxLayout()
        checks.addWidget(self.all_button)
        checks.addWidget(self.none_button)
        checks.addStretch(1)
        self.problem = problem_label("reviewProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.archive_button = self.buttons.addButton(
            _("Archi&ve checked"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.archive)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(checks)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for widget in (self.view, self.all_button, self.none_button):
            widget.setEnabled(bool(candidates))
        self._count()
        if candidates:
            self.view.setCurrentIndex(self.model.index(0))

    def _count(self) -> None:
        count = len(self.model.checked)
        self.archive_button.setEnabled(count > 0)
        self.archive_button.setText(
            ngettext("Archi&ve {count} checked", "Archi&ve {count} checked", count).format(
                count=count
            )
            if count
            else _("Archi&ve checked")
        )

    def archive(self) -> None:
        ids = self.model.checked_ids()
        if not ids:
            return
        try:
            self._people.archive(ids)
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.archived = ids
        self.accept()
