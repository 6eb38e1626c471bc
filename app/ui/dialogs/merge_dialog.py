"""Merge two people who are one: pick the other by typing part of their name; their
touches move over, empty fields are filled from them, notes are joined, and they are
removed (docs/PEOPLE.md, "Merging")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import _
from app.people.circle_names import circle_label
from app.ui.dialogs.form_parts import problem_label, show_problem
from app.ui.look import quiet
from app.ui.qt_values import USER_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from app.people.service import PeopleService
    from app.types import Person

_ID_ROLE = USER_ROLE + 1
SHOWN = 50  # matches listed as the user types
SEARCH_DELAY_MS = 150


class MergeDialog(QDialog):
    """Merges `person` with the one picked; by default `person` is kept. After Merge,
    `kept` is the person that stays."""

    def __init__(
        self, people: PeopleService, person: Person, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._people = people
        self.person = person
        self.kept: Person | None = None
        self.setWindowTitle(_("Merge {name} with…").format(name=person.name))
        self.setMinimumWidth(440)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.setAccessibleName(_("Find the other person"))
        self.search.setPlaceholderText(_("Type part of their name, company or handle"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_matches)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.matches = QListWidget()
        self.matches.setObjectName("mergeMatches")
        self.matches.setAccessibleName(_("People to merge with"))
        self.matches.currentItemChanged.connect(lambda *_a: self._explain())
        self.keep_this = QRadioButton(_("&Keep {name}").format(name=person.name))
        self.keep_this.setChecked(True)
        self.keep_other = QRadioButton(_("Keep the &other"))
        self.keep_this.toggled.connect(lambda _on: self._explain())
        self.explain = QLabel()
        self.explain.setObjectName("mergeExplain")
        self.explain.setWordWrap(True)
        quiet(self.explain)
        self.problem = problem_label("mergeProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(_("&Merge"))
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.keep_this)
        layout.addWidget(self.keep_other)
        layout.addWidget(self.explain)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.search_matches()

    def search_matches(self) -> None:
        """List the people matching the search (the person themselves left out)."""
        self._timer.stop()
        ids = [i for i in self._people.ids(self.search.text().strip()) if i != self.person.id]
        self.matches.clear()
        for other in self._people.rows(ids[:SHOWN]):
            line = " · ".join(
                p for p in (other.name, other.company, circle_label(other.circle)) if p
            )
            entry = QListWidgetItem(line)
            entry.setData(_ID_ROLE, other.id)
            self.matches.addItem(entry)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self._explain()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the search box goes to the matches; it never merges straight away.
        if self.focusWidget() is self.search and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.search_matches()
            self.matches.setFocus()
            return
        super().keyPressEvent(event)

    def other(self) -> Person | None:
        entry = self.matches.currentItem()
        return self._people.get(int(entry.data(_ID_ROLE))) if entry is not None else None

    def _explain(self) -> None:
        other = self.other()
        self.merge_button.setEnabled(other is not None)
        if other is None:
            self.explain.setText(_("Nobody else matches."))
            return
        self.keep_other.setText(_("Keep the &other ({name})").format(name=other.name))
        keep, fold = (self.person, other) if self.keep_this.isChecked() else (other, self.person)
        # Translators: {fold} is the person merged into {keep}, then removed.
        text = _(
            "{fold}'s touches move to {keep}; {keep}'s empty fields are filled from {fold}'s"
            " and the notes are joined. Then {fold} is removed."
        )
        self.explain.setText(text.format(fold=fold.name, keep=keep.name))

    def merge(self) -> None:
        other = self.other()
        if other is None:
            return
        keep, fold = (self.person, other) if self.keep_this.isChecked() else (other, self.person)
        try:
            self.kept = self._people.merge(keep.id, fold.id)
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.accept()
