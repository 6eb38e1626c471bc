"""The subscriptions as a table: feed, themes, status, items, last success."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.types import Feed
from app.ui.formatting import local_datetime, relative_time

FeedIdRole = Qt.ItemDataRole.UserRole + 1
# A sort key per column (the display text of dates and counts sorts wrongly).
SortRole = Qt.ItemDataRole.UserRole + 2

TITLE, THEMES, STATUS, ITEMS, LAST_SUCCESS = range(5)
HEADERS = ("Feed", "Themes", "Status", "Items", "Last success")

ERROR_COLOR = QColor("#b3261e")
PAUSED_COLOR = QColor("#8a6d00")


def feed_status(feed: Feed) -> tuple[str, str]:
    """(kind, sentence) for a feed: kind is ok | error | paused | new."""
    if feed.paused:
        return "paused", f"Paused: {feed.paused_reason}" if feed.paused_reason else "Paused"
    if feed.last_error:
        return "error", feed.last_error
    if feed.last_success is None:
        return "new", "Not fetched yet"
    return "ok", "OK"


class FeedsModel(QAbstractTableModel):
    """Rows are `Feed`s; titles are editable (renaming the feed). During a refresh,
    `show_outcome` updates a row's status before the database is read again."""

    def __init__(self, now, tz: tzinfo, parent=None) -> None:
        super().__init__(parent)
        self._now = now  # () -> datetime
        self._tz = tz
        self._feeds: list[Feed] = []
        self._live: dict[int, tuple[str, str]] = {}  # feed id -> (kind, text) this refresh
        self.rename = None  # (feed_id, title) -> None, set by the page

    def set_feeds(self, feeds: list[Feed]) -> None:
        self.beginResetModel()
        self._feeds = list(feeds)
        self._live.clear()
        self.endResetModel()

    def feed(self, row: int) -> Feed:
        return self._feeds[row]

    def row_of(self, feed_id: int) -> int | None:
        return next((r for r, f in enumerate(self._feeds) if f.id == feed_id), None)

    def show_outcome(self, outcome: dict) -> None:
        """Show one feed's result from a refresh in progress."""
        row = self.row_of(int(outcome.get("feed_id", -1)))
        if row is None:
            return
        status = outcome.get("status")
        if status in ("error", "gone"):
            live = ("error", str(outcome.get("error", "")) or "Failed")
        elif status == "ok":
            added = int(outcome.get("added", 0))
            live = ("ok", f"OK · {added} new" if added else "OK")
        else:
            live = ("ok", "OK · unchanged")
        self._live[self._feeds[row].id] = live
        self.dataChanged.emit(self.index(row, STATUS), self.index(row, STATUS))

    # Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._feeds)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == TITLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != TITLE or role != Qt.ItemDataRole.EditRole:
            return False
        title = str(value).strip()
        feed = self._feeds[index.row()]
        if not title or title == feed.title or self.rename is None:
            return False
        self.rename(feed.id, title)  # the page reloads the feeds after a rename
        return True

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        feed = self._feeds[index.row()]
        column = index.column()
        if role == FeedIdRole:
            return feed.id
        kind, status = self._live.get(feed.id) or feed_status(feed)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(feed, column, status, role == Qt.ItemDataRole.EditRole)
        if role == SortRole:
            return self._sort_key(feed, column, kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(feed, column, status)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return {"error": ERROR_COLOR, "paused": PAUSED_COLOR}.get(kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ITEMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, feed: Feed, column: int, status: str, editing: bool) -> str:
        if column == TITLE:
            if editing:
                return feed.title
            lock = "🔒 " if feed.auth_kind else ""
            return lock + (feed.title or feed.url)
        if column == THEMES:
            return ", ".join(feed.themes) or "—"
        if column == STATUS:
            return status.splitlines()[0] if status else ""
        if column == ITEMS:
            return str(feed.item_count)
        return self._when(feed.last_success)

    def _sort_key(self, feed: Feed, column: int, kind: str):
        if column == TITLE:
            return (feed.title or feed.url).casefold()
        if column == THEMES:
            return ", ".join(feed.themes).casefold()
        if column == STATUS:
            # Problems first when sorted ascending.
            return ("error", "paused", "new", "ok").index(kind)
        if column == ITEMS:
            return feed.item_count
        return feed.last_success.timestamp() if feed.last_success else 0.0

    def _tooltip(self, feed: Feed, column: int, status: str) -> str:
        if column == TITLE:
            return feed.url
        if column == STATUS:
            return status
        if column == LAST_SUCCESS and feed.last_success:
            return local_datetime(feed.last_success, self._tz)
        return ""

    def _when(self, when: datetime | None) -> str:
        return relative_time(when, self._now(), self._tz) if when else "never"
