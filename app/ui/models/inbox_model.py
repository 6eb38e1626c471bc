"""The ranked inbox as a list model that holds item ids and loads rows lazily."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex

from app.i18n import _
from app.planner import Planner
from app.types import InboxFilter, ItemRow
from app.ui.qt_values import (
    ACCESSIBLE_DESCRIPTION_ROLE,
    ACCESSIBLE_TEXT_ROLE,
    DISPLAY_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
)

ItemIdRole = USER_ROLE + 1
SourceRole = USER_ROLE + 2
PublishedRole = USER_ROLE + 3
HasDraftRole = USER_ROLE + 4
ReadRole = USER_ROLE + 5
StarredRole = USER_ROLE + 6
ThemeRole = USER_ROLE + 7
ColorRole = USER_ROLE + 8
ReasonRole = USER_ROLE + 9
SharedRole = USER_ROLE + 10

_BATCH = 200  # rows exposed per fetchMore
_ROWS_READ = 25  # rows read per cache miss: a screenful (the first paint reads them), ~20 us a row

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    _Index = QModelIndex | QPersistentModelIndex


class InboxModel(QAbstractListModel):
    """Ids come a page at a time from one indexed query (a search's all at once, at most
    a few hundred); row data is read in batches when first shown."""

    def __init__(self, planner: Planner, parent: Any = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._filter = InboxFilter()
        self._search_index = True  # whether a search may index waiting items first
        self._ids: list[int] = []  # the ids read so far, in inbox order
        self._after: tuple[float, int] | None = None  # (rank key, id) of the last one read
        self._total = 0
        self._exposed = 0
        self._rows: dict[int, ItemRow] = {}
        self.reload()

    @property
    def filter(self) -> InboxFilter:
        return self._filter

    def set_filter(self, inbox: InboxFilter, *, index_first: bool = True) -> None:
        """List another view (theme, state, search words) from its top."""
        self._filter = inbox
        self._search_index = index_first
        self.reload()

    def reload(self) -> None:
        """Start again from the top, e.g. after a refresh: the count, the first page of
        ids and the rows the view shows first. Ids are read a page at a time as the view
        scrolls (keyset pages on the ranks index): reading all of them took ~10 ms per
        25,000 items."""
        inbox = self._filter
        if inbox.search:
            page = [
                (item_id, 0.0)
                for item_id in self._planner.inbox.search(inbox, index_first=self._search_index)
            ]
            total = len(page)
        else:
            total = self._planner.inbox.count(inbox)
            page = self._planner.inbox.page(inbox, _BATCH)
        first = [item_id for item_id, _rank in page[:_ROWS_READ]]
        rows = self._planner.inbox.rows(first, inbox.theme_id)
        self.beginResetModel()
        self._total = total
        self._ids = []
        self._after = None
        self._take(page)
        self._exposed = min(len(self._ids), _BATCH)
        self._rows = rows
        self.endResetModel()

    def _take(self, page: list[tuple[int, float]]) -> None:
        if page:
            self._ids.extend(item_id for item_id, _rank in page)
            self._after = (page[-1][1], page[-1][0])

    def total(self) -> int:
        return self._total

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._exposed

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._exposed < self._total

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        if self._exposed >= len(self._ids):
            page = []
            if not self._filter.search:
                page = self._planner.inbox.page(self._filter, _BATCH, self._after)
            if not page:  # fewer items than counted (changed since): stop asking
                self._total = len(self._ids)
                return
            self._take(page)
        more = min(len(self._ids) - self._exposed, _BATCH)
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + more - 1)
        self._exposed += more
        self.endInsertRows()

    def item_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        """The row showing `item_id`, if it is exposed."""
        try:
            row = self._ids.index(item_id)
        except ValueError:
            return None
        return row if row < self._exposed else None

    def remove_item(self, item_id: int) -> None:
        """Take an item out of the list where it stands (it left this view), keeping the
        rows read so far and the place the view scrolled to."""
        row = self.row_of(item_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._exposed -= 1
        self._total -= 1
        self._rows.pop(item_id, None)
        self.endRemoveRows()

    def refresh_row(self, item_id: int) -> None:
        """Forget the cached row so it is read again (e.g. it now has a draft)."""
        self._rows.pop(item_id, None)
        row = self.row_of(item_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _row(self, row: int) -> ItemRow | None:
        item_id = self._ids[row]
        cached = self._rows.get(item_id)
        if cached is None:
            batch = [i for i in self._ids[row : row + _ROWS_READ] if i not in self._rows]
            self._rows.update(self._planner.inbox.rows(batch, self._filter.theme_id))
            cached = self._rows.get(item_id)
        return cached

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._exposed:
            return None
        if role == ItemIdRole:
            return self._ids[index.row()]
        row = self._row(index.row())
        if row is None:
            return None
        if role == DISPLAY_ROLE:
            return row.title
        if role == TOOLTIP_ROLE:
            return f"{row.title}\n{row.reason}" if row.reason else row.title
        if role == ACCESSIBLE_TEXT_ROLE:
            return self._spoken(row)
        if role == ACCESSIBLE_DESCRIPTION_ROLE:
            return spoken_states(row)
        return _ROLES[role](row) if role in _ROLES else None

    def _spoken(self, row: ItemRow) -> str:
        """What a screen reader says of a row (the delegate paints the same): its title,
        source and age, then why it ranks."""
        from app.ui.formatting import relative_time

        clock = self._planner.clock
        age = relative_time(row.published, clock.now(), clock.tz())
        # Translators: an inbox row read aloud: "Golden paths, not cages — Platform Weekly,
        # 3 hours ago. Platform engineering: golden path (title)".
        text = _("{title} — {source}, {age}.").format(title=row.title, source=row.source, age=age)
        return f"{text} {row.reason}" if row.reason else text


def spoken_states(row: ItemRow) -> str:
    """The row's states that the delegate shows as marks: "Unread, starred, drafted"."""
    states = [
        _("Unread") if not row.read else "",
        _("Starred") if row.starred else "",
        _("Has a draft") if row.has_draft else "",
        _("Already shared") if row.shared_at else "",
    ]
    return ", ".join(state for state in states if state)


_ROLES = {
    SourceRole: lambda r: r.source,
    PublishedRole: lambda r: r.published,
    HasDraftRole: lambda r: r.has_draft,
    ReadRole: lambda r: r.read,
    StarredRole: lambda r: r.starred,
    ThemeRole: lambda r: r.theme,
    ColorRole: lambda r: r.color,
    ReasonRole: lambda r: r.reason,
    SharedRole: lambda r: r.shared_at,
}
