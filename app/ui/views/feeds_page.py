"""Feeds: every subscription with its status, and what can be done with it.

The details of the selected feed are worded in feed_details.py; the questions asked
before acting (themes, sign-in, files, the OPML report) are in feed_dialogs.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import _
from app.planner import Planner
from app.types import Changes, Feed
from app.ui.buttons import named_button
from app.ui.look import heading, quiet
from app.ui.models.feeds_model import TITLE, FeedsModel
from app.ui.views.feed_details import NO_FEEDS, details_html
from app.ui.views.feed_dialogs import FORGET, ask_sign_in, ask_themes, choose_file, import_report
from app.ui.views.feeds_table import FeedsTable
from app.ui.views.feeds_words import (
    exported_text,
    removed_text,
    search_feeds_added,
    summary_text,
)
from app.ui.views.refresh_interval import RefreshInterval


class FeedsPage(QWidget):
    """The table of feeds, a details panel for the selected one, and the actions.

    Emits `changed()` after anything that changes subscriptions (the window updates its
    counts and inbox), `refresh_requested()` for "Refresh now", and `message(text)`
    for the status bar. Errors are shown in a dialog through `failed(exception)`.
    """

    changed = Signal()
    refresh_requested = Signal()
    message = Signal(str)
    failed = Signal(object)
    interval_changed = Signal(int)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedsPage")
        self._planner = planner
        self.model = FeedsModel(planner.clock.now, planner.clock.tz(), self)
        self.model.rename = self._rename
        self.last_report: QMessageBox | None = None  # the last OPML import's report
        self._stale = False
        self.table = FeedsTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.doubleClicked.connect(self._double_clicked)
        self.interval = RefreshInterval(planner)
        self.interval.interval_changed.connect(self.interval_changed)
        self.interval.message.connect(self.message)
        self.auto, self.minutes = self.interval.auto, self.interval.minutes
        self.details = QLabel()
        self.details.setObjectName("feedDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(80)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self._top_row())
        layout.addLayout(self._filters_row())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions_row())
        layout.addWidget(self.details)
        layout.addWidget(self.interval)
        self.reload()

    def _top_row(self) -> QHBoxLayout:
        self.summary = QLabel()
        self.summary.setObjectName("feedsSummary")
        quiet(self.summary)
        self.add_button = named_button(_("Add a feed…"), "addFeedButton", self.add_feed)
        self.search_button = named_button(
            _("Search feeds for a theme…"), "searchFeedsButton", self.search_feeds
        )
        self.refresh_button = named_button(
            _("Refresh now"), "refreshNowButton", self.refresh_requested.emit
        )
        top = QHBoxLayout()
        top.addWidget(heading(QLabel(_("Feeds")), 1.5))
        top.addWidget(self.summary, 1)
        for button in (self.add_button, self.search_button, self.refresh_button):
            top.addWidget(button)
        return top

    def _filters_row(self) -> QHBoxLayout:
        self.problems_only = QCheckBox(_("Only feeds with problems"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self.show_problems_only)
        self.import_button = named_button(_("Import OPML…"), "importOpmlButton", self.import_opml)
        self.export_button = named_button(_("Export OPML…"), "exportOpmlButton", self.export_opml)
        filters = QHBoxLayout()
        filters.addWidget(self.problems_only)
        filters.addStretch(1)
        filters.addWidget(self.import_button)
        filters.addWidget(self.export_button)
        return filters

    def _actions_row(self) -> QHBoxLayout:
        self.rename_button = named_button(_("Rename…"), "renameFeed", self.rename_selected)
        self.themes_button = named_button(_("Themes…"), "feedThemes", self.move_selected)
        self.pause_button = named_button(_("Pause"), "pauseFeed", self.toggle_pause)
        self.sign_in_button = named_button(_("Sign-in…"), "feedSignIn", self.sign_in_selected)
        self.remove_button = named_button(_("Remove…"), "removeFeed", self.remove_selected)
        actions = QHBoxLayout()
        for button in self._feed_buttons():
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def _feed_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons acting on the selected feed."""
        return (
            self.rename_button,
            self.themes_button,
            self.pause_button,
            self.sign_in_button,
            self.remove_button,
        )

    # Reading -------------------------------------------------------------------

    def reload_when_shown(self) -> None:
        """Re-read now if on screen, else when next shown (a hidden page need not pay)."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def apply_changes(self, changes: Changes) -> None:
        """Follow what a service changed: subscriptions, theme names and item counts
        show here (reloaded at once when on screen, else when next shown)."""
        if changes.feeds or changes.strategy or changes.items:
            self.reload_when_shown()

    def showEvent(self, event) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self, feeds: list[Feed] | None = None) -> None:
        """Re-read the feeds (or show `feeds`, read beforehand); keep the selected one
        selected."""
        self._stale = False
        keep = self.selected_feed()
        if feeds is None:
            feeds = self._planner.feeds.list_feeds()
        self.model.set_feeds(feeds)
        self.summary.setText(summary_text(feeds))
        self.select(keep.id if keep else None)

    def select(self, feed_id: int | None) -> None:
        row = self.model.row_of(feed_id) if feed_id is not None else None
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is None:
            self._show_details()
            return
        self.table.setCurrentIndex(self.model.index(row, TITLE))
        self._show_details()

    def selected_feed(self) -> Feed | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.feed(index.row())

    def show_outcome(self, outcome: dict) -> None:
        """One feed's result during a refresh."""
        self.model.show_outcome(outcome)

    def show_problems_only(self, on: bool) -> None:
        if self.problems_only.isChecked() != on:
            self.problems_only.setChecked(on)  # re-enters through toggled
            return
        keep = self.selected_feed()
        self.model.set_only_problems(on)
        self.select(keep.id if keep else None)

    def _show_details(self, *_args) -> None:
        feed = self.selected_feed()
        for button in self._feed_buttons():
            button.setEnabled(feed is not None)
        if feed is None:
            self.details.setText(_(NO_FEEDS))
            return
        self.pause_button.setText(_("Resume") if feed.paused else _("Pause"))
        self.details.setText(details_html(feed, self._planner.clock.tz(), self.palette()))

    def _double_clicked(self, index) -> None:
        if index.column() != TITLE:
            self.rename_selected()

    # Acting --------------------------------------------------------------------

    def _act(self, work, done_message: str = "") -> bool:
        """Run a change; reload and tell the window, or show why it failed."""
        try:
            work()
        except DigwellError as err:
            self.failed.emit(err)
            return False
        self.reload()
        self.changed.emit()
        if done_message:
            self.message.emit(done_message)
        return True

    def add_feed(self, theme: str = "") -> None:
        from app.ui.dialogs.add_feed_dialog import AddFeedDialog

        dialog = AddFeedDialog(self._planner, self, theme=theme)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.feed is not None:
            feed = dialog.feed
            self.show_problems_only(False)  # so the new feed is in view
            self.reload()
            self.select(feed.id)
            self.changed.emit()
            self.message.emit(
                _("Subscribed to {feed}. Refreshing…").format(feed=feed.title or feed.url)
            )
            self.refresh_requested.emit()

    def search_feeds(self, theme: str = "") -> None:
        from app.ui.dialogs.search_feeds_dialog import SearchFeedsDialog

        dialog = SearchFeedsDialog(self._planner, self, theme=theme)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added:
            self.show_problems_only(False)
            self.reload()
            self.changed.emit()
            self.message.emit(search_feeds_added(len(dialog.added)))
            self.refresh_requested.emit()

    def import_opml(self, path: Path | None = None) -> None:
        """Subscribe to the feeds of an OPML file (asks for it when `path` is None)."""
        if path is None:
            path = choose_file(
                self,
                _("Import subscriptions"),
                Path.home(),
                _("OPML files (*.opml *.xml);;All files (*)"),
            )
            if path is None:
                return
        try:
            report = self._planner.feeds.import_opml(path)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self.show_problems_only(False)
        self.reload()
        self.changed.emit()
        self.last_report = import_report(self, path, report)
        self.message.emit(self.last_report.text())
        if report.added:
            self.refresh_requested.emit()

    def export_opml(self, path: Path | None = None) -> None:
        """Write the subscriptions to an OPML file (asks where when `path` is None)."""
        if path is None:
            path = choose_file(
                self,
                _("Export subscriptions"),
                Path.home() / "digwell-feeds.opml",
                _("OPML files (*.opml)"),
                save=True,
            )
            if path is None:
                return
        try:
            count = self._planner.feeds.export_opml(path)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self.message.emit(exported_text(count, path))

    def rename_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        title, ok = QInputDialog.getText(self, _("Rename feed"), _("Name:"), text=feed.title)
        if ok and title.strip() and title.strip() != feed.title:
            self._rename(feed.id, title)

    def _rename(self, feed_id: int, title: str) -> None:
        self._act(
            lambda: self._planner.feeds.rename(str(feed_id), title),
            _("Renamed to {title}.").format(title=title.strip()),
        )

    def move_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        names = ask_themes(self, [t.name for t in self._planner.strategy.themes()], feed)
        if names is not None:
            self.move(feed.id, names)

    def move(self, feed_id: int, names: list[str]) -> None:
        """Put the feed under exactly these themes (new names become themes)."""

        self._act(
            lambda: self._planner.feeds.move(str(feed_id), names),
            _("Themes: {themes}.").format(themes=", ".join(names) or _("none")),
        )

    def toggle_pause(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        paused = not feed.paused
        self._act(
            lambda: self._planner.feeds.set_paused(str(feed.id), paused),
            (_("Paused {feed}.") if paused else _("Resumed {feed}.")).format(
                feed=feed.title or feed.url
            ),
        )

    def sign_in_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        result, box = ask_sign_in(self, self._planner.feeds.keyring_status, feed)
        if result == FORGET:
            self._act(
                lambda: self._planner.feeds.set_credentials(str(feed.id), None),
                _("Sign-in forgotten; it was removed from the keyring."),
            )
        elif result == QDialog.DialogCode.Accepted:
            try:
                secret = box.value()
            except DigwellError as err:
                self.failed.emit(err)
                return
            if self._act(
                lambda: self._planner.feeds.set_credentials(str(feed.id), secret),
                _("Sign-in saved in the keyring. Refreshing…"),
            ):
                self.refresh_requested.emit()

    def remove_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove feed"),
            _(
                "Stop following {feed}?\n\nItems you starred, drafted from or "
                "posted stay; the others go."
            ).format(feed=feed.title or feed.url),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove(feed.id)

    def remove(self, feed_id: int) -> None:
        kept: list[int] = []
        row = self.model.row_of(feed_id)
        feed = self.model.feed(row) if row is not None else None
        name = (feed.title or feed.url) if feed else _("the feed")
        if self._act(lambda: kept.append(self._planner.feeds.remove(str(feed_id)))):
            self.message.emit(removed_text(name, kept[0] if kept else 0))
