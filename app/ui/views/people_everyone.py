"""The People page's Everyone tab (app/ui/views/people_page.py): the list of everyone
under a search and a circle filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.i18n import _
from app.people.circle_names import circle_label
from app.ui.views.people_lists import PeopleList

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.types import Circle

SEARCH_DELAY_MS = 200
ALL_CIRCLES = -1


class EveryoneTab(QWidget):
    """The search and the circle filter above the list of everyone. `changed` fires when
    the circle changes, and when typing in the search pauses."""

    changed = Signal()

    def __init__(self, everyone_list: PeopleList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setAccessibleName(_("Search people"))
        self.search.setPlaceholderText(_("Search names, companies, handles"))
        self.search.setToolTip(_("Names, companies, roles and handles (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(everyone_list.setFocus)
        self.circle_filter = QComboBox()
        self.circle_filter.setObjectName("circleFilter")
        self.circle_filter.setAccessibleName(_("Circle"))
        self.circle_filter.currentIndexChanged.connect(lambda _i: self.changed.emit())
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.circle_filter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(everyone_list, 1)

    def query(self) -> tuple[str, int | None]:
        """The search as typed and the circle chosen (None: all circles). A search still
        waiting for typing to pause is taken now, and not again when it would have."""
        self._search_timer.stop()
        circle = self.circle_filter.currentData()
        return self.search.text().strip(), None if circle in (None, ALL_CIRCLES) else circle

    def fill_circles(self, circles: Sequence[Circle]) -> bool:
        """List the circles again, keeping the one chosen; whether it was removed (then
        all circles are chosen, and `changed` does not fire)."""
        current = self.circle_filter.currentData()
        self.circle_filter.blockSignals(True)
        self.circle_filter.clear()
        self.circle_filter.addItem(_("All circles"), ALL_CIRCLES)
        for circle in circles:
            self.circle_filter.addItem(circle_label(circle.name), circle.id)
        index = self.circle_filter.findData(current if current is not None else ALL_CIRCLES)
        self.circle_filter.setCurrentIndex(max(0, index))
        self.circle_filter.blockSignals(False)
        return index < 0 and current not in (None, ALL_CIRCLES)
