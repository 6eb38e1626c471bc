"""Edit the circles people are kept warm in: each one's name, ideal and maximum interval
in days; add one; remove one, moving its people to another (docs/PEOPLE.md,
"Circles"). Every edit is saved as it is made, like the feeds table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import N_, _
from app.people.circle_names import circle_label
from app.ui.dialogs.form_parts import problem_label, show_problem
from app.ui.look import quiet

if TYPE_CHECKING:
    from app.people.service import PeopleService
    from app.types import Circle

NAME, IDEAL, MAXIMUM = range(3)
HEADERS = (N_("Circle"), N_("Ideal (days)"), N_("At most (days)"))
# A new circle's name (saved as the user's own, in the language shown) and intervals.
NEW_CIRCLE = (N_("New circle"), 90, 120)


class CirclesDialog(QDialog):
    """The circles as a table whose cells save when edited (F2 or a double click)."""

    def __init__(self, people: PeopleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self.circles: list[Circle] = []
        self.setWindowTitle(_("Circles"))
        self.resize(520, 360)
        intro = QLabel(
            _(
                "A circle says how often to keep its people warm: due after the ideal interval"
                " with no touch, overdue after the maximum. A person may have a pace of their"
                " own."
            )
        )
        intro.setWordWrap(True)
        quiet(intro)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("circlesTable")
        self.table.setAccessibleName(_("Circles"))
        self.table.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (IDEAL, MAXIMUM):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(_("&Add a circle"))
        self.add_button.setObjectName("addCircle")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(_("&Remove…"))
        self.remove_button.setObjectName("removeCircle")
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.problem = problem_label("circlesProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.reload()
        self.table.setCurrentCell(0, NAME)

    def reload(self) -> None:
        self.circles = self._people.circles()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.circles))
        for row, circle in enumerate(self.circles):
            for column, value in enumerate(
                (circle_label(circle.name), circle.ideal_days, circle.max_days)
            ):
                cell = QTableWidgetItem(str(value))
                if column != NAME:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.remove_button.setEnabled(len(self.circles) > 1)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if not 0 <= row < len(self.circles):
            return
        circle = self.circles[row]
        name = self._cell(row, NAME)
        if name == circle_label(circle.name):  # the shown name, untouched: keep the stored one
            name = circle.name
        self._act(
            lambda: self._people.edit_circle(
                circle.id, name, self._cell(row, IDEAL), self._cell(row, MAXIMUM)
            )
        )

    def _act(self, work: Callable[[], object]) -> bool:
        """Save a change, then show the circles as saved (or what is wrong, the table as
        it was)."""
        try:
            work()
        except DigwellError as err:
            show_problem(self.problem, err)
            self.reload()
            return False
        self.problem.hide()
        self.reload()
        return True

    def add(self) -> None:
        """A new circle with a free name, its name ready to type over."""
        taken = {c.name.casefold() for c in self.circles}
        base = _(NEW_CIRCLE[0])
        name, number = base, 2
        while name.casefold() in taken:
            name, number = f"{base} {number}", number + 1
        if self._act(lambda: self._people.add_circle(name, *NEW_CIRCLE[1:])):
            row = len(self.circles) - 1
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(self.table.item(row, NAME))

    def remove_selected(self) -> None:
        """Ask which circle takes its people, then remove it."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.circles) or len(self.circles) < 2:
            return
        circle = self.circles[row]
        others = [c for c in self.circles if c.id != circle.id]
        name, ok = QInputDialog.getItem(
            self,
            _("Remove {circle}").format(circle=circle_label(circle.name)),
            _("Move the people of {circle} to:").format(circle=circle_label(circle.name)),
            [circle_label(c.name) for c in others],
            len(others) - 1,
            False,
        )
        if ok:
            target = next(c for c in others if c.name == name)
            self.remove(circle.id, target.id)

    def remove(self, circle_id: int, move_to: int) -> bool:
        return self._act(lambda: self._people.remove_circle(circle_id, move_to))
