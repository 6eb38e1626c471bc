"""Feeds: every subscription with its status, and what can be done with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.planner import Planner
from app.types import Feed
from app.ui.formatting import escape_html, local_datetime
from app.ui.look import heading, quiet
from app.ui.models.feeds_model import (
    ITEMS,
    LAST_SUCCESS,
    STATUS,
    THEMES,
    TITLE,
    FeedsModel,
    feed_status,
)

AUTH_NAMES = {"basic": "user name and password", "bearer": "token", "header": "custom header"}


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

        self.table = QTableView()
        self.table.setObjectName("feedTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((THEMES, 170), (ITEMS, 60), (LAST_SUCCESS, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.doubleClicked.connect(self._double_clicked)

        title = heading(QLabel("Feeds"), 1.5)
        self.summary = QLabel()
        self.summary.setObjectName("feedsSummary")
        quiet(self.summary)
        self.add_button = self._button("Add a feed…", "addFeedButton", self.add_feed)
        self.search_button = self._button(
            "Search feeds for a theme…", "searchFeedsButton", self.search_feeds
        )
        self.import_button = self._button("Import OPML…", "importOpmlButton", self.import_opml)
        self.export_button = self._button("Export OPML…", "exportOpmlButton", self.export_opml)
        self.refresh_button = self._button(
            "Refresh now", "refreshNowButton", self.refresh_requested.emit
        )
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.summary, 1)
        for button in (self.add_button, self.search_button, self.refresh_button):
            top.addWidget(button)

        self.problems_only = QCheckBox("Only feeds with problems")
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self.show_problems_only)
        filters = QHBoxLayout()
        filters.addWidget(self.problems_only)
        filters.addStretch(1)
        filters.addWidget(self.import_button)
        filters.addWidget(self.export_button)

        self.details = QLabel()
        self.details.setObjectName("feedDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(80)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.rename_button = self._button("Rename…", "renameFeed", self.rename_selected)
        self.themes_button = self._button("Themes…", "feedThemes", self.move_selected)
        self.pause_button = self._button("Pause", "pauseFeed", self.toggle_pause)
        self.sign_in_button = self._button("Sign-in…", "feedSignIn", self.sign_in_selected)
        self.remove_button = self._button("Remove…", "removeFeed", self.remove_selected)
        actions = QHBoxLayout()
        for button in (
            self.rename_button,
            self.themes_button,
            self.pause_button,
            self.sign_in_button,
            self.remove_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.auto = QCheckBox("Refresh automatically every")
        self.auto.setObjectName("autoRefresh")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("refreshMinutes")
        self.minutes.setRange(*planner.feeds.refresh_minutes_range)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(" minutes")
        self.auto.toggled.connect(self._interval_edited)
        self.minutes.editingFinished.connect(self._interval_edited)
        schedule = QHBoxLayout()
        schedule.addWidget(self.auto)
        schedule.addWidget(self.minutes)
        schedule.addWidget(QLabel("while Digwell is open"))
        schedule.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.details)
        layout.addLayout(schedule)
        self._show_interval(planner.feeds.refresh_minutes())
        self.reload()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    # Reading -------------------------------------------------------------------

    def reload_when_shown(self) -> None:
        """Re-read now if on screen, else when next shown (a hidden page need not pay)."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

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
        errors = sum(1 for f in feeds if f.last_error)
        paused = sum(1 for f in feeds if f.paused)
        parts = [f"{len(feeds)} feed{'s' * (len(feeds) != 1)}"]
        if errors:
            parts.append(f"{errors} with errors")
        if paused:
            parts.append(f"{paused} paused")
        self.summary.setText(" · ".join(parts))
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
        for button in (
            self.rename_button,
            self.themes_button,
            self.pause_button,
            self.sign_in_button,
            self.remove_button,
        ):
            button.setEnabled(feed is not None)
        if feed is None:
            self.details.setText(
                "No feeds yet. Add one by its address, search feeds for a theme, "
                "or import an OPML file from another reader."
            )
            return
        self.pause_button.setText("Resume" if feed.paused else "Pause")
        tz = self._planner.clock.tz()
        kind, status = feed_status(feed)
        lines = [f"<b>{escape_html(feed.title or feed.url)}</b>", escape_html(feed.url)]
        if feed.site_url:
            lines.append(f"Website: {escape_html(feed.site_url)}")
        colour = {"error": "#b3261e", "paused": "#8a6d00"}.get(kind)
        status_html = escape_html(status)
        if colour:
            status_html = f'<span style="color:{colour}">{status_html}</span>'
        lines.append(f"Status: {status_html}")
        facts = [f"{feed.item_count} items"]
        if feed.last_success:
            facts.append(f"last success {local_datetime(feed.last_success, tz)}")
        if feed.last_attempt and feed.last_error:
            facts.append(f"last try {local_datetime(feed.last_attempt, tz)}")
        if feed.next_fetch_at and not feed.paused:
            facts.append(f"next check after {local_datetime(feed.next_fetch_at, tz)}")
        if feed.auth_kind:
            facts.append(f"signs in with a {AUTH_NAMES.get(feed.auth_kind, feed.auth_kind)}")
        lines.append(escape_html(" · ".join(facts)))
        self.details.setText("<br>".join(lines))

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
            self.message.emit(f"Subscribed to {feed.title or feed.url}. Refreshing…")
            self.refresh_requested.emit()

    def search_feeds(self, theme: str = "") -> None:
        from app.ui.dialogs.search_feeds_dialog import SearchFeedsDialog

        dialog = SearchFeedsDialog(self._planner, self, theme=theme)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added:
            self.show_problems_only(False)
            self.reload()
            self.changed.emit()
            count = len(dialog.added)
            self.message.emit(f"Subscribed to {count} search feed{'s' * (count != 1)}.")
            self.refresh_requested.emit()

    def import_opml(self, path: Path | None = None) -> None:
        """Subscribe to the feeds of an OPML file (asks for it when `path` is None)."""
        if path is None:
            path = self._choose_file(
                "Import subscriptions", Path.home(), "OPML files (*.opml *.xml);;All files (*)"
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
        self._import_report(path, report)
        if report.added:
            self.refresh_requested.emit()

    def _choose_file(
        self, caption: str, start: Path, filters: str, *, save: bool = False
    ) -> Path | None:
        """A file the user picks to open (or to save to); None if they cancel."""
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        chosen, _ = ask(self, caption, str(start), filters)
        return Path(chosen) if chosen else None

    def _import_report(self, path: Path, report) -> None:
        added, skipped = len(report.added), len(report.skipped)
        text = f"Added {added} feed{'s' * (added != 1)} from {path.name}"
        if report.themes_created:
            text += f" and {len(report.themes_created)} new themes"
        text += f"; skipped {skipped}." if skipped else "."
        self.message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Information, "OPML import", text, parent=self)
        if skipped:
            box.setDetailedText("\n".join(f"{what}: {why}" for what, why in report.skipped))
        if report.themes_created:
            box.setInformativeText("New themes: " + ", ".join(report.themes_created))
        box.setObjectName("opmlReport")
        box.open()
        self.last_report = box

    def export_opml(self, path: Path | None = None) -> None:
        """Write the subscriptions to an OPML file (asks where when `path` is None)."""
        if path is None:
            path = self._choose_file(
                "Export subscriptions",
                Path.home() / "digwell-feeds.opml",
                "OPML files (*.opml)",
                save=True,
            )
            if path is None:
                return

        try:
            count = self._planner.feeds.export_opml(path)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self.message.emit(
            f"Exported {count} feed{'s' * (count != 1)} to {path} (no passwords or tokens)."
        )

    def rename_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        title, ok = QInputDialog.getText(self, "Rename feed", "Name:", text=feed.title)
        if ok and title.strip() and title.strip() != feed.title:
            self._rename(feed.id, title)

    def _rename(self, feed_id: int, title: str) -> None:

        self._act(
            lambda: self._planner.feeds.rename(str(feed_id), title), f"Renamed to {title.strip()}."
        )

    def move_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        from app.ui.views.theme_picker import ThemePicker

        dialog = QDialog(self)
        dialog.setWindowTitle("Themes of this feed")
        picker = ThemePicker([t.name for t in self._planner.strategy.themes()], feed.themes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"Themes of {feed.title or feed.url}:"))
        layout.addWidget(picker)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.move(feed.id, picker.chosen())

    def move(self, feed_id: int, names: list[str]) -> None:
        """Put the feed under exactly these themes (new names become themes)."""

        self._act(
            lambda: self._planner.feeds.move(str(feed_id), names),
            f"Themes: {', '.join(names) or 'none'}.",
        )

    def toggle_pause(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return

        paused = not feed.paused
        self._act(
            lambda: self._planner.feeds.set_paused(str(feed.id), paused),
            f"{'Paused' if paused else 'Resumed'} {feed.title or feed.url}.",
        )

    def sign_in_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        from app.ui.dialogs.add_feed_dialog import SignInBox

        dialog = QDialog(self)
        dialog.setWindowTitle("Sign-in for this feed")
        box = SignInBox(self._planner.feeds.keyring_status)
        box.setChecked(True)
        if feed.auth_kind:
            index = next(
                (i for i in range(box.kind.count()) if box.kind.itemData(i) == feed.auth_kind), 0
            )
            box.kind.setCurrentIndex(index)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        forget = None
        if feed.auth_kind:
            forget = buttons.addButton(
                "Forget sign-in", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            forget.clicked.connect(lambda: dialog.done(2))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"How Digwell signs in to {feed.title or feed.url}:"))
        layout.addWidget(box)
        layout.addWidget(buttons)
        result = dialog.exec()

        if result == 2:
            self._act(
                lambda: self._planner.feeds.set_credentials(str(feed.id), None),
                "Sign-in forgotten; it was removed from the keyring.",
            )
        elif result == QDialog.DialogCode.Accepted:
            try:
                secret = box.value()
            except DigwellError as err:
                self.failed.emit(err)
                return
            if self._act(
                lambda: self._planner.feeds.set_credentials(str(feed.id), secret),
                "Sign-in saved in the keyring. Refreshing…",
            ):
                self.refresh_requested.emit()

    def remove_selected(self) -> None:
        feed = self.selected_feed()
        if feed is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove feed",
            f"Stop following {feed.title or feed.url}?\n\nItems you starred, drafted from or "
            "posted stay; the others go.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove(feed.id)

    def remove(self, feed_id: int) -> None:

        kept: list[int] = []
        row = self.model.row_of(feed_id)
        feed = self.model.feed(row) if row is not None else None
        name = (feed.title or feed.url) if feed else "the feed"
        if self._act(lambda: kept.append(self._planner.feeds.remove(str(feed_id)))):
            self.message.emit(
                f"Removed {name}; kept {kept[0]} item{'s' * (kept[0] != 1)} you had used."
                if kept and kept[0]
                else f"Removed {name}."
            )

    # Schedule ------------------------------------------------------------------

    def _show_interval(self, minutes: int) -> None:
        self.auto.blockSignals(True)
        self.auto.setChecked(minutes > 0)
        self.auto.blockSignals(False)
        self.minutes.setValue(minutes if minutes > 0 else 60)
        self.minutes.setEnabled(minutes > 0)

    def _interval_edited(self, *_args) -> None:
        minutes = self.minutes.value() if self.auto.isChecked() else 0
        self.minutes.setEnabled(self.auto.isChecked())
        if minutes == self._planner.feeds.refresh_minutes():
            return
        self._planner.feeds.set_refresh_minutes(minutes)
        self.interval_changed.emit(self._planner.feeds.refresh_minutes())
        self.message.emit(
            f"Refreshing every {minutes} minutes while Digwell is open."
            if minutes
            else "Automatic refresh is off; press F5 to refresh."
        )
