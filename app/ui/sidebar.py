"""The sidebar: Digwell's name, the demo badge, the pages with their counts, and the
card of this week's posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from app import APP_NAME
from app.paths import resource_path
from app.ui.views.cadence_card import CadenceCard

if TYPE_CHECKING:
    from app.planner import Planner
    from app.types import Changes

PAGE_NAMES = ("Inbox", "Drafts", "Feeds", "Cadence")
INBOX, DRAFTS, FEEDS, CADENCE = range(4)


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
        # A style sheet on the sidebar only: on the whole app it slows start-up (every
        # widget is polished through it).
        self.setStyleSheet(resource_path("styles", "sidebar.qss").read_text(encoding="utf-8"))
        self.setFixedWidth(220)
        brand = QLabel(APP_NAME)
        brand.setObjectName("brand")
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.addItems(PAGE_NAMES)
        self.card = CadenceCard()
        self.card.clicked.connect(lambda: self.nav.setCurrentRow(CADENCE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(brand)
        if demo:
            badge = QLabel("Demo data: your own data is untouched")
            badge.setObjectName("demoBadge")
            badge.setWordWrap(True)
            layout.addWidget(badge)
        layout.addWidget(self.nav, 1)
        layout.addWidget(self.card)

    def show_counts(self) -> None:
        """Items, drafts and feeds beside their pages; the week's posts on the card."""
        planner = self._planner
        self.nav.item(INBOX).setText(f"Inbox  ·  {self._inbox_total()}")
        self.nav.item(DRAFTS).setText(f"Drafts  ·  {planner.drafting.draft_count()}")
        self.nav.item(FEEDS).setText(f"Feeds  ·  {planner.feeds.count()}")
        self.card.show_progress(planner.cadence.week_progress())

    def apply_changes(self, changes: Changes) -> None:
        """Read the counts again: almost any change moves one."""
        if changes:
            self.show_counts()
