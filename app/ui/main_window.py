"""The main window: sidebar navigation and cadence card; inbox, drafts, feeds and cadence
pages; the refresh status in the status bar; reminders through the tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
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
    from datetime import timedelta

    from PySide6.QtGui import QCloseEvent, QIcon

    from app.cadence.reminders import Reminder
    from app.types import Feed
    from app.ui.background import BackgroundCall
    from app.ui.backups import Backups
    from app.ui.dialogs.mastodon_dialog import MastodonDialog
    from app.ui.dialogs.problem_dialog import ProblemDialog
    from app.ui.dialogs.schedule_dialog import ScheduleDialog
    from app.ui.dialogs.strategy_dialog import StrategyDialog
    from app.ui.refresh_runner import RefreshRunner
    from app.ui.reminder_timer import ReminderTimer
    from app.ui.rescore_runner import RescoreRunner
    from app.ui.tray import Tray
    from app.ui.views.cadence_page import CadencePage
    from app.ui.views.composer import Composer
    from app.ui.views.drafts_page import DraftsPage
    from app.ui.views.feeds_page import FeedsPage
    from app.ui.views.refresh_status import RefreshStatus

INBOX, DRAFTS, FEEDS, CADENCE = 0, 1, 2, 3
PAGE_NAMES = ("Inbox", "Drafts", "Feeds", "Cadence")
ROUNDUP_TEMPLATE = "weekly-roundup"
# The first automatic refresh waits until the window is up and settled.
FIRST_REFRESH_MS = 3000
# Whether the items are ranked by the strategy as saved is checked this long after start.
RANK_CHECK_MS = 1000
# How often "Last refreshed 5 minutes ago" is brought up to date.
STATUS_TICK_MS = 60_000
# The refresh corner of the status bar is built this long after start-up, off the path
# to the first paint (each module imported after PySide6 costs start-up time).
BUILD_REFRESH_MS = 200
# Reminders and the tray icon start once the window has settled.
BUILD_REMINDERS_MS = 1500


class MainWindow(QMainWindow):
    """Wires the pages to the planner; `demo_requested` asks to open the demo."""

    demo_requested = Signal()
    refreshed = Signal(dict)  # a refresh's report, once the window shows all of it
    search_indexed = Signal(int)  # the search index caught up with a refresh: items added
    ranked = Signal()  # every item ranked by the strategy as saved

    def __init__(
        self,
        planner: Planner,
        icon: QIcon,
        *,
        demo: bool = False,
        auto_refresh: bool = True,
        refresh_command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__()
        self.planner = planner
        self.setWindowTitle(f"{APP_NAME} — demo data" if demo else APP_NAME)
        self.setWindowIcon(icon)
        self.resize(1180, 760)
        self.messages = Messenger(self)

        self.inbox = InboxPage(planner, icon)
        # The drafts and feeds pages are built when first shown: a faster start.
        self._drafts: DraftsPage | None = None
        self._feeds: FeedsPage | None = None
        self._cadence_page: CadencePage | None = None
        self.mastodon_dialog: MastodonDialog | None = None
        self.schedule_dialog: ScheduleDialog | None = None
        self.tray: Tray | None = None
        self.reminders: ReminderTimer | None = None
        self._backups: Backups | None = None
        self.problem_dialog: ProblemDialog | None = None
        self._quitting = False  # closing for good, not into the tray
        self._told_about_tray = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self.inbox)
        self.pages.addWidget(QWidget())  # stands in for the drafts page
        self.pages.addWidget(QWidget())  # stands in for the feeds page
        self.pages.addWidget(QWidget())  # stands in for the cadence page

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for name in PAGE_NAMES:
            self.nav.addItem(QListWidgetItem(name))
        self.nav.currentRowChanged.connect(self._show_page)
        self.cadence = CadenceCard()
        self.cadence.clicked.connect(lambda: self.nav.setCurrentRow(CADENCE))

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

        self._refresh_command = refresh_command
        self._auto_refresh = auto_refresh
        self._refresh_parts: tuple[RefreshStatus, RefreshRunner] | None = None
        self._manual_refresh = False
        self._steps: list[Callable[[], object]] = []  # a refresh's aftermath, turn by turn
        self._indexer: BackgroundCall | None = None

        self._build_actions()
        self._connect()
        self.nav.setCurrentRow(INBOX)
        self.refresh_counts()
        self.statusBar().showMessage(self._greeting())
        self._status_tick = QTimer(self)
        self._status_tick.timeout.connect(self._show_refresh_idle)
        self._status_tick.start(STATUS_TICK_MS)
        self._build_corner = QTimer(self)
        self._build_corner.setSingleShot(True)
        self._build_corner.timeout.connect(self._refresh_corner)
        self._build_corner.start(BUILD_REFRESH_MS)
        self._settle = QTimer(self)  # the rest of a refresh's aftermath, a turn later
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._after_refresh)
        self._first_refresh = QTimer(self)
        self._first_refresh.setSingleShot(True)
        self._first_refresh.timeout.connect(self._refresh_if_due)
        if auto_refresh:
            self._first_refresh.start(FIRST_REFRESH_MS)
        self._rescorer: RescoreRunner | None = None
        self._rank_check = QTimer(self)  # scores of an older strategy: rank again, soon
        self._rank_check.setSingleShot(True)
        self._rank_check.timeout.connect(self._rank_if_stale)
        self._rank_check.start(RANK_CHECK_MS)
        self._build_reminders = QTimer(self)
        self._build_reminders.setSingleShot(True)
        self._build_reminders.timeout.connect(self.start_reminders)
        if auto_refresh:  # tests start them when they want them
            self._build_reminders.start(BUILD_REMINDERS_MS)

    def _build_actions(self) -> None:
        # setShortcuts([...]), not setShortcut: its overloads make PySide6 build the
        # whole `Qt` namespace, ~35 ms of start-up (see app.ui.qt_values).
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.open_demo_action = QAction("Open the &demo", self)
        self.open_demo_action.triggered.connect(self.demo_requested)
        file_menu.addAction(self.open_demo_action)
        self.strategy_action = QAction("Career &strategy…", self)
        self.strategy_action.setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self.strategy_action.triggered.connect(self.edit_strategy)
        file_menu.addAction(self.strategy_action)
        file_menu.addSeparator()
        back_up = QAction("&Back up now…", self)
        back_up.triggered.connect(lambda: self.backups.back_up_now())
        file_menu.addAction(back_up)
        restore = QAction("&Restore a backup…", self)
        restore.triggered.connect(lambda: self.backups.restore())
        file_menu.addAction(restore)
        self.auto_backup_action = QAction("Back up &every week", self)
        self.auto_backup_action.setCheckable(True)
        self.auto_backup_action.setToolTip("Into the data folder's backups folder; the newest 8")
        self.auto_backup_action.toggled.connect(lambda on: self.backups.set_auto(on))
        file_menu.addAction(self.auto_backup_action)
        file_menu.aboutToShow.connect(self._sync_file_menu)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)

        go_menu = menu.addMenu("&Go")
        go_keys = (
            ("&Inbox", "Ctrl+1"),
            ("&Drafts", "Ctrl+2"),
            ("&Feeds", "Ctrl+3"),
            ("&Cadence", "Ctrl+4"),
        )
        for row, (name, key) in enumerate(go_keys):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(key)])
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(action)

        feeds_menu = menu.addMenu("Fee&ds")
        self.refresh_action = QAction("&Refresh now", self)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.refresh_action.triggered.connect(self.refresh_now)
        feeds_menu.addAction(self.refresh_action)
        feeds_menu.addSeparator()
        for text, key, slot in (
            ("&Add a feed…", "Ctrl+Shift+N", lambda: self.feeds.add_feed()),
            ("&Search feeds for a theme…", "", lambda: self.feeds.search_feeds()),
            ("&Import OPML…", "", lambda: self.feeds.import_opml()),
            ("&Export OPML…", "", lambda: self.feeds.export_opml()),
        ):
            action = QAction(text, self)
            if key:
                action.setShortcuts([QKeySequence(key)])
            action.triggered.connect(lambda _=False, act=slot: self._on_feeds_page(act))
            feeds_menu.addAction(action)

        item_menu = menu.addMenu("&Item")
        self.draft_action = QAction("&Draft a post", self)
        self.draft_action.setShortcuts([QKeySequence("Ctrl+D")])
        self.draft_action.triggered.connect(self.draft_selected)
        item_menu.addAction(self.draft_action)
        self.roundup_action = QAction("Draft a &weekly roundup", self)
        self.roundup_action.setShortcuts([QKeySequence("Ctrl+Shift+D")])
        self.roundup_action.setToolTip("A roundup of your starred items (or the top unread)")
        self.roundup_action.triggered.connect(self.draft_roundup)
        item_menu.addAction(self.roundup_action)

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
        draft_menu.addSeparator()
        mastodon = QAction("Ma&stodon server…", self)
        mastodon.triggered.connect(self.edit_mastodon)
        draft_menu.addAction(mastodon)

        cadence_menu = menu.addMenu("&Cadence")
        add_post = QAction("&Add a post you made…", self)
        add_post.triggered.connect(self.add_post)
        cadence_menu.addAction(add_post)
        schedule = QAction("Posting &schedule and reminders…", self)
        schedule.triggered.connect(self.edit_schedule)
        cadence_menu.addAction(schedule)
        export = QAction("&Export the plan to a calendar…", self)
        export.triggered.connect(lambda: self.cadence_page.plan.export())
        cadence_menu.addAction(export)

        help_menu = menu.addMenu("&Help")
        problem = QAction("&Report a problem…", self)
        problem.triggered.connect(self.report_problem)
        help_menu.addAction(problem)
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.inbox.draft_requested.connect(self.draft_item)
        self.inbox.demo_requested.connect(self.demo_requested)
        self.inbox.preview.link_refused.connect(
            lambda url: self.messages.info(
                f"Not opened: “{url}” is not a web link."
                if url
                else "This item has no web link to open (only http and https links are kept)."
            )
        )
        self.inbox.add_feed_requested.connect(
            lambda: self._on_feeds_page(lambda: self.feeds.add_feed())
        )
        self.inbox.import_requested.connect(
            lambda: self._on_feeds_page(lambda: self.feeds.import_opml())
        )
        self.inbox.message.connect(self.messages.info)
        self.inbox.strategy_requested.connect(self.edit_strategy)
        self.inbox.items_changed.connect(self._items_changed)

    def _refresh_corner(self) -> tuple[RefreshStatus, RefreshRunner]:
        """The status bar's refresh corner and the refresh runner, built and wired once."""
        if self._refresh_parts is not None:
            return self._refresh_parts
        from app.ui.refresh_runner import RefreshRunner
        from app.ui.views.refresh_status import RefreshStatus

        status = RefreshStatus()
        self.statusBar().addPermanentWidget(status)
        runner = RefreshRunner(self.planner.data_dir, self, command=self._refresh_command)
        self._refresh_parts = (status, runner)
        status.refresh_clicked.connect(self.refresh_now)
        status.stop_clicked.connect(runner.stop)
        status.errors_clicked.connect(self.show_feed_problems)
        runner.started.connect(lambda: status.show_running(0, 0))
        runner.planned.connect(lambda total: status.show_running(0, total))
        runner.progressed.connect(self._refresh_progressed)
        runner.finished.connect(self._refresh_finished)
        runner.failed.connect(self._refresh_failed)
        if self._auto_refresh:
            runner.set_interval(self.planner.feeds.refresh_minutes())
        self._show_refresh_idle()
        return self._refresh_parts

    @property
    def refresh_status(self) -> RefreshStatus:
        return self._refresh_corner()[0]

    @property
    def refresher(self) -> RefreshRunner:
        return self._refresh_corner()[1]

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
            composer.unposted.connect(lambda _id: self._posted(None))
            page.drafted.connect(self._drafted)
            page.planned.connect(lambda _id: self._reload_cadence_page())
            composer.saved.connect(lambda _id: self.refresh_counts())
            stand_in = self.pages.widget(DRAFTS)
            self.pages.insertWidget(DRAFTS, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._drafts = page
        return self._drafts

    @property
    def feeds(self) -> FeedsPage:
        """The feeds page, built and wired on first use."""
        if self._feeds is None:
            from app.ui.views.feeds_page import FeedsPage

            page = FeedsPage(self.planner)
            page.changed.connect(self._subscriptions_changed)
            page.refresh_requested.connect(self.refresh_now)
            page.message.connect(self.messages.info)
            page.failed.connect(self.messages.error)
            page.interval_changed.connect(self.refresher.set_interval)
            stand_in = self.pages.widget(FEEDS)
            self.pages.insertWidget(FEEDS, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._feeds = page
        return self._feeds

    @property
    def cadence_page(self) -> CadencePage:
        """The cadence page, built and wired on first use."""
        if self._cadence_page is None:
            from app.ui.views.cadence_page import CadencePage

            page = CadencePage(self.planner)
            page.open_draft.connect(self.open_draft)
            page.inbox_requested.connect(lambda: self.nav.setCurrentRow(INBOX))
            page.schedule_requested.connect(self.edit_schedule)
            page.posts_changed.connect(self._log_changed)
            page.plan.changed.connect(lambda: self._drafts is not None and self._drafts.reload())
            page.message.connect(self.messages.info)
            page.failed.connect(self.messages.error)
            stand_in = self.pages.widget(CADENCE)
            self.pages.insertWidget(CADENCE, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._cadence_page = page
        return self._cadence_page

    def _log_changed(self) -> None:
        """A post added, edited or deleted in the log: a draft it came from may have
        become a draft again (or posted again), so the drafts page reads them anew."""
        self.refresh_counts()
        if self._drafts is None:
            return
        composer = self._drafts.composer
        shown = composer.draft.id if composer.draft is not None else None
        self._drafts.reload(keep_composer=True)
        if shown is not None:
            try:
                composer.show_draft(self.planner.drafting.draft(shown))
            except DigwellError:
                composer.show_draft(None)

    def _reload_cadence_page(self) -> None:
        if self._cadence_page is not None:
            self._cadence_page.reload()

    def open_draft(self, draft_id: int) -> None:
        self.nav.setCurrentRow(DRAFTS)
        self.drafts.open_draft(draft_id)

    def add_post(self) -> None:
        self.nav.setCurrentRow(CADENCE)
        self.cadence_page.add_post()

    def edit_schedule(self) -> None:
        """Posting days and time, reminders, close to tray (window-modal)."""
        from app.ui.dialogs.schedule_dialog import ScheduleDialog
        from app.ui.tray import Tray

        dialog = ScheduleDialog(self.planner.cadence, tray_available=Tray.available(), parent=self)
        dialog.accepted.connect(self._schedule_saved)
        dialog.open()
        self.schedule_dialog = dialog

    def _schedule_saved(self) -> None:
        self._reload_cadence_page()
        if self._drafts is not None:
            self._drafts.reload()
        self.refresh_counts()
        self.messages.info("Posting schedule saved.")

    # Reminders and the tray ---------------------------------------------------------

    @property
    def backups(self) -> Backups:
        """Backing up and restoring, built on first use."""
        if self._backups is None:
            from app.ui.backups import Backups

            self._backups = Backups(self.planner, self, command=self._refresh_command)
            self._backups.message.connect(self.messages.info)
            self._backups.failed.connect(self.messages.error)
        return self._backups

    def _sync_file_menu(self) -> None:
        self.auto_backup_action.blockSignals(True)
        self.auto_backup_action.setChecked(self.backups.auto_enabled())
        self.auto_backup_action.blockSignals(False)

    def start_reminders(self) -> None:
        """The tray icon (where the desktop has one), the reminder checks and the weekly
        backup's."""
        if self.reminders is not None:
            return
        self.backups.start_schedule()
        from app.cadence.reminders import until_tomorrow
        from app.ui.reminder_timer import ReminderTimer
        from app.ui.tray import Tray

        book, clock = self.planner.cadence, self.planner.clock
        tray = Tray(
            self.windowIcon(),
            self,
            until_tomorrow=lambda: until_tomorrow(clock.now(), clock.tz(), book.schedule()),
        )
        tray.open_requested.connect(self.bring_to_front)
        tray.reminder_clicked.connect(self.follow_reminder)
        tray.snooze_requested.connect(self._snooze)
        tray.quit_requested.connect(self.quit)
        tray.set_visible(Tray.available())
        self.tray = tray
        self.reminders = ReminderTimer(self._take_reminder, self)
        self.reminders.due.connect(self.show_reminder)
        self.reminders.start()
        self.reminders.check_now()  # one missed while Digwell was not running

    def _take_reminder(self) -> Reminder | None:
        try:
            return self.planner.cadence.take_due_reminder()
        except DigwellError as err:  # a busy database: the next poll tries again
            self.messages.error(str(err))
            return None

    def show_reminder(self, reminder: Reminder) -> None:
        """Through the tray when it can; otherwise in the window's status bar."""
        if self.tray is not None and self.tray.show_reminder(reminder):
            return
        self.messages.info(f"{reminder.title}: {reminder.message}")
        self.cadence.show_reminder(reminder)

    def follow_reminder(self, reminder: Reminder) -> None:
        """Open the planned draft, or the inbox to pick something to share."""
        self.bring_to_front()
        if reminder.draft_id is not None:
            try:
                draft = self.planner.drafting.draft(reminder.draft_id)
            except DigwellError:
                draft = None
            if draft is not None and draft.state in ("draft", "planned"):
                self.open_draft(draft.id)
                return
            self.messages.info("That planned draft was posted or deleted since: here is the inbox.")
        self.nav.setCurrentRow(INBOX)

    def _snooze(self, length: timedelta) -> None:
        reminder = self.tray.pending if self.tray is not None else None
        if reminder is None:
            self.messages.info("No reminder to snooze right now.")
            return
        until = self.planner.cadence.snooze(reminder, length).astimezone(self.planner.clock.tz())
        self.messages.info(f"Reminder snoozed until {until:%H:%M} ({until:%a %d %b}).")

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

    def _on_feeds_page(self, act: Callable[[], None]) -> None:
        self.nav.setCurrentRow(FEEDS)
        act()

    def show_feed_problems(self) -> None:
        self.nav.setCurrentRow(FEEDS)
        self.feeds.show_problems_only(True)

    def _subscriptions_changed(self) -> None:
        self.inbox.reload()
        self.refresh_counts()
        self._show_refresh_idle()

    # Refresh -----------------------------------------------------------------

    def refresh_now(self) -> None:
        """Fetch every unpaused feed now, in the refresh process."""
        if self.refresher.is_running():
            self.messages.info("A refresh is already running.")
            return
        if not self.planner.feeds.count():
            self.messages.info("No feeds to refresh yet: add one first (Feeds › Add a feed).")
            return
        self._manual_refresh = True
        self.refresher.start(every_feed=True)

    def _refresh_if_due(self) -> None:
        if not self.refresher.is_running() and self.planner.feeds.due_count():
            self._manual_refresh = False
            self.refresher.start()

    def _refresh_progressed(self, done: int, total: int, outcome: dict) -> None:
        self.refresh_status.show_running(done, total)
        if self._feeds is not None:
            self._feeds.show_outcome(outcome)

    def _refresh_finished(self, report: dict) -> None:
        # One step per turn of the event loop: with tens of thousands of items several
        # steps take ~10 ms, and the window must never stall 20 ms.
        self.messages.info(refresh_summary(report))
        self._steps = self.inbox.reload_steps()
        feeds_page = self._feeds
        if feeds_page is not None and feeds_page.isVisible():
            # Reading 500 feeds with their counts takes ~10 ms, showing them ~7 ms.
            read: list[list[Feed]] = []
            self._steps += [
                lambda: read.append(self.planner.feeds.list_feeds()),
                lambda: feeds_page.reload(read[0]),
            ]
        elif feeds_page is not None:
            feeds_page.reload_when_shown()  # when next shown
        self._steps += [
            self.refresh_counts,
            self.inbox.reload_themes,
            self._show_refresh_idle,
            self._index_for_search,
            lambda: self.refreshed.emit(report),
        ]
        self._settle.start(0)

    def _index_for_search(self) -> None:
        """Full-text index what the refresh stored, in a thread: SQLite lets go of the GIL
        while it works, so the window does not stall (~1 s for 25,000 new items)."""
        if self._indexer is not None and self._indexer.is_running():
            return
        from app.ui.background import BackgroundCall

        self._indexer = BackgroundCall(self.planner.inbox.index_for_search)
        self.inbox.index_first = False  # a search must not wait for the indexer's lock
        self._indexer.done.connect(self._indexed)
        self._indexer.failed.connect(
            lambda err: self.messages.info(f"Search may miss the newest items for now: {err}")
        )
        self._indexer.start()

    def _indexed(self, count: int) -> None:
        self.inbox.index_first = True
        self.search_indexed.emit(count)

    # Ranking -----------------------------------------------------------------

    @property
    def rescorer(self) -> RescoreRunner:
        """Runs the re-ranking after a strategy change, in its own process; built once."""
        if self._rescorer is None:
            from app.ui.rescore_runner import RescoreRunner

            runner = RescoreRunner(self.planner.data_dir, self)
            runner.progressed.connect(self.inbox.show_ranking)
            runner.finished.connect(self._ranked)
            runner.failed.connect(self._rank_failed)
            self._rescorer = runner
        return self._rescorer

    def rank_again(self) -> None:
        """Rank every item by the strategy as saved (after it changed)."""
        self.inbox.show_ranking(0, 0)
        self.rescorer.start()

    def edit_strategy(self) -> StrategyDialog:
        """Open the strategy editor; saving it ranks every item again."""
        from app.ui.dialogs.strategy_dialog import StrategyDialog

        dialog = StrategyDialog(self.planner, self)
        dialog.saved.connect(self._strategy_saved)
        dialog.open()
        return dialog

    def _strategy_saved(self, _version: int) -> None:
        self.messages.info("Strategy saved. Ranking your items by it…")
        self.inbox.reload_themes()
        self.inbox.reload()
        self.rank_again()

    def _rank_if_stale(self) -> None:
        if not self.planner.inbox.scores_current():
            self.rank_again()

    def _ranked(self, _count: int) -> None:
        self.inbox.ranking_done()
        self.refresh_counts()
        self.ranked.emit()

    def _rank_failed(self, message: str) -> None:
        self.inbox.ranking_note.hide()
        self.messages.info(message)

    def _items_changed(self) -> None:
        self.refresh_counts()
        self.inbox.reload_themes()

    def _after_refresh(self) -> None:
        """One step of a refresh's aftermath per turn of the event loop."""
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            self._settle.start(0)

    def _refresh_failed(self, message: str) -> None:
        self._show_refresh_idle()
        if self._feeds is not None:
            self._feeds.reload_when_shown()
        if self._manual_refresh:
            self.messages.error(
                DigwellError(message, "Your feeds and items are as they were before.")
            )
        else:
            self.messages.info(message)

    def _show_refresh_idle(self) -> None:
        if self.refresher.is_running():
            return
        clock = self.planner.clock
        self.refresh_status.show_idle(
            self.planner.feeds.last_refresh(),
            clock.now(),
            clock.tz(),
            self.planner.feeds.error_count(),
        )

    def _with_open_draft(self, act: Callable[[Composer], None]) -> None:
        # Only the draft on screen may be copied or marked posted.
        if self.pages.currentIndex() != DRAFTS or self.drafts.composer.draft is None:
            self.messages.info("Open a draft first: pick an item and choose “Draft a post”.")
            return
        act(self.drafts.composer)

    def _show_page(self, row: int) -> None:
        if row == CADENCE:
            self._reload_cadence_page()  # the figures move with the clock, not only posts
        pages = {
            DRAFTS: lambda: self.drafts,
            FEEDS: lambda: self.feeds,
            CADENCE: lambda: self.cadence_page,
        }
        self.pages.setCurrentWidget(pages.get(row, lambda: self.inbox)())

    def draft_selected(self) -> None:
        item_id = self.inbox.selected_item_id()
        if item_id is None or self.pages.currentIndex() != INBOX:
            return
        self.draft_item(item_id)

    def draft_item(self, item_id: int) -> None:
        """Open the item's draft, or make one from the default template (rendered off the
        GUI thread; `drafted` opens it)."""
        existing = self.planner.drafting.open_draft_for_item(item_id)
        if existing is None:
            self.drafts.start_new_draft([item_id])
            return
        self.nav.setCurrentRow(DRAFTS)
        self.drafts.open_draft(existing)

    def edit_mastodon(self) -> None:
        """Ask for the user's Mastodon server and its limit (window-modal)."""
        from app.ui.dialogs.mastodon_dialog import MastodonDialog

        dialog = MastodonDialog(self.planner, self)
        dialog.accepted.connect(self._mastodon_saved)
        dialog.open()
        self.mastodon_dialog = dialog

    def _mastodon_saved(self) -> None:
        if self._drafts is not None:
            self._drafts.composer.refresh_counts()
        self.messages.info(f"Mastodon: {self.planner.drafting.platforms.mastodon_instance()}.")

    def draft_roundup(self) -> None:
        """A weekly roundup of the starred items (or the best unread ones)."""
        items = self.planner.inbox.roundup_items()
        if not items:
            self.messages.info("Nothing to round up yet: star the items worth sharing.")
            return
        self.drafts.start_new_draft(items, ROUNDUP_TEMPLATE)

    def _drafted(self, draft_id: int) -> None:
        for item_id in self.planner.drafting.draft(draft_id).item_ids:
            self.inbox.item_changed(item_id)
        self.nav.setCurrentRow(DRAFTS)
        self.drafts.open_draft(draft_id)
        self.refresh_counts()

    def _posted(self, post) -> None:
        """A post logged (or, with None, taken back) from the composer."""
        self.refresh_counts()
        self._reload_cadence_page()
        if post is not None:
            progress = self.planner.cadence.week_progress()
            self.messages.info(
                f"Logged as posted. {progress.posts} of {progress.target} this week."
            )

    def refresh_counts(self) -> None:
        self.nav.item(INBOX).setText(f"Inbox  ·  {self.inbox.model.total()}")
        self.nav.item(DRAFTS).setText(f"Drafts  ·  {self.planner.drafting.draft_count()}")
        self.nav.item(FEEDS).setText(f"Feeds  ·  {self.planner.feeds.count()}")
        self.cadence.show_progress(self.planner.cadence.week_progress())

    def _greeting(self) -> str:
        if not self.planner.feeds.count():
            return "No feeds yet."
        return f"{self.inbox.model.total()} items from {self.planner.feeds.count()} feeds."

    def _about(self) -> None:
        import html

        from PySide6.QtWidgets import QMessageBox

        from app.log_file import log_file

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME} {__version__}</b><p>Dig your well before you are thirsty: "
            "share good content on your career themes, week after week.</p>"
            f"<p>Data folder: {html.escape(str(self.planner.data_dir))}<br>"
            f"Log file: {html.escape(str(log_file()))}</p>"
            "<p>Something wrong? Help › Report a problem shows the log's recent lines.</p>",
        )

    def report_problem(self) -> None:
        from app.ui.dialogs.problem_dialog import ProblemDialog

        dialog = ProblemDialog(self)
        dialog.open()
        self.problem_dialog = dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._keep_in_tray():
            event.ignore()
            self.hide()
            if self.tray is not None and not self._told_about_tray:
                self._told_about_tray = True
                self.tray.tray_icon.showMessage(
                    APP_NAME, "Still here, in the tray, for your reminders. Quit from its menu."
                )
            return
        if self.reminders is not None:
            self.reminders.stop()
        if self._backups is not None:
            self._backups.stop()
        if self.tray is not None:
            self.tray.set_visible(False)
        if self._drafts is not None:
            self._drafts.composer.shut_down()
        # Nothing may reach for the planner once the window is closed (it is closed next).
        for timer in (
            self._first_refresh,
            self._status_tick,
            self._settle,
            self._build_corner,
            self._rank_check,
            self._build_reminders,
        ):
            timer.stop()
        if self._rescorer is not None:
            self._rescorer.stop()  # the next start ranks again
        if self._refresh_parts is not None:
            self.refresher.set_interval(0)
            self.refresher.stop()  # feeds stored so far stay, each whole
        super().closeEvent(event)

    def _keep_in_tray(self) -> bool:
        if self._quitting or self.tray is None or not self.tray.tray_icon.isVisible():
            return False
        try:
            return self.planner.cadence.close_to_tray()
        except DigwellError:
            return False


def refresh_summary(report: dict) -> str:
    """'Refreshed 12 feeds: 34 new items, 2 updated. 1 feed had errors.'"""
    feeds = int(report.get("feeds", 0))
    if not feeds:
        return "Nothing to refresh: every feed was checked in the last few minutes or is paused."
    added, updated = int(report.get("added", 0)), int(report.get("updated", 0))
    errors = int(report.get("errors", 0))
    text = f"Refreshed {feeds} feed{'s' * (feeds != 1)}: "
    text += f"{added} new item{'s' * (added != 1)}" if added else "no new items"
    if updated:
        text += f", {updated} updated"
    text += "."
    if errors:
        text += f" {errors} feed{'s' * (errors != 1)} had errors: see Feeds."
    return text
