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
from app.i18n import N_, _, formats, ngettext
from app.types import POST_KINDS
from app.ui.buttons import named_button

if TYPE_CHECKING:
    from app.cadence.posts_log import PostsLog
    from app.types import Post, Theme

NO_THEME = N_("No theme")


def _kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


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
        self.kind_button = named_button(_("Set kind…"), "setKind", self.set_kind)
        self.kind_button.setToolTip(_("Give every selected post one kind"))
        self.theme_button = named_button(_("Set theme…"), "setTheme", self.set_theme)
        self.theme_button.setToolTip(_("Give every selected post one theme, or none"))

    def update(self) -> None:
        """Enabled while posts are selected."""
        any_selected = bool(self._selected())
        self.kind_button.setEnabled(any_selected)
        self.theme_button.setEnabled(any_selected and bool(self._themes()))

    def set_kind(self) -> None:
        posts = self._selected()
        labels = [_kind_label(kind) for kind in POST_KINDS]
        shared = {_kind_label(p.kind) for p in posts}
        count = len(posts)
        label = ngettext("The kind of {count} post:", "The kind of {count} posts:", count)
        label = label.format(count=formats.number(count))
        self._ask(_("Set kind"), label, labels, shared, posts, self._kind_chosen)

    def set_theme(self) -> None:
        posts = self._selected()
        themes = self._themes()
        names = {t.id: t.name for t in themes}
        none = _(NO_THEME)
        shared = {names.get(p.theme_id, none) if p.theme_id else none for p in posts}
        options = [theme.name for theme in themes] + [none]
        count = len(posts)
        label = ngettext("The theme of {count} post:", "The theme of {count} posts:", count)
        label = label.format(count=formats.number(count))
        self._ask(_("Set theme"), label, options, shared, posts, self._theme_chosen)

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
        kind = next((k for k in KIND_LABELS if _kind_label(k) == label), label)

        def done(count: int) -> str:
            return ngettext(
                "Kind set to “{kind}” for {count} post.",
                "Kind set to “{kind}” for {count} posts.",
                count,
            ).format(kind=label, count=formats.number(count))

        self._change(ids, lambda: self._log.set_kind(ids, kind), done)

    def _theme_chosen(self, ids: list[int], name: str) -> None:
        if name == _(NO_THEME):

            def cleared(count: int) -> str:
                return ngettext(
                    "Theme cleared for {count} post.", "Theme cleared for {count} posts.", count
                ).format(count=formats.number(count))

            self._change(ids, lambda: self._log.set_theme(ids, None), cleared)
            return
        theme = next((t for t in self._themes() if t.name == name), None)
        if theme is None:
            self.failed.emit(_("There is no theme named “{name}” any more.").format(name=name))
            return

        def done(count: int) -> str:
            return ngettext(
                "Theme set to “{theme}” for {count} post.",
                "Theme set to “{theme}” for {count} posts.",
                count,
            ).format(theme=name, count=formats.number(count))

        self._change(ids, lambda: self._log.set_theme(ids, theme.id), done)

    def _change(
        self, ids: list[int], change: Callable[[], int], done: Callable[[int], str]
    ) -> None:
        """'Kind set to “Original thought” for 12 posts.'"""
        try:
            count = change()
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.done.emit(ids)
        self.message.emit(done(count))
