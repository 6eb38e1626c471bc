"""One person on the People page: who they are, where they stand on their interval, what
can be done (log a touch, snooze, edit, merge, archive), their timeline of touches with
the posts behind them, and their newest items in the inbox (docs/PEOPLE.md)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, formats
from app.people.keep_warm import status
from app.text.links import safe_link
from app.ui.buttons import named_button
from app.ui.look import heading, quiet
from app.ui.views.people_lists import state_colour
from app.ui.views.person_timeline import DELETE_SCHEME, details_html, standing, timeline_html

if TYPE_CHECKING:
    from app.types import ItemRow, Person, Touch

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNOOZES = (
    ("week", N_("For a &week")),
    ("month", N_("For a &month")),
    ("date", N_("&Until a date…")),
)
NOBODY = N_("Pick someone on the left to see their timeline.")


def section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class PersonView(QWidget):
    """Shows `show_person(...)`; asks the page for everything it does through signals."""

    touch_requested = Signal()
    edit_requested = Signal()
    merge_requested = Signal()
    archive_requested = Signal()
    snooze_requested = Signal(str)  # week, month, date or end
    remove_touch_requested = Signal(int)
    draft_requested = Signal(int)  # an item of theirs
    link_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personView")
        self.person: Person | None = None
        self.touches: list[Touch] = []
        self.name = heading(QLabel(), 1.6)
        self.name.setObjectName("personName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.standing = QLabel()
        self.standing.setObjectName("personStanding")
        self.standing.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("personDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.linkActivated.connect(self.open_link)
        self.timeline = QTextBrowser()
        self.timeline.setObjectName("personTimeline")
        self.timeline.setAccessibleName(_("Timeline of touches"))
        self.timeline.setOpenLinks(False)
        self.timeline.anchorClicked.connect(self._anchor)
        self.timeline.setTabChangesFocus(False)  # Tab walks its links
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 4, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.name)
        layout.addWidget(self.standing)
        layout.addWidget(self.details)
        layout.addLayout(self._buttons())
        layout.addWidget(section(_("Timeline")))
        layout.addWidget(self.timeline, 3)
        layout.addWidget(self._build_items(), 2)
        self.show_person(None)

    def _buttons(self) -> QHBoxLayout:
        self.touch_button = named_button(_("&Log touch…"), "logTouch", self.touch_requested.emit)
        self.touch_button.setToolTip(_("Log a touch (T): a credit, a thanks, a talk, an ask…"))
        self.snooze_button = QPushButton(_("S&nooze"))
        self.snooze_button.setObjectName("snoozePerson")
        self.snooze_menu = QMenu(self.snooze_button)
        for key, text in SNOOZES:
            self.snooze_menu.addAction(_(text), lambda k=key: self.snooze_requested.emit(k))
        self.snooze_menu.addSeparator()
        self.end_snooze = self.snooze_menu.addAction(
            _("&End the snooze"), lambda: self.snooze_requested.emit("end")
        )
        self.snooze_button.setMenu(self.snooze_menu)
        self.edit_button = named_button(_("&Edit…"), "editPerson", self.edit_requested.emit)
        self.edit_button.setToolTip(_("Edit (F2 or Enter)"))
        self.merge_button = named_button(_("&Merge…"), "mergePerson", self.merge_requested.emit)
        self.merge_button.setToolTip(_("Fold a duplicate into this person"))
        self.archive_button = named_button(
            _("Archi&ve…"), "archivePerson", self.archive_requested.emit
        )
        self.archive_button.setToolTip(_("Archive (Delete): kept in history, off every list"))
        row = QHBoxLayout()
        for button in self.action_buttons():
            row.addWidget(button)
        row.addStretch(1)
        return row

    def action_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.touch_button,
            self.snooze_button,
            self.edit_button,
            self.merge_button,
            self.archive_button,
        )

    def _build_items(self) -> QWidget:
        """Their newest items in the inbox, to credit them in a post."""
        self.items = QListWidget()
        self.items.setObjectName("personItems")
        self.items.setAccessibleName(_("Their newest items in your inbox"))
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setUniformItemSizes(True)
        self.items.setSpacing(2)
        # Room for three items of two lines each, whatever the font's size.
        self.items.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.items.itemActivated.connect(lambda e: self.draft_requested.emit(e.data(ITEM_ID_ROLE)))
        self.draft_button = QPushButton(_("Draft a pos&t from it"))
        self.draft_button.setObjectName("draftFromPersonItem")
        self.draft_button.clicked.connect(self._draft_selected)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        title = QHBoxLayout()
        title.addWidget(section(_("Their newest items in your inbox")), 1)
        title.addWidget(self.draft_button)
        column.addLayout(title)
        column.addWidget(self.items)
        self.items_box = box
        return box

    # Showing -----------------------------------------------------------------------

    def show_person(
        self,
        person: Person | None,
        today: date | None = None,
        touches: list[Touch] | None = None,
        items: list[ItemRow] | None = None,
        interval: str = "",
    ) -> None:
        """Show `person` as of `today` with their touches (newest first) and items; None:
        a hint to pick someone."""
        self.person = person
        self.touches = list(touches or [])
        for button in self.action_buttons():
            button.setEnabled(person is not None)
        if person is None or today is None:
            self.name.setText("")
            self.standing.setText(_(NOBODY))
            quiet(self.standing)
            self.details.setText("")
            self.timeline.clear()
            self.show_items([])
            return
        self.name.setText(person.name)
        self.standing.setText(standing(person, today))
        self._colour_standing(status(person, today))
        self.details.setText(details_html(person, today, interval))
        self.end_snooze.setEnabled(bool(person.snoozed_until and person.snoozed_until > today))
        self.timeline.setHtml(timeline_html(self.touches, today))
        self.show_items(items or [])

    def _colour_standing(self, state: str) -> None:
        palette = self.standing.palette()
        colour = state_colour(state, palette)
        role = palette.ColorRole.WindowText
        if colour is None:
            self.standing.setPalette(self.palette())
            quiet(self.standing)
            return
        palette.setColor(role, colour)
        self.standing.setPalette(palette)
        self.standing.setForegroundRole(role)

    def show_items(self, rows: list[ItemRow]) -> None:
        self.items.clear()
        for row in rows:
            when = formats.day_month(row.published) if row.published else ""
            meta = " · ".join(p for p in (row.source, when) if p)
            entry = QListWidgetItem(f"{row.title}\n{meta}")
            entry.setData(ITEM_ID_ROLE, row.id)
            entry.setToolTip(row.link or row.title)
            self.items.addItem(entry)
        if rows:
            self.items.setCurrentRow(0)
        self.items_box.setVisible(bool(rows))

    # Acting ------------------------------------------------------------------------

    def _draft_selected(self) -> None:
        entry = self.items.currentItem()
        if entry is not None:
            self.draft_requested.emit(entry.data(ITEM_ID_ROLE))

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == DELETE_SCHEME:
            self.remove_touch_requested.emit(int(url.path()))
        else:
            self.open_link(url.toString())

    def open_link(self, link: str) -> None:
        """Open an http(s) link in the browser; refuse anything else."""
        target = safe_link(link)
        if not target:
            self.link_refused.emit(link)
            return
        QDesktopServices.openUrl(QUrl(target))
