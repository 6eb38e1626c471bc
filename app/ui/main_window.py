"""The main window assembles Digwell: the sidebar, the pages (the inbox at once, the others
when first shown), the menu bar (app/ui/menus.py), the background work (refresh, search
index, ranking: app/ui/background_work.py) and, once settled, reminders through the tray.

It subscribes to the planner once, and to the background work, and hands every page what
changed (app.types.Changes, through app/ui/change_delivery.py): each page decides what
to read again. What is left here is navigation, dialogs and messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QWidget

from app.i18n import _, ngettext
from app.planner import Planner
from app.ui.background_work import BackgroundWork
from app.ui.change_delivery import ChangeDelivery
from app.ui.lazy_page import LazyPage
from app.ui.menus import add_menus, fill_menus, window_title
from app.ui.messages import Messenger
from app.ui.page_builders import cadence_page, drafts_page, feeds_page, people_page
from app.ui.sidebar import CADENCE, DRAFTS, FEEDS, INBOX, PEOPLE, Sidebar
from app.ui.turns import Turns
from app.ui.views.inbox_page import InboxPage
from app.ui.window_dialogs import (
    open_mastodon,
    open_problem_report,
    open_schedule,
    open_strategy,
)

if TYPE_CHECKING:  # annotation-only Qt types: each costs start-up when first touched
    from collections.abc import Callable

    from PySide6.QtGui import QAction, QCloseEvent, QIcon

    from app.cadence.reminders import Reminder
    from app.types import Post
    from app.ui.backups import Backups
    from app.ui.dialogs.mastodon_dialog import MastodonDialog
    from app.ui.dialogs.problem_dialog import ProblemDialog
    from app.ui.dialogs.schedule_dialog import ScheduleDialog
    from app.ui.dialogs.strategy_dialog import StrategyDialog
    from app.ui.reminders import TrayReminders
    from app.ui.views.cadence_card import CadenceCard
    from app.ui.views.cadence_page import CadencePage
    from app.ui.views.composer import Composer
    from app.ui.views.drafts_page import DraftsPage
    from app.ui.views.feeds_page import FeedsPage

ROUNDUP_TEMPLATE = "weekly-roundup"
# Reminders and the tray icon start once the window has settled.
BUILD_REMINDERS_MS = 1500
# The actions also kept as attributes (window.refresh_action…); all are in `menu_actions`.
NAMED_ACTIONS = (
    "refresh", "draft", "roundup", "copy", "posted", "strategy", "open_demo", "auto_backup"
)  # fmt: skip


class MainWindow(QMainWindow):
    """Wires the pages to the planner; `demo_requested` asks to open the demo."""

    demo_requested = Signal()
    settled = Signal()  # everything shows, what the first paint did without too

    def __init__(
        self,
        planner: Planner,
        icon: QIcon | None = None,
        *,
        demo: bool = False,
        auto_refresh: bool = True,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__()
        self.planner = planner
        self.setWindowTitle(window_title(demo))
        if icon is not None:  # else the application's, once set (app.ui.app.show_icon)
            self.setWindowIcon(icon)
        self.resize(1180, 760)
        self.messages = Messenger(self)
        self._command = command  # a stand-in for `digwell` in the child processes (tests)
        self._quitting = False  # closing for good, not into the tray
        self._backups: Backups | None = None
        self.reminders: TrayReminders | None = None  # once started
        self.mastodon_dialog: MastodonDialog | None = None
        self.schedule_dialog: ScheduleDialog | None = None
        self.problem_dialog: ProblemDialog | None = None

        self.turns = Turns(self)
        self.changes = ChangeDelivery(self.turns)
        self.inbox = InboxPage(planner, turns=self.turns)
        self._build_body(demo)
        self.work = BackgroundWork(
            planner, self, self.changes.send, auto_refresh=auto_refresh, command=command
        )
        self._menus = add_menus(self)  # their actions come after the first paint
        self._actions: dict[str, QAction] | None = None
        self._connect()
        for receiver in (self.inbox, self.sidebar, self.work):
            self.changes.add_receiver(receiver.apply_changes)
        self._unsubscribe: Callable[[], None] | None = planner.subscribe(self.changes.send)

        self.nav.setCurrentRow(INBOX)
        self.statusBar()  # its place now: the greeting comes after the first paint
        self._reminders_timer = QTimer(self)
        self._reminders_timer.setSingleShot(True)
        self._reminders_timer.timeout.connect(self.start_reminders)
        if auto_refresh:  # tests start them when they want them
            self._reminders_timer.start(BUILD_REMINDERS_MS)

    _painted = False  # see event(); set before __init__ runs, as events come during it

    def event(self, event: QEvent) -> bool:
        # The first paint shows the inbox's list; the rest follows on the next turn.
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    @property
    def menu_actions(self) -> dict[str, QAction]:
        """Every menu action by name (app/ui/menus.py); made when first asked for."""
        if self._actions is None:
            self._actions = fill_menus(self, self._menus)
        return self._actions

    def __getattr__(self, name: str) -> QAction:
        # window.refresh_action and the other NAMED_ACTIONS.
        if name.endswith("_action") and name.removesuffix("_action") in NAMED_ACTIONS:
            return self.menu_actions[name.removesuffix("_action")]
        raise AttributeError(name)

    def _after_first_paint(self) -> None:
        """What the first paint did without (~20 ms of start-up): the preview, the counts
        beside the pages and this week's posts, the greeting."""
        if self._unsubscribe is None:
            return  # closed before it painted
        self.turns.add(  # a turn each: none of them stalls the window
            lambda: self.menu_actions,  # the menus' actions and their shortcuts
            self.inbox.release_preview,
            self.sidebar.show_counts,
            lambda: self.statusBar().showMessage(self._greeting()),
            self.settled.emit,
        )

    def _build_body(self, demo: bool) -> None:
        """The sidebar beside the pages; the pages but the inbox built when first shown."""
        self.pages = QStackedWidget()
        self.pages.addWidget(self.inbox)
        self._drafts = LazyPage(self.pages, lambda: drafts_page(self))
        self._feeds = LazyPage(self.pages, lambda: feeds_page(self))
        self._cadence_page = LazyPage(self.pages, lambda: cadence_page(self))
        self._people_page = LazyPage(self.pages, lambda: people_page(self))
        self.sidebar = Sidebar(self.planner, self.inbox.model.total, demo=demo)
        self.nav = self.sidebar.nav
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        inbox, work = self.inbox, self.work
        self.nav.currentRowChanged.connect(self._show_page)
        inbox.draft_requested.connect(self.draft_item)
        inbox.demo_requested.connect(self.demo_requested)
        inbox.add_feed_requested.connect(lambda: self.on_feeds_page(lambda: self.feeds.add_feed()))
        inbox.import_requested.connect(lambda: self.on_feeds_page(lambda: self.feeds.import_opml()))
        inbox.message.connect(self.messages.info)
        inbox.strategy_requested.connect(self.edit_strategy)
        work.message.connect(self.messages.info)
        work.failed.connect(self.messages.error)
        work.problems_requested.connect(self.show_feed_problems)
        work.ranking.connect(inbox.show_ranking)
        work.ranking_over.connect(inbox.ranking_note.hide)
        work.indexing.connect(inbox.set_indexing)

    # Pages --------------------------------------------------------------------------

    @property
    def drafts(self) -> DraftsPage:
        """The drafts page (with the composer), built on first use."""
        return self._drafts.get()

    @property
    def feeds(self) -> FeedsPage:
        """The feeds page, built on first use."""
        return self._feeds.get()

    @property
    def cadence_page(self) -> CadencePage:
        """The cadence page, built on first use."""
        return self._cadence_page.get()

    def _show_page(self, row: int) -> None:
        cadence = self._cadence_page.page
        if row == CADENCE and cadence is not None:
            cadence.reload()  # the figures move with the clock, not only with posts
        pages = (self._drafts, self._feeds, self._cadence_page, self._people_page)
        lazy = dict(zip((DRAFTS, FEEDS, CADENCE, PEOPLE), pages, strict=True)).get(row)
        self.pages.setCurrentWidget(lazy.get() if lazy is not None else self.inbox)

    def on_feeds_page(self, act: Callable[[], object]) -> None:
        """Show the feeds page, then `act` on it (add a feed, import…)."""
        self.nav.setCurrentRow(FEEDS)
        act()

    def show_feed_problems(self) -> None:
        """The feeds page, showing only the feeds with errors."""
        self.nav.setCurrentRow(FEEDS)
        self.feeds.show_problems_only(True)

    def open_draft(self, draft_id: int) -> None:
        """The drafts page with this draft in the composer."""
        self.nav.setCurrentRow(DRAFTS)
        self.drafts.open_draft(draft_id)

    def add_post(self) -> None:
        """Cadence › Add a post you made: the posts log's dialog."""
        self.nav.setCurrentRow(CADENCE)
        self.cadence_page.add_post()

    # Drafting -----------------------------------------------------------------------

    def draft_selected(self) -> None:
        """Item › Draft a post: the item selected in the inbox, if the inbox is shown."""
        item_id = self.inbox.selected_item_id()
        if item_id is None or self.pages.currentIndex() != INBOX:
            return
        self.draft_item(item_id)

    def draft_item(self, item_id: int) -> None:
        """Open the item's draft, or make one from the default template (rendered off the
        GUI thread; the drafts page's `drafted` opens it)."""
        existing = self.planner.drafting.open_draft_for_item(item_id)
        if existing is None:
            self.drafts.start_new_draft([item_id])
            return
        self.open_draft(existing)

    def draft_roundup(self) -> None:
        """A weekly roundup of the starred items (or the best unread ones)."""
        items = self.planner.inbox.roundup_items()
        if not items:
            self.messages.info(_("Nothing to round up yet: star the items worth sharing."))
            return
        self.drafts.start_new_draft(items, ROUNDUP_TEMPLATE)

    def with_open_draft(self, act: Callable[[Composer], object]) -> None:
        """Copy or mark posted: only the draft on screen."""
        drafts = self._drafts.page
        if self.pages.currentIndex() != DRAFTS or drafts is None or drafts.composer.draft is None:
            self.messages.info(_("Open a draft first: pick an item and choose “Draft a post”."))
            return
        act(drafts.composer)

    def posted(self, _post: Post) -> None:
        """A post marked from the composer: this week's count in the status bar."""
        progress = self.planner.cadence.week_progress()
        self.messages.info(
            _("Logged as posted. {posts} of {target} this week.").format(
                posts=progress.posts, target=progress.target
            )
        )

    # Dialogs ------------------------------------------------------------------------

    def edit_strategy(self) -> StrategyDialog:
        """Open the strategy editor; saving it ranks every item again."""
        return open_strategy(self.planner, self, self._strategy_saved)

    def _strategy_saved(self, _version: int) -> None:
        self.messages.info(_("Strategy saved. Ranking your items by it…"))
        self.work.rank_again()

    def edit_mastodon(self) -> None:
        """Ask for the user's Mastodon server and its limit (window-modal)."""
        self.mastodon_dialog = open_mastodon(self.planner, self, self.messages.info)

    def edit_schedule(self) -> None:
        """Posting days and time, reminders, close to tray (window-modal)."""
        self.schedule_dialog = open_schedule(self.planner, self, self.messages.info)

    def report_problem(self) -> None:
        """Help › Report a problem: the log's recent lines, to copy."""
        self.problem_dialog = open_problem_report(self)

    def _greeting(self) -> str:
        from app.i18n import formats

        feeds = self.planner.feeds.count()
        if not feeds:
            return _("No feeds yet.")
        total = self.inbox.model.total()
        items = ngettext("{count} item", "{count} items", total).format(count=formats.number(total))
        # Translators: "120 items from 4 feeds." ({items} and {feeds} with their counts).
        return _("{items} from {feeds}.").format(
            items=items,
            feeds=ngettext("{count} feed", "{count} feeds", feeds).format(count=feeds),
        )

    # Backups, reminders and the tray --------------------------------------------------

    @property
    def backups(self) -> Backups:
        """Backing up and restoring, built on first use."""
        if self._backups is None:
            from app.ui.backups import Backups

            self._backups = Backups(self.planner, self, command=self._command)
            self._backups.message.connect(self.messages.info)
            self._backups.failed.connect(self.messages.error)
        return self._backups

    def sync_file_menu(self) -> None:
        """Tick File › Back up every week if weekly backups are on."""
        action = self.auto_backup_action
        action.blockSignals(True)
        action.setChecked(self.backups.auto_enabled())
        action.blockSignals(False)

    def start_reminders(self) -> None:
        """The tray icon (where the desktop has one), the reminder checks and the weekly
        backup's."""
        if self.reminders is not None:
            return
        self.backups.start_schedule()
        from app.ui.reminders import TrayReminders

        reminders = TrayReminders(self.planner, self.windowIcon(), self)
        reminders.raise_requested.connect(self.bring_to_front)
        reminders.quit_requested.connect(self.quit)
        reminders.draft_requested.connect(self.open_draft)
        reminders.inbox_requested.connect(lambda: self.nav.setCurrentRow(INBOX))
        reminders.people_requested.connect(lambda: self.nav.setCurrentRow(PEOPLE))
        reminders.show_in_window.connect(self._show_reminder)
        reminders.message.connect(self.messages.info)
        reminders.failed.connect(self.messages.error)
        self.reminders = reminders
        reminders.start()

    @property
    def cadence(self) -> CadenceCard:
        """This week's card in the sidebar."""
        return self.sidebar.card

    def _show_reminder(self, reminder: Reminder) -> None:
        """Where there is no tray: in the status bar, and on the card until its next update."""
        self.messages.info(f"{reminder.title}: {reminder.message}")
        self.cadence.show_reminder(reminder)

    def bring_to_front(self) -> None:
        """Show the window, un-minimised and raised (the tray, a second launch)."""
        from PySide6.QtCore import Qt  # not on the start-up path (see app.ui.qt_values)

        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        """Close for good, even when closing would keep Digwell in the tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        reminders = self.reminders
        if not self._quitting and reminders is not None and reminders.keeps_running():
            event.ignore()
            self.hide()
            reminders.tell_still_running()
            return
        # Nothing may reach for the planner once the window is closed (it is closed next).
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.work.stop()
        self.turns.clear()
        self._reminders_timer.stop()
        if reminders is not None:
            reminders.stop()
        if self._backups is not None:
            self._backups.stop()
        if self._drafts.page is not None:
            self._drafts.page.composer.shut_down()
        super().closeEvent(event)
