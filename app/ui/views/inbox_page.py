"""Inbox: the item list beside the preview, or the empty state when there are no feeds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.planner import Planner
from app.ui.formatting import relative_time
from app.ui.models.inbox_model import InboxModel, ItemIdRole
from app.ui.views.item_delegate import ItemDelegate
from app.ui.views.preview import PreviewPane

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from app.ui.views.empty_state import EmptyInbox


class InboxPage(QStackedWidget):
    """Shows the list when there are items, else what to do next."""

    draft_requested = Signal(int)
    demo_requested = Signal()
    add_feed_requested = Signal()
    import_requested = Signal()

    def __init__(self, planner: Planner, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.model = InboxModel(planner, self)

        self.view = QListView()
        self.view.setObjectName("inboxList")
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ItemDelegate(self._when, self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        self.preview = PreviewPane()
        self.preview.draft_requested.connect(self.draft_requested)

        split = QSplitter()  # horizontal
        split.addWidget(self.view)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 560])
        split.setChildrenCollapsible(False)

        self._icon = icon
        self.empty: EmptyInbox | None = None  # built only when there is nothing to list
        self.addWidget(split)
        self._list_page = split
        self.reload()

    def reload(self) -> None:
        """Re-read the inbox; show the empty state if there is nothing to list."""
        for step in self.reload_steps():
            step()

    def reload_steps(self) -> list[Callable[[], None]]:
        """`reload` in steps, for the event loop to run (and paint) in between: the items
        (with the rows shown first), showing them, the selection and its preview. After
        a large refresh each takes under ~12 ms with its painting; all at once, or the
        list's first paint with its rows still to read, stalled the window ~30 ms."""
        current = self.preview.item.id if self.preview.item else None
        return [self.model.reload, self._show_list_or_empty, lambda: self._select(current)]

    def _show_list_or_empty(self) -> None:
        if self.model.total():
            self.setCurrentWidget(self._list_page)
            return
        if self.empty is None:
            from app.ui.views.empty_state import EmptyInbox

            self.empty = EmptyInbox(self._icon)
            self.empty.demo_requested.connect(self.demo_requested)
            self.empty.add_feed_requested.connect(self.add_feed_requested)
            self.empty.import_requested.connect(self.import_requested)
            self.addWidget(self.empty)
        self.setCurrentWidget(self.empty)

    def _select(self, item_id: int | None) -> None:
        """Select `item_id` if it is still listed, else the first item."""
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None and self.model.total():
            row = 0
        if row is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )

    def selected_item_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ItemIdRole) if index.isValid() else None

    def item_changed(self, item_id: int) -> None:
        """Repaint one item, e.g. once it has a draft."""
        self.model.refresh_row(item_id)

    def _when(self, published) -> str:
        return relative_time(published, self._planner.clock.now(), self._planner.clock.tz())

    def _current_changed(self, current, _previous) -> None:
        item_id = current.data(ItemIdRole) if current.isValid() else None
        if item_id is None:
            self.preview.show_item(None, "")
            return
        item = self._planner.item(item_id)
        self.preview.show_item(item, self._when(item.published))
