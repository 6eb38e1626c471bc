"""Drafts: the list of drafts with their state, and the composer for the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QSplitter, QWidget

from app.planner import Planner
from app.types import Draft
from app.ui.formatting import relative_time
from app.ui.views.composer import Composer

DraftIdRole = Qt.ItemDataRole.UserRole + 1


class DraftsPage(QSplitter):
    """Left: drafts, newest edit first. Right: the composer."""

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._planner = planner
        self.list = QListWidget()
        self.list.setObjectName("draftList")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        self.composer = Composer(planner)
        self.composer.saved.connect(self._refresh_entry)
        self.composer.posted.connect(lambda _post: self.reload())
        self.addWidget(self.list)
        self.addWidget(self.composer)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 700])
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Re-read the drafts; keep (or move to) the selected one."""
        keep = select if select is not None else self._current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for draft in self._planner.drafts():
            entry = QListWidgetItem(self._label(draft))
            entry.setData(DraftIdRole, draft.id)
            self.list.addItem(entry)
            if draft.id == keep:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        current = self._current_id()
        if current is None and self.list.count():
            self.list.setCurrentRow(0)
        elif (self.composer.draft.id if self.composer.draft else None) != current:
            self._selected(self.list.currentItem(), None)

    def open_draft(self, draft_id: int) -> None:
        self.reload(select=draft_id)
        self.composer.editor.setFocus()

    def draft_count(self) -> int:
        return self.list.count()

    def _current_id(self) -> int | None:
        entry = self.list.currentItem()
        return entry.data(DraftIdRole) if entry else None

    def _label(self, draft: Draft) -> str:
        when = relative_time(draft.updated, self._planner.clock.now(), self._planner.clock.tz())
        return f"{draft.title}\n{draft.state.capitalize()} · {when}"

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        draft_id = current.data(DraftIdRole) if current else None
        self.composer.show_draft(self._planner.draft(draft_id) if draft_id else None)

    def _refresh_entry(self, draft_id: int) -> None:
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.data(DraftIdRole) == draft_id:
                entry.setText(self._label(self._planner.draft(draft_id)))
