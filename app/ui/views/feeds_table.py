"""The feeds page's table: one row per subscription, sortable, the title editable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.i18n import _
from app.ui.models.feeds_model import ITEMS, LAST_SUCCESS, STATUS, THEMES, TITLE, FeedsModel

# Columns that keep a width the user may drag; the title and status share the rest.
FIXED_WIDTHS = ((THEMES, 170), (ITEMS, 60), (LAST_SUCCESS, 120))


class FeedsTable(QTableView):
    """Shows a FeedsModel sorted by title, one row selected at a time; a double click
    or F2 edits the title."""

    def __init__(self, model: FeedsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedTable")
        self.setAccessibleName(_("Feeds"))
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        for column, width in FIXED_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(width, self._title_width(column)))

    def _title_width(self, column: int) -> int:
        """What the column's title needs in the header's (bold) font, with room for the
        sort arrow: a longer language must not cut it."""
        bold = QFont(self.horizontalHeader().font())
        bold.setBold(True)
        title = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        return QFontMetrics(bold).horizontalAdvance(title) + 28
