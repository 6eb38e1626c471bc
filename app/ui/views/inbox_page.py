"""Inbox: themes with their unread counts, the ranked item list with its filters, and the
preview; or the empty state when there are no items at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import _, formats, ngettext, pgettext
from app.planner import Planner
from app.types import InboxFilter
from app.ui.formatting import relative_time
from app.ui.look import quiet
from app.ui.models.inbox_model import InboxModel, ItemIdRole
from app.ui.qt_values import SCROLLBAR_ALWAYS_OFF, USER_ROLE
from app.ui.turns import Turns
from app.ui.views.item_list import ItemList

if TYPE_CHECKING:
    from app.types import Changes, Item
    from app.ui.views.empty_state import EmptyInbox
    from app.ui.views.first_run import FirstRunGuide
    from app.ui.views.preview import PreviewPane

# Search waits this long after the last keystroke: typing a word runs one search.
SEARCH_DELAY_MS = 250
SHOW_CHOICES = ("inbox", "unread", "read", "starred", "dismissed")
_THEME_ID_ROLE = USER_ROLE + 1


class InboxPage(QStackedWidget):
    """Shows the list when there are items, else what to do next. `turns`: where long
    reloads run step by step (the window's, shared with the other pages)."""

    draft_requested = Signal(int)
    demo_requested = Signal()
    add_feed_requested = Signal()
    import_requested = Signal()
    strategy_requested = Signal()
    message = Signal(str)

    def __init__(
        self,
        planner: Planner,
        parent: QWidget | None = None,
        *,
        turns: Turns | None = None,
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        self._turns = turns if turns is not None else Turns(self)
        self.model = InboxModel(planner, self)  # reads the first page of items
        self.index_first = True  # False while the window indexes in the background
        self.empty: EmptyInbox | None = None  # built only when there is nothing to list
        self.first_run: FirstRunGuide | None = None  # built only for a new user
        # The first paint needs the list, not the preview (its item read and its HTML
        # made safe: ~15 ms of start-up): the window releases it once painted.
        self._preview_held = True
        self._build_filters()
        self.view = ItemList(self.model, self._when)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.command.connect(self.run_command)
        self._preview: PreviewPane | None = None  # built with the first item it shows
        self._preview_slot = QWidget()  # holds its place in the splitter until then
        self._list_page = self._build_layout()
        self.addWidget(self._list_page)
        self.reload_themes()
        self._show_list_or_empty()
        self._select(None)

    def _build_filters(self) -> None:
        """The themes with their unread counts, the search box, the state filter and the
        note shown while the inbox is ranked again."""
        self.themes = QListWidget()
        self.themes.setObjectName("themeList")
        self.themes.setAccessibleName(_("Themes"))
        self.themes.setFrameShape(QFrame.Shape.NoFrame)
        self.themes.setProperty("horizontalScrollBarPolicy", SCROLLBAR_ALWAYS_OFF)
        self.themes.setWordWrap(True)
        self.themes.currentItemChanged.connect(self._theme_changed)
        self.search = QLineEdit()
        self.search.setObjectName("inboxSearch")
        self.search.setAccessibleName(_("Search the inbox"))
        self.search.setPlaceholderText(_("Search titles and text"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.show_box = QComboBox()
        for key in SHOW_CHOICES:
            self.show_box.addItem(show_label(key), key)
        self.show_box.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.ranking_note = QLabel()
        self.ranking_note.setObjectName("rankingNote")
        quiet(self.ranking_note)
        self.ranking_note.hide()

    def _build_layout(self) -> QSplitter:
        """Themes | search, filter and list | preview."""
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_box)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.ranking_note)
        column.addWidget(self.view, 1)
        list_panel = QWidget()
        list_panel.setLayout(column)
        split = QSplitter()  # horizontal
        split.addWidget(self.themes)
        split.addWidget(list_panel)
        split.addWidget(self._preview_slot)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 4)
        split.setSizes([210, 390, 500])
        split.setChildrenCollapsible(False)
        return split

    def apply_changes(self, changes: Changes) -> None:
        """Items stored, removed or ranked anew, or themes changed: the list and the
        themes again, a step per turn; only some items changed: their rows and the
        unread counts."""
        if changes.items or changes.strategy:
            self._turns.add(*self.reload_steps(), self.reload_themes)
        elif changes.item_ids:
            for item_id in changes.item_ids:
                self.model.refresh_row(item_id)
            self.reload_themes()

    def set_indexing(self, busy: bool) -> None:
        """While the search index catches up in the background, a search must not wait
        for its lock: it searches what is indexed."""
        self.index_first = not busy

    # Filters -----------------------------------------------------------------

    def reload_themes(self) -> None:
        """The theme list with unread counts; keeps the chosen theme if it is still there."""
        current = self._theme_id()
        counts = self._planner.inbox.unread_counts()
        self.themes.blockSignals(True)
        self.themes.clear()
        entries = [(0, _("All themes")), *self._planner.strategy.theme_names()]
        for theme_id, name in entries:
            unread = counts.get(theme_id, 0)
            entry = QListWidgetItem(f"{name}  ·  {unread}" if unread else name)
            entry.setData(_THEME_ID_ROLE, theme_id)
            entry.setToolTip(
                ngettext("{count} unread", "{count} unread", unread).format(count=unread)
            )
            self.themes.addItem(entry)
            if theme_id == current:
                self.themes.setCurrentItem(entry)
        if self.themes.currentItem() is None:
            self.themes.setCurrentRow(0)
        self.themes.blockSignals(False)

    def _theme_id(self) -> int:
        entry = self.themes.currentItem()
        return int(entry.data(_THEME_ID_ROLE)) if entry is not None else 0

    def current_filter(self) -> InboxFilter:
        return InboxFilter(
            self._theme_id(), self.show_box.currentData() or "inbox", self.search.text().strip()
        )

    def _theme_changed(self, *_args) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        current = self.preview.item.id if self.preview.item else None
        self.model.set_filter(self.current_filter(), index_first=self.index_first)
        self._select(current)

    def show_ranking(self, done: int, total: int) -> None:
        """Say that the inbox is being re-ranked (its order is the old strategy's)."""
        if total:
            text = _("Re-ranking by your new strategy… {percent}").format(
                percent=formats.percent(done * 100 // total)
            )
        else:
            text = _("Re-ranking by your new strategy…")
        self.ranking_note.setText("  " + text)
        self.ranking_note.show()

    # Loading -----------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the inbox; show the empty state if there is nothing to list."""
        for step in self.reload_steps():
            step()

    def reload_steps(self) -> list[Callable[[], None]]:
        """`reload` in steps, for the event loop to run (and paint) in between: the items
        (with the rows shown first), showing them, the selection and its preview. After
        a large refresh each takes under ~12 ms with its painting; all at once, or the
        list's first paint with its rows still to read, stalled the window ~30 ms."""
        current = self.preview.item.id if self.preview.item else None
        return [self.model.reload, self._show_list_or_empty, lambda: self._select(current)]

    def _show_list_or_empty(self) -> None:
        if self.model.total() or self._planner.inbox.item_count():
            self.setCurrentWidget(self._list_page)
            return
        if not self._planner.strategy.themes():  # a new user: a strategy first, or the demo
            self.setCurrentWidget(self._first_run())
            return
        if self.empty is None:
            from app.ui.icon import app_icon
            from app.ui.views.empty_state import EmptyInbox

            self.empty = EmptyInbox(app_icon())
            self.empty.demo_requested.connect(self.demo_requested)
            self.empty.add_feed_requested.connect(self.add_feed_requested)
            self.empty.import_requested.connect(self.import_requested)
            self.addWidget(self.empty)
        self.setCurrentWidget(self.empty)

    def _first_run(self) -> QWidget:
        if self.first_run is None:
            from app.ui.views.first_run import FirstRunGuide

            self.first_run = FirstRunGuide()
            self.first_run.demo_requested.connect(self.demo_requested)
            self.first_run.setup_requested.connect(self.strategy_requested)
            self.addWidget(self.first_run)
        return self.first_run

    def _select(self, item_id: int | None) -> None:
        """Select `item_id` if it is still listed, else the first item."""
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self._select_row(row)
        else:
            self.preview.show_item(None, "")

    def _select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def selected_item_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ItemIdRole) if index.isValid() else None

    def item_changed(self, item_id: int) -> None:
        """Repaint one item, e.g. once it has a draft."""
        self.model.refresh_row(item_id)

    # Commands ----------------------------------------------------------------

    def run_command(self, name: str) -> None:
        """A keyboard command on the selected item (see ItemList)."""
        row = self.view.currentIndex().row()
        if name in ("next", "previous"):
            root = self.view.rootIndex()
            at_end = row + 1 >= self.model.rowCount()
            if name == "next" and at_end and self.model.canFetchMore(root):
                self.model.fetchMore(root)
            target = row + (1 if name == "next" else -1)
            if 0 <= target < self.model.rowCount():
                self._select_row(target)
            return
        item = self.preview.item
        if item is None:
            return
        try:
            self._act(name, item)
        except DigwellError as err:  # e.g. the database is busy: say so, change nothing
            self.message.emit(str(err))
            return
        self._after_change(item.id, row)

    def _act(self, name: str, item: Item) -> None:
        if name == "open":
            self.preview.open_link()
            self._planner.inbox.set_read([item.id])
        elif name == "star":
            self._planner.inbox.set_starred([item.id], not item.starred)
            self.message.emit(_("Starred.") if not item.starred else _("Star removed."))
        elif name == "read":
            self._planner.inbox.set_read([item.id], not item.read)
        elif name == "dismiss":
            self._planner.inbox.set_dismissed([item.id], not item.dismissed)
            self.message.emit(
                _("Dismissed: it is under “Dismissed” now.")
                if not item.dismissed
                else _("Brought back.")
            )

    def _after_change(self, item_id: int, row: int) -> None:
        """Show the item's new state; an item that left the view gives way to the next."""
        item = self._planner.inbox.item(item_id)
        if _belongs(item, self.model.filter.show):
            self.model.refresh_row(item_id)
            self._show(item_id)
        else:
            self.model.remove_item(item_id)
            if self.model.rowCount():
                self._select_row(min(row, self.model.rowCount() - 1))
            else:
                self.preview.show_item(None, "")

    def _link_refused(self, url: str) -> None:
        self.message.emit(
            _("Not opened: “{url}” is not a web link.").format(url=url)
            if url
            else _("This item has no web link to open (only http and https links are kept).")
        )

    def _when(self, published) -> str:
        return relative_time(published, self._planner.clock.now(), self._planner.clock.tz())

    @property
    def preview(self) -> PreviewPane:
        """The preview pane, built when first needed (not for the first paint)."""
        if self._preview is None:
            from app.ui.views.preview import PreviewPane

            pane = PreviewPane()
            pane.draft_requested.connect(self.draft_requested)
            pane.command.connect(self.run_command)
            pane.link_refused.connect(self._link_refused)
            self._list_page.replaceWidget(2, pane)
            self._preview_slot.deleteLater()
            self._preview = pane
        return self._preview

    def release_preview(self) -> None:
        """Show the selected item's preview from now on (the window calls this once it
        has painted)."""
        if self._preview_held:
            self._preview_held = False
            self._current_changed(self.view.currentIndex(), None)

    def _current_changed(self, current, _previous) -> None:
        if self._preview_held:
            return
        item_id = current.data(ItemIdRole) if current.isValid() else None
        if item_id is None:
            self.preview.show_item(None, "")
            return
        self._show(item_id)

    def _show(self, item_id: int) -> None:
        item = self._planner.inbox.item(item_id)
        self.preview.show_item(item, self._when(item.published))


def show_label(show: str) -> str:
    """The state filter's entry for `show` (one of SHOW_CHOICES), in the user's language."""
    labels = {
        "inbox": _("All but dismissed"),
        "unread": _("Unread"),
        # Translators: the inbox filter: items the user has read.
        "read": pgettext("inbox filter", "Read"),
        "starred": _("Starred"),
        "dismissed": _("Dismissed"),
    }
    return labels.get(show, show)


def _belongs(item, show: str) -> bool:
    """Whether an item in this state is listed in the view `show` (see SHOW_CHOICES)."""
    if show == "starred":
        return item.starred
    if show == "dismissed":
        return item.dismissed
    if item.dismissed:
        return False
    return show == "inbox" or item.read == (show == "read")
