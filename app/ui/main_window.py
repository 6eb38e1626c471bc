"""The main window: sidebar navigation and cadence card, inbox and drafts pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.errors import DigwellError
from app.paths import resource_path
from app.planner import Planner
from app.ui.messages import Messenger
from app.ui.views.cadence_card import CadenceCard
from app.ui.views.inbox_page import InboxPage

if TYPE_CHECKING:  # annotation-only Qt types: each costs start-up when first touched
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent, QIcon

    from app.ui.views.composer import Composer
    from app.ui.views.drafts_page import DraftsPage

INBOX, DRAFTS = 0, 1


class MainWindow(QMainWindow):
    """Wires the pages to the planner; `demo_requested` asks to open the demo."""

    demo_requested = Signal()

    def __init__(self, planner: Planner, icon: QIcon, *, demo: bool = False) -> None:
        super().__init__()
        self.planner = planner
        self.setWindowTitle(f"{APP_NAME} — demo data" if demo else APP_NAME)
        self.setWindowIcon(icon)
        self.resize(1180, 760)
        self.messages = Messenger(self)

        self.inbox = InboxPage(planner, icon)
        self._drafts: DraftsPage | None = None  # built when first needed: faster start
        self.pages = QStackedWidget()
        self.pages.addWidget(self.inbox)
        self.pages.addWidget(QWidget())  # stands in for the drafts page

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for name in ("Inbox", "Drafts"):
            self.nav.addItem(QListWidgetItem(name))
        self.nav.currentRowChanged.connect(self._show_page)
        self.cadence = CadenceCard()

        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setStyleSheet(resource_path("styles", "sidebar.qss").read_text(encoding="utf-8"))
        sidebar.setFixedWidth(220)
        brand = QLabel(APP_NAME)
        brand.setObjectName("brand")
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(12, 16, 12, 12)
        side.setSpacing(10)
        side.addWidget(brand)
        if demo:
            badge = QLabel("Demo data: your own data is untouched")
            badge.setObjectName("demoBadge")
            badge.setWordWrap(True)
            side.addWidget(badge)
        side.addWidget(self.nav, 1)
        side.addWidget(self.cadence)

        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(sidebar)
        body.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._connect()
        self.nav.setCurrentRow(INBOX)
        self.refresh_counts()
        self.statusBar().showMessage(self._greeting())

    def _build_actions(self) -> None:
        # setShortcuts([...]), not setShortcut: its overloads make PySide6 build the
        # whole `Qt` namespace, ~35 ms of start-up (see app.ui.qt_values).
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.open_demo_action = QAction("Open the &demo", self)
        self.open_demo_action.triggered.connect(self.demo_requested)
        file_menu.addAction(self.open_demo_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = menu.addMenu("&Go")
        for row, (name, key) in enumerate((("&Inbox", "Ctrl+1"), ("&Drafts", "Ctrl+2"))):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(key)])
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(action)

        item_menu = menu.addMenu("&Item")
        self.draft_action = QAction("&Draft a post", self)
        self.draft_action.setShortcuts([QKeySequence("Ctrl+D")])
        self.draft_action.triggered.connect(self.draft_selected)
        item_menu.addAction(self.draft_action)

        draft_menu = menu.addMenu("D&raft")
        self.copy_action = QAction("&Copy to clipboard", self)
        self.copy_action.setShortcuts([QKeySequence("Ctrl+Shift+C")])
        self.copy_action.triggered.connect(lambda: self._with_open_draft(lambda c: c.copy()))
        draft_menu.addAction(self.copy_action)
        self.posted_action = QAction("&Mark as posted", self)
        self.posted_action.setShortcuts([QKeySequence("Ctrl+Shift+M")])
        self.posted_action.triggered.connect(
            lambda: self._with_open_draft(lambda c: c.mark_posted())
        )
        draft_menu.addAction(self.posted_action)

        help_menu = menu.addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.inbox.draft_requested.connect(self.draft_item)
        self.inbox.demo_requested.connect(self.demo_requested)
        self.inbox.preview.link_refused.connect(
            lambda url: self.messages.info(f"Not opened: “{url}” is not a web link.")
        )

    @property
    def drafts(self) -> DraftsPage:
        """The drafts page, built and wired on first use."""
        if self._drafts is None:
            from app.ui.views.drafts_page import DraftsPage

            page = DraftsPage(self.planner)
            composer = page.composer
            composer.message.connect(self.messages.info)
            composer.failed.connect(self.messages.error)
            composer.posted.connect(self._posted)
            composer.saved.connect(lambda _id: self.refresh_counts())
            stand_in = self.pages.widget(DRAFTS)
            self.pages.insertWidget(DRAFTS, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._drafts = page
        return self._drafts

    def _with_open_draft(self, act: Callable[[Composer], None]) -> None:
        # Only the draft on screen may be copied or marked posted.
        if self.pages.currentIndex() != DRAFTS or self.drafts.composer.draft is None:
            self.messages.info("Open a draft first: pick an item and choose “Draft a post”.")
            return
        act(self.drafts.composer)

    def _show_page(self, row: int) -> None:
        self.pages.setCurrentWidget(self.drafts if row == DRAFTS else self.inbox)

    def draft_selected(self) -> None:
        item_id = self.inbox.selected_item_id()
        if item_id is None or self.pages.currentIndex() != INBOX:
            return
        self.draft_item(item_id)

    def draft_item(self, item_id: int) -> None:
        """Open the item's draft (making one from the template if needed)."""
        try:
            draft = self.planner.draft_for_item(item_id)
        except DigwellError as err:
            self.messages.error(err)
            return
        self.inbox.item_changed(item_id)
        self.nav.setCurrentRow(DRAFTS)
        self.drafts.open_draft(draft.id)
        self.refresh_counts()

    def _posted(self, post) -> None:
        self.refresh_counts()
        progress = self.planner.week_progress()
        self.messages.info(f"Logged as posted. {progress.posts} of {progress.target} this week.")

    def refresh_counts(self) -> None:
        self.nav.item(INBOX).setText(f"Inbox  ·  {self.inbox.model.total()}")
        self.nav.item(DRAFTS).setText(f"Drafts  ·  {self.planner.draft_count()}")
        self.cadence.show_progress(self.planner.week_progress())

    def _greeting(self) -> str:
        if not self.planner.feed_count():
            return "No feeds yet."
        return f"{self.inbox.model.total()} items from {self.planner.feed_count()} feeds."

    def _about(self) -> None:
        import html

        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME} {__version__}</b><p>Dig your well before you are thirsty: "
            "share good content on your career themes, week after week.</p>"
            f"<p>Data folder: {html.escape(str(self.planner.db.path.parent))}</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._drafts is not None:
            self._drafts.composer.save_now()
        super().closeEvent(event)
