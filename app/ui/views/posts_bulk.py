"""The posts log's corrections of many posts at once: "Set kind…" and "Set theme…" for
every selected post, in one step (an imported history guesses kinds and themes; the
user fixes a run of them). The change is all or nothing (planner.cadence.log.set_kind,
set_theme; docs/HISTORY.md, "Kinds and themes")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from app.cadence.post_fields import KIND_LABELS
from app.errors import DigwellError
from app.types import POST_KINDS
from app.ui.buttons import named_button

if TYPE_CHECKING:
    from app.cadence.posts_log import PostsLog
    from app.types import Post, Theme

NO_THEME = "No theme"


def _posts(count: int) -> str:
    return f"{count:,} post{'s' * (count != 1)}"


class BulkEdit(QObject):
    """Two buttons for the posts log's row, acting on the `selected()` posts. Each asks
    with a list (`choice`, opened, not exec'd; it starts at what they all share), then
    changes the log; `done(ids)` after, `message(text)` and `failed(text)` for the page."""

    done = Signal(list)
    message = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        log: PostsLog,
        themes: Callable[[], list[Theme]],
        selected: Callable[[], list[Post]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._log, self._themes, self._selected = log, themes, selected
        self._parent = parent
        self.choice: QInputDialog | None = None  # the one open, if any
        self.kind_button = named_button("Set kind…", "setKind", self.set_kind)
        self.kind_button.setToolTip("Give every selected post one kind")
        self.theme_button = named_button("Set theme…", "setTheme", self.set_theme)
        self.theme_button.setToolTip("Give every selected post one theme, or none")

    def update(self) -> None:
        """Enabled while posts are selected."""
        any_selected = bool(self._selected())
        self.kind_button.setEnabled(any_selected)
        self.theme_button.setEnabled(any_selected and bool(self._themes()))

    def set_kind(self) -> None:
        posts = self._selected()
        labels = [KIND_LABELS[kind] for kind in POST_KINDS]
        shared = {KIND_LABELS.get(p.kind, p.kind) for p in posts}
        label = f"The kind of {_posts(len(posts))}:"
        self._ask("Set kind", label, labels, shared, posts, self._kind_chosen)

    def set_theme(self) -> None:
        posts = self._selected()
        themes = self._themes()
        names = {t.id: t.name for t in themes}
        shared = {names.get(p.theme_id, NO_THEME) if p.theme_id else NO_THEME for p in posts}
        options = [theme.name for theme in themes] + [NO_THEME]
        label = f"The theme of {_posts(len(posts))}:"
        self._ask("Set theme", label, options, shared, posts, self._theme_chosen)

    def _ask(
        self,
        title: str,
        label: str,
        options: list[str],
        shared: set[str],
        posts: list[Post],
        then: Callable[[list[int], str], None],
    ) -> None:
        if not posts or self.choice is not None:
            return
        ids = [p.id for p in posts]
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(options)
        dialog.setComboBoxEditable(False)
        if len(shared) == 1:  # what they all have now
            dialog.setTextValue(next(iter(shared)))
        dialog.textValueSelected.connect(lambda text: then(ids, text))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.choice = dialog
        dialog.open()

    def _closed(self, dialog: QInputDialog) -> None:
        if self.choice is dialog:
            self.choice = None
        dialog.deleteLater()

    def _kind_chosen(self, ids: list[int], label: str) -> None:
        kind = next((k for k, text in KIND_LABELS.items() if text == label), label)
        self._change(ids, lambda: self._log.set_kind(ids, kind), f"Kind set to “{label}”")

    def _theme_chosen(self, ids: list[int], name: str) -> None:
        if name == NO_THEME:
            self._change(ids, lambda: self._log.set_theme(ids, None), "Theme cleared")
            return
        theme = next((t for t in self._themes() if t.name == name), None)
        if theme is None:
            self.failed.emit(f"There is no theme named “{name}” any more.")
            return
        self._change(ids, lambda: self._log.set_theme(ids, theme.id), f"Theme set to “{name}”")

    def _change(self, ids: list[int], change: Callable[[], int], done: str) -> None:
        """'Kind set to “Original thought” for 12 posts.'"""
        try:
            count = change()
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.done.emit(ids)
        self.message.emit(f"{done} for {_posts(count)}.")
