"""The posts log's table model: the posts' ids, newest first, and the posts themselves
read a page at a time as rows are shown (an imported history may hold 50,000)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.cadence.post_fields import KIND_LABELS, platform_name
from app.i18n import N_, _
from app.types import Post

PostIdRole = Qt.ItemDataRole.UserRole + 1

DATE, PLATFORM, KIND, THEME, SNIPPET = range(5)
HEADERS = (N_("Date"), N_("Platform"), N_("Kind"), N_("Theme"), N_("Link or text"))
SNIPPET_CHARS = 80
_Index = QModelIndex | QPersistentModelIndex


def snippet(post: Post) -> str:
    """The post's link, else the start of its text on one line."""
    if post.url:
        return post.url
    flat = " ".join(post.text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


class PostsModel(QAbstractTableModel):
    """Rows are posts as the log lists them (newest first). It holds their ids and reads
    the posts a page at a time as rows are shown: an imported history may hold 50,000."""

    PAGE = 200

    def __init__(self, tz: tzinfo, fetch: Callable[[list[int]], dict[int, Post]], parent=None):
        super().__init__(parent)
        self._tz = tz
        self._fetch = fetch
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}  # post id -> row, made when first asked
        self._posts: dict[int, Post] = {}  # the pages read so far
        self._themes: dict[int, str] = {}

    def set_ids(self, ids: list[int], theme_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self._posts = {}
        self._themes = dict(theme_names)
        self.endResetModel()

    def post(self, row: int) -> Post:
        post_id = self._ids[row]
        if post_id not in self._posts:
            start = row - row % self.PAGE
            self._posts.update(self._fetch(self._ids[start : start + self.PAGE]))
        return self._posts[post_id]

    def post_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, post_id: int) -> int | None:
        if not self._rows and self._ids:
            self._rows = {pid: row for row, pid in enumerate(self._ids)}
        return self._rows.get(post_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return _(HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == PostIdRole:
            return self._ids[index.row()]
        post = self.post(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return f"{post.posted_at.astimezone(self._tz):%Y-%m-%d %H:%M}"
            if column == PLATFORM:
                return platform_name(post.platform)
            if column == KIND:
                return _(KIND_LABELS[post.kind]) if post.kind in KIND_LABELS else post.kind
            if column == THEME:
                return self._themes.get(post.theme_id, "") if post.theme_id is not None else ""
            if column == SNIPPET:
                return snippet(post)
        if role == Qt.ItemDataRole.ToolTipRole and column == SNIPPET:
            return "\n\n".join(part for part in (post.url, post.text) if part) or None
        return None
