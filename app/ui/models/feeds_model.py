"""The subscriptions as a table: feed, themes, status, items, last success."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from app.i18n import N_, _, formats
from app.types import Feed
from app.ui.formatting import local_datetime, relative_time
from app.ui.status_colours import ERROR, WARNING, status_colour

FeedIdRole = Qt.ItemDataRole.UserRole + 1

TITLE, THEMES, STATUS, ITEMS, LAST_SUCCESS = range(5)
HEADERS = (N_("Feed"), N_("Themes"), N_("Status"), N_("Items"), N_("Last success"))


def feed_status(feed: Feed) -> tuple[str, str]:
    """(kind, sentence) for a feed: kind is ok | error | paused | new."""
    if feed.paused:
        if feed.paused_reason:
            return "paused", _("Paused: {reason}").format(reason=feed.paused_reason)
        return "paused", _("Paused")
    if feed.last_error:
        return "error", feed.last_error
    if feed.last_success is None:
        return "new", _("Not fetched yet")
    return "ok", _("OK")


class FeedsModel(QAbstractTableModel):
    """Rows are `Feed`s, sorted and filtered here rather than by a proxy model (a proxy
    sorting 500 feeds asks for ~5,000 cells one by one: ~40 ms). Titles are editable
    (renaming the feed). During a refresh, `show_outcome` updates a row's status before
    the database is read again."""

    def __init__(self, now, tz: tzinfo, parent=None) -> None:
        super().__init__(parent)
        self._now = now  # () -> datetime
        self._tz = tz
        self._all: list[Feed] = []
        self._rows: list[Feed] = []  # shown: filtered and sorted
        self._row_of: dict[int, int] = {}
        self._sort = (TITLE, Qt.SortOrder.AscendingOrder)
        self._only_problems = False
        self._live: dict[int, tuple[str, str]] = {}  # feed id -> (kind, text) this refresh
        self.rename = None  # (feed_id, title) -> None, set by the page

    def set_feeds(self, feeds: list[Feed]) -> None:
        self.beginResetModel()
        self._all = list(feeds)
        self._live.clear()
        self._arrange()
        self.endResetModel()

    def set_only_problems(self, on: bool) -> None:
        """Show only feeds with errors or paused."""
        self.beginResetModel()
        self._only_problems = on
        self._arrange()
        self.endResetModel()

    def only_problems(self) -> bool:
        return self._only_problems

    def feed(self, row: int) -> Feed:
        return self._rows[row]

    def row_of(self, feed_id: int) -> int | None:
        return self._row_of.get(feed_id)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._sort = (column, order)
        self._arrange()
        after = [
            self.index(self._row_of[i], index.column()) if i in self._row_of else QModelIndex()
            for i, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        rows = self._all
        if self._only_problems:
            rows = [f for f in rows if feed_status(f)[0] in ("error", "paused")]
        column, order = self._sort
        self._rows = sorted(
            rows,
            key=lambda f: self._sort_key(f, column, feed_status(f)[0]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._row_of = {f.id: r for r, f in enumerate(self._rows)}

    def show_outcome(self, outcome: dict) -> None:
        """Show one feed's result from a refresh in progress."""
        feed_id = int(outcome.get("feed_id", -1))
        status = outcome.get("status")
        if status in ("error", "gone"):
            live = ("error", str(outcome.get("error", "")) or _("Failed"))
        elif status == "ok":
            added = int(outcome.get("added", 0))
            new = _("OK · {count} new").format(count=formats.number(added))
            live = ("ok", new if added else _("OK"))
        else:
            live = ("ok", _("OK · unchanged"))
        self._live[feed_id] = live
        row = self.row_of(feed_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, STATUS), self.index(row, STATUS))

    # Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
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
        feed = self._rows[index.row()]
        if not title or title == feed.title or self.rename is None:
            return False
        self.rename(feed.id, title)  # the page reloads the feeds after a rename
        return True

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        feed = self._rows[index.row()]
        column = index.column()
        if role == FeedIdRole:
            return feed.id
        kind, status = self._live.get(feed.id) or feed_status(feed)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(feed, column, status, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(feed, column, status)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            state = {"error": ERROR, "paused": WARNING}.get(kind)
            return status_colour(state, QGuiApplication.palette()) if state else None
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
            return formats.number(feed.item_count)
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
        return relative_time(when, self._now(), self._tz) if when else _("never")
