"""The posts log: every post you made, newest first; add, edit, delete (with undo), import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.cadence.post_fields import KIND_LABELS, PostInput, platform_name
from app.errors import DigwellError
from app.types import Post, Theme
from app.ui.dialogs.post_dialog import PostDialog

if TYPE_CHECKING:
    from app.cadence.posts_log import PostsLog

PostIdRole = Qt.ItemDataRole.UserRole + 1

DATE, PLATFORM, KIND, THEME, SNIPPET = range(5)
HEADERS = ("Date", "Platform", "Kind", "Theme", "Link or text")
SNIPPET_CHARS = 80
EMPTY_TEXT = (
    "No posts yet. Mark a draft as posted, or add a post you made elsewhere so it counts "
    "towards your cadence."
)
_Index = QModelIndex | QPersistentModelIndex


def snippet(post: Post) -> str:
    """The post's link, else the start of its text on one line."""
    if post.url:
        return post.url
    flat = " ".join(post.text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


class PostsModel(QAbstractTableModel):
    """Rows are `Post`s as the log lists them (newest first); a few thousand at most, so
    they are held whole rather than fetched lazily."""

    def __init__(self, tz: tzinfo, parent=None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._posts: list[Post] = []
        self._themes: dict[int, str] = {}

    def set_posts(self, posts: list[Post], theme_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._posts = list(posts)
        self._themes = dict(theme_names)
        self.endResetModel()

    def post(self, row: int) -> Post:
        return self._posts[row]

    def row_of(self, post_id: int) -> int | None:
        for row, post in enumerate(self._posts):
            if post.id == post_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._posts):
            return None
        post = self._posts[index.row()]
        column = index.column()
        if role == PostIdRole:
            return post.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return f"{post.posted_at.astimezone(self._tz):%Y-%m-%d %H:%M}"
            if column == PLATFORM:
                return platform_name(post.platform)
            if column == KIND:
                return KIND_LABELS.get(post.kind, post.kind)
            if column == THEME:
                return self._themes.get(post.theme_id, "") if post.theme_id is not None else ""
            if column == SNIPPET:
                return snippet(post)
        if role == Qt.ItemDataRole.ToolTipRole and column == SNIPPET:
            return "\n\n".join(part for part in (post.url, post.text) if part) or None
        return None


class PostsLogView(QWidget):
    """The table of posts with its buttons. `changed` after any change to the log (the
    cadence page recomputes); `message` for news, `failed` for errors."""

    changed = Signal()
    message = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        log: PostsLog,
        themes_provider: Callable[[], list[Theme]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._themes = themes_provider
        self._deleted: Post | None = None
        self.dialog: PostDialog | None = None  # the one open, if any

        self.model = PostsModel(log.clock.tz(), self)
        self.table = self._posts_table()
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("postsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(self._button_row())
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        self.reload()

    def _posts_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("postsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(lambda _index: self.edit_post())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        delete_key = QAction(table)
        delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_post)
        table.addAction(delete_key)
        return table

    def _button_row(self) -> QHBoxLayout:
        self.add_button = _button(
            "Add a post…", self.add_post, "Log a post you made outside Digwell"
        )
        self.edit_button = _button("Edit…", self.edit_post)
        self.delete_button = _button(
            "Delete", self.delete_post, "Take the post out of the log (you can undo it)"
        )
        self.undo_button = _button("Undo", self.undo_delete, "Put back the post just deleted")
        self.import_button = _button(
            "Import CSV…",
            self.import_csv,
            "Log the posts of a CSV file with the columns date, time, platform, kind, theme, "
            "url and text (date and platform required)",
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        return buttons

    def reload(self, select: int | None = None) -> None:
        """Re-read the log; keep (or move to) the selected post."""
        keep = select if select is not None else self.current_id()
        names = {theme.id: theme.name for theme in self._themes()}
        self.model.set_posts(self._log.list(), names)
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(PostIdRole) if rows else None

    def _update_actions(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.undo_button.setEnabled(self._deleted is not None)

    # -- adding and editing, through the dialog (opened, not exec'd: the loop runs on)

    def add_post(self) -> None:
        dialog = PostDialog(self._log, self._themes(), self)
        dialog.accepted.connect(lambda: self._save(dialog, None))
        self._open(dialog)

    def edit_post(self) -> None:
        post_id = self.current_id()
        if post_id is None:
            return
        try:
            post = self._log.get(post_id)
        except DigwellError as err:
            self.failed.emit(str(err))
            self.reload()
            return
        dialog = PostDialog(self._log, self._themes(), self, post=post)
        dialog.accepted.connect(lambda: self._save(dialog, post))
        self._open(dialog)

    def _open(self, dialog: PostDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: PostDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, dialog: PostDialog, old: Post | None) -> None:
        try:
            entered = dialog.post_input()
            if old is None:
                post = self._log.add(entered)
                news = "Post added."
            else:
                changes = _changes(old, entered)
                if not changes:
                    return
                post = self._log.edit(old.id, **changes)
                news = "Post updated."
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.reload(select=post.id)
        self.changed.emit()
        self.message.emit(news)

    # -- deleting, with one step of undo

    def delete_post(self) -> None:
        post_id = self.current_id()
        if post_id is None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        try:
            self._deleted = self._log.delete(post_id)
        except DigwellError as err:
            self.failed.emit(str(err))
            self.reload()
            return
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self.changed.emit()
        self.message.emit("Post deleted.")

    def undo_delete(self) -> None:
        """Put back the post deleted last."""
        post, self._deleted = self._deleted, None
        if post is None:
            return
        try:
            restored = self._log.restore(post)
        except DigwellError as err:
            self.failed.emit(str(err))
            self._update_actions()
            return
        self.reload(select=restored.id)
        self.changed.emit()
        self.message.emit("Post restored.")

    # -- importing

    def import_csv(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Import posts from a CSV file", "", "CSV files (*.csv);;All files (*)"
        )
        if not name:
            return
        try:
            report = self._log.import_csv(Path(name))
        except DigwellError as err:  # a PostsImportError's text lists the bad rows
            QMessageBox.warning(self, "Nothing imported", str(err))
            return
        noun = "post" if report.added == 1 else "posts"
        already = f" ({report.skipped} already in the log)" if report.skipped else ""
        news = f"Imported {report.added} {noun}{already}."
        self.reload()
        if report.added:
            self.changed.emit()
        self.message.emit(news)
        QMessageBox.information(self, "Posts imported", news)


def _button(text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def _changes(post: Post, entered: PostInput) -> dict:
    """What the dialog changed. The dialog shows minutes: a time kept as shown keeps its
    seconds, so an import still recognises the post."""
    changes = {
        field: value for field, value in entered._asdict().items() if getattr(post, field) != value
    }
    if post.posted_at.replace(second=0, microsecond=0) == entered.posted_at:
        changes.pop("posted_at", None)
    return changes
