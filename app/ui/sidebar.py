"""The sidebar: Digwell's name, the demo badge, the pages with their counts, and the
card of this week's posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app import APP_NAME
from app.i18n import N_, _, formats
from app.ui.look import heading
from app.ui.views.nav_list import NavList
from app.ui.views.rounded import ROLE, brush_of, paint_panel

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from app.planner import Planner
    from app.types import Changes
    from app.ui.views.cadence_card import CadenceCard

PAGE_NAMES = (N_("Inbox"), N_("Drafts"), N_("Feeds"), N_("Cadence"), N_("People"))
INBOX, DRAFTS, FEEDS, CADENCE, PEOPLE = range(5)


class DemoBadge(QLabel):
    """'Demo data: your own data is untouched' on a pale yellow note."""

    FILL, EDGE, TEXT = (0xFF, 0xF4, 0xD6), (0xF0, 0xD4, 0x8A), (0x6B, 0x4E, 0x00)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("demoBadge")
        self.setWordWrap(True)
        self.setContentsMargins(8, 6, 8, 6)
        palette = self.palette()
        palette.setBrush(ROLE.WindowText, brush_of(*self.TEXT))  # dark on yellow, any theme
        self.setPalette(palette)
        self._fill, self._edge = brush_of(*self.FILL), brush_of(*self.EDGE)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        paint_panel(painter, rect, 6, self._fill, self._edge)
        painter.end()
        super().paintEvent(event)


class Sidebar(QFrame):
    """`nav` lists the pages (its current row is the page shown); `card` shows the
    week's posts against the target and opens Cadence when clicked."""

    def __init__(
        self,
        planner: Planner,
        inbox_total: Callable[[], int],
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        self._inbox_total = inbox_total  # as the inbox lists them (its model's count)
        self.setObjectName("sidebar")
        # Painted, not styled: a style sheet cost ~5 ms of start-up (app/ui/views/rounded.py).
        self.setFixedWidth(220)
        brand = QLabel(APP_NAME)
        brand.setObjectName("brand")
        brand.setContentsMargins(6, 2, 6, 6)
        heading(brand, 2.0)
        self.nav = NavList(tuple(_(name) for name in PAGE_NAMES))
        self._card: CadenceCard | None = None  # made with its first figures
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(brand)
        if demo:
            layout.addWidget(DemoBadge(_("Demo data: your own data is untouched")))
        layout.addWidget(self.nav, 1)
        self._layout = layout

    @property
    def card(self) -> CadenceCard:
        """This week's card, at the bottom: made when first shown, after the first paint
        (it shows figures the first paint does not read)."""
        if self._card is None:
            from app.ui.views.cadence_card import CadenceCard

            self._card = CadenceCard()
            self._card.clicked.connect(lambda: self.nav.setCurrentRow(CADENCE))
            self._layout.addWidget(self._card)
        return self._card

    def paintEvent(self, _event: QPaintEvent) -> None:
        # The line between the sidebar and the page, in the palette's edge colour.
        painter = QPainter(self)
        edge = QRectF(self.width() - 1, 0, 1, self.height())
        paint_panel(painter, edge, 0, self.palette().brush(QPalette.ColorRole.Mid))
        painter.end()

    def show_counts(self) -> None:
        """Items, drafts and feeds beside their pages; the week's posts on the card."""
        planner = self._planner
        number = formats.number
        # Translators: the sidebar's pages with their counts; keep the spaces and the dot.
        inbox = _("Inbox  ·  {count}").format(count=number(self._inbox_total()))
        self.nav.item(INBOX).setText(inbox)
        drafts = number(planner.drafting.draft_count())
        self.nav.item(DRAFTS).setText(_("Drafts  ·  {count}").format(count=drafts))
        self.nav.item(FEEDS).setText(
            _("Feeds  ·  {count}").format(count=number(planner.feeds.count()))
        )
        due = planner.people.due_counts()[0]  # who is due for a touch (docs/PEOPLE.md)
        people = _("People  ·  {count} due").format(count=number(due)) if due else _("People")
        self.nav.item(PEOPLE).setText(people)
        away = planner.cadence.current_break() is not None  # no nudge on a break
        self.card.show_progress(planner.cadence.week_progress(), away)

    def apply_changes(self, changes: Changes) -> None:
        """Read the counts again: almost any change moves one."""
        if changes:
            self.show_counts()
