"""The inbox's list of items: one row per item, painted by ItemDelegate, with
single-key commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

from app.i18n import _
from app.ui.page_keys import INBOX_LIST, single_letters
from app.ui.qt_values import KEY_DELETE, KEY_ENTER, KEY_RETURN, SCROLLBAR_ALWAYS_OFF
from app.ui.views.item_delegate import ItemDelegate

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtGui import QKeyEvent

_KEYS = single_letters(INBOX_LIST)  # j, k, s, m, d, o (Delete and Return below)


class ItemList(QTableView):
    """The item list, with single-key commands while it has the focus (so typing in the
    search box never triggers them): j/k move, s star, m read/unread, d or Delete
    dismiss (again: bring back), o or Enter open the link. `when` words a date.

    A one-column table, not a QListView or QTreeView: both lay out every row again when
    rows are added, so paging in 200 rows at a time grew to 200 ms a page near row
    100,000; a table with fixed row heights only adds header sections."""

    command = Signal(str)

    def __init__(
        self,
        model: QAbstractItemModel,
        when: Callable[[datetime | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxList")
        self.setAccessibleName(_("Inbox items"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setModel(model)
        self.setItemDelegate(ItemDelegate(when, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ItemDelegate.row_height(self.font()))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setProperty("horizontalScrollBarPolicy", SCROLLBAR_ALWAYS_OFF)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text().lower()
        plain = not event.modifiers().value  # no Ctrl, Alt or Shift
        if plain and key == KEY_DELETE:
            self.command.emit("dismiss")
        elif plain and key in (KEY_RETURN, KEY_ENTER):
            self.command.emit("open")
        elif plain and text in _KEYS:
            self.command.emit(_KEYS[text])
        else:
            super().keyPressEvent(event)
