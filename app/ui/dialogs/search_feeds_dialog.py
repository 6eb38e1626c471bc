"""Search feeds for a theme: ready-made keyword-search feeds of public services, each
shown with its full address, ticked to subscribe."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.feeds.search_feeds import SearchFeed, search_feed_urls
from app.i18n import _, ngettext
from app.planner import Planner
from app.types import Theme
from app.ui.dialogs.add_feed_dialog import error_text
from app.ui.look import heading, plain_label, quiet

FeedRole = Qt.ItemDataRole.UserRole + 1


def split_keywords(text: str) -> list[str]:
    """'platform engineering, SRE; C#' -> ['platform engineering', 'SRE', 'C#']."""
    return [k.strip() for k in text.replace(";", ",").split(",") if k.strip()]


def edition() -> tuple[str, str]:
    """The news edition for the user's locale ('de', 'DE'); English/US when unknown."""
    language, __, country = QLocale().name().partition("_")
    if len(language) == 2 and len(country) == 2:
        return language, country
    return "en", "US"


class SearchFeedsDialog(QDialog):
    """Pick a theme, adjust its keywords, tick search feeds, subscribe.
    `added` holds the subscribed feeds once accepted."""

    def __init__(self, planner: Planner, parent: QWidget | None = None, *, theme: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Search feeds for a theme"))
        self.setObjectName("searchFeedsDialog")
        self.resize(640, 560)
        self._planner = planner
        self._themes: list[Theme] = planner.strategy.themes()
        self._subscribed = {f.url for f in planner.feeds.list_feeds()}
        self.added: list = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QLabel(_("Search feeds for a theme")), 1.3))
        layout.addWidget(_intro())
        layout.addLayout(self._theme_form())
        layout.addWidget(self._feed_list(), 1)
        self.note = plain_label("searchFeedNote")
        quiet(self.note)
        layout.addWidget(self.note)
        self.status = plain_label("searchStatus")
        layout.addWidget(self.status)
        layout.addWidget(self._buttons())
        self.theme.currentTextChanged.connect(self._theme_changed)
        self.keywords.textChanged.connect(self._rebuild)
        if theme:
            self.theme.setCurrentText(theme)
        self._theme_changed(self.theme.currentText())

    def _theme_form(self) -> QFormLayout:
        self.theme = QComboBox()
        self.theme.setObjectName("searchTheme")
        self.theme.setEditable(True)  # a new theme can be typed
        for t in self._themes:
            self.theme.addItem(t.name)
        self.keywords = QLineEdit()
        self.keywords.setObjectName("searchKeywords")
        self.keywords.setPlaceholderText(_("Keywords, separated by commas"))
        form = QFormLayout()
        form.addRow(_("Theme"), self.theme)
        form.addRow(_("Keywords"), self.keywords)
        return form

    def _feed_list(self) -> QListWidget:
        self.list = QListWidget()
        self.list.setObjectName("searchFeedList")
        self.list.setAccessibleName(_("Feeds found"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._show_note)
        self.list.itemChanged.connect(self._update_button)
        return self.list

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.subscribe_button = self.buttons.addButton(
            _("Subscribe"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.subscribe_button.setObjectName("subscribeSearchFeeds")
        self.buttons.accepted.connect(self.subscribe)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _theme_changed(self, name: str) -> None:
        theme = next((t for t in self._themes if t.name == name), None)
        words = list(theme.keywords) if theme and theme.keywords else ([name] if name else [])
        self.keywords.setText(", ".join(words))
        self._rebuild()

    def _rebuild(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        language, country = edition()
        try:
            feeds = search_feed_urls(
                split_keywords(self.keywords.text()), language=language, country=country
            )
        except ValueError:
            feeds = search_feed_urls(split_keywords(self.keywords.text()))
        for feed in feeds:
            self.list.addItem(self._entry(feed))
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.note.setText(_("Type at least one keyword."))
        self._update_button()

    def _entry(self, feed: SearchFeed) -> QListWidgetItem:
        known = feed.url in self._subscribed
        label = _("{feed}  (already subscribed)").format(feed=feed.label) if known else feed.label
        entry = QListWidgetItem(f"{label}\n{feed.url}")
        entry.setData(FeedRole, feed)
        entry.setToolTip(feed.note)
        flags = entry.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if known:
            flags &= ~Qt.ItemFlag.ItemIsEnabled
        entry.setFlags(flags)
        entry.setCheckState(Qt.CheckState.Checked if known else Qt.CheckState.Unchecked)
        return entry

    def _show_note(self, current, _previous) -> None:
        feed = current.data(FeedRole) if current is not None else None
        self.note.setText(f"{feed.service}: {feed.note}" if feed else "")

    def ticked(self) -> list[SearchFeed]:
        """The feeds ticked to subscribe (not those already subscribed)."""
        out = []
        for row in range(self.list.count()):
            entry = self.list.item(row)
            feed = entry.data(FeedRole)
            if entry.checkState() == Qt.CheckState.Checked and feed.url not in self._subscribed:
                out.append(feed)
        return out

    def _update_button(self, *_args) -> None:
        count = len(self.ticked())
        self.subscribe_button.setEnabled(count > 0)
        self.subscribe_button.setText(
            ngettext("Subscribe to {count} feed", "Subscribe to {count} feeds", count).format(
                count=count
            )
            if count
            else _("Subscribe")
        )

    def subscribe(self) -> None:
        theme = self.theme.currentText().strip()
        try:
            for feed in self.ticked():
                self.added.append(
                    self._planner.feeds.subscribe(
                        feed.url,
                        themes=[theme] if theme else [],
                        title=feed.label,
                    )
                )
                self._subscribed.add(feed.url)
        except DigwellError as err:
            self.status.setText(error_text(err))
            return
        self.accept()


def _intro() -> QLabel:
    intro = QLabel(
        _(
            "These services publish keyword searches as feeds. Tick the ones to follow; "
            "each is added under the theme. You can edit the keywords first."
        )
    )
    intro.setWordWrap(True)
    quiet(intro)
    return intro
