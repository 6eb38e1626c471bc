"""The posts log: every post you made, newest first; add, edit, delete (with undo), import;
select many to set their kind or theme at once (app/ui/views/posts_bulk.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
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

from app.cadence.post_fields import PostInput
from app.errors import DigwellError
from app.i18n import N_, _, formats, ngettext
from app.types import Post, Theme
from app.ui.dialogs.post_dialog import PostDialog
from app.ui.models.posts_model import PostsModel
from app.ui.views.posts_bulk import BulkEdit

if TYPE_CHECKING:
    from app.cadence.posts_log import PostsLog

EMPTY_TEXT = N_(
    "No posts yet. Mark a draft as posted, or add a post you made elsewhere so it counts "
    "towards your cadence."
)


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
        *,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._themes = themes_provider
        self._deleted: Post | None = None
        self.dialog: PostDialog | None = None  # the one open, if any

        self.model = PostsModel(log.clock.tz(), log.by_id, self)
        self.table = self._posts_table()
        self.bulk = BulkEdit(log, themes_provider, self.selected_posts, self)
        self.bulk.done.connect(lambda ids: self.reload(keep=ids))
        self.bulk.done.connect(lambda _ids: self.changed.emit())
        self.bulk.message.connect(self.message)
        self.bulk.failed.connect(self.failed)
        self.empty = QLabel(_(EMPTY_TEXT))
        self.empty.setObjectName("postsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(self._button_row())
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        self._sized = False  # the columns fit the rows shown (done when first seen)
        # In the Cadence page's tab (load=False) it reads the log only when shown.
        self._lazy = not load
        self._stale = not load
        if load:
            self.reload()

    def _posts_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("postsTable")
        table.setAccessibleName(_("Posts you made"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift and Ctrl pick many rows: Set kind… and Set theme… act on them all.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        # Sized to the first page of rows when shown, not on every reload of a hidden
        # tab (each size reads rows; an imported history holds tens of thousands).
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setResizeContentsPrecision(PostsModel.PAGE)
        table.doubleClicked.connect(lambda _index: self.edit_post())
        table.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())
        delete_key = QAction(table)
        delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_post)
        table.addAction(delete_key)
        return table

    def _button_row(self) -> QHBoxLayout:
        self.add_button = _button(
            _("Add a post…"), self.add_post, _("Log a post you made outside Digwell")
        )
        self.edit_button = _button(_("Edit…"), self.edit_post)
        self.delete_button = _button(
            _("Delete"), self.delete_post, _("Take the post out of the log (you can undo it)")
        )
        self.undo_button = _button(_("Undo"), self.undo_delete, _("Put back the post just deleted"))
        self.import_button = _button(
            _("Import CSV…"),
            self.import_csv,
            _(
                "Log the posts of a CSV file with the columns date, time, platform, kind, "
                "theme, url and text (date and platform required)"
            ),
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.bulk.kind_button)
        buttons.addWidget(self.bulk.theme_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        return buttons

    def reload(self, select: int | None = None, keep: list[int] | None = None) -> None:
        """Re-read the log; move to `select`, else keep the posts `keep` (by default
        those selected) selected."""
        if self._lazy and not self.isVisible():
            self._stale = True  # read when shown: its ids alone are 50,000 for a history
            return
        self._stale = False
        if select is not None:
            keep = [select]
        elif keep is None:
            keep = self.selected_ids()
        names = {theme.id: theme.name for theme in self._themes()}
        self.model.set_ids(self._log.ids(), names)
        self._sized = False
        if self.isVisible():
            self._fit_columns()
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        self.select_ids(keep)
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._fit_columns()

    def _fit_columns(self) -> None:
        if not self._sized and self.model.rowCount():
            self.table.resizeColumnsToContents()
            self._sized = True

    def select_ids(self, post_ids: list[int]) -> None:
        """Select these posts' rows (the first becomes the current one)."""
        wanted = set(post_ids)
        if not wanted:
            self.table.clearSelection()
            return
        found = (self.model.row_of(post_id) for post_id in wanted)
        rows = sorted(row for row in found if row is not None)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:  # a range per row; Qt merges them for painting
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:
            current = self.model.index(rows[0], 0)
            self.table.selectionModel().setCurrentIndex(current, flags.NoUpdate)
            self.table.scrollTo(current)

    def current_id(self) -> int | None:
        """The post to edit or delete: the only one selected (None for none or many)."""
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def selected_posts(self) -> list[Post]:
        """The selected posts, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.post(row) for row in rows]

    def selected_ids(self) -> list[int]:
        return [post.id for post in self.selected_posts()]

    def _update_actions(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.undo_button.setEnabled(self._deleted is not None)
        self.bulk.update()

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
                news = _("Post added.")
            else:
                changes = _changes(old, entered)
                if not changes:
                    return
                post = self._log.edit(old.id, **changes)
                news = _("Post updated.")
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
        row = self.model.row_of(post_id) or 0
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
        self.message.emit(_("Post deleted."))

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
        self.message.emit(_("Post restored."))

    # -- importing

    def import_csv(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import posts from a CSV file"),
            "",
            _("CSV files (*.csv);;All files (*)"),
        )
        if not name:
            return
        try:
            report = self._log.import_csv(Path(name))
        except DigwellError as err:  # a PostsImportError's text lists the bad rows
            QMessageBox.warning(self, _("Nothing imported"), str(err))
            return
        added, skipped = formats.number(report.added), formats.number(report.skipped)
        if report.skipped:
            # Translators: {skipped} posts of the file were in the log already.
            news = ngettext(
                "Imported {count} post ({skipped} already in the log).",
                "Imported {count} posts ({skipped} already in the log).",
                report.added,
            ).format(count=added, skipped=skipped)
        else:
            news = ngettext(
                "Imported {count} post.", "Imported {count} posts.", report.added
            ).format(count=added)
        self.reload()
        if report.added:
            self.changed.emit()
        self.message.emit(news)
        QMessageBox.information(self, _("Posts imported"), news)


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
