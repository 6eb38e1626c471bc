"""What the window does in the background: refreshing the feeds (by hand, soon after
start, then every so often) with its corner of the status bar, indexing what a refresh
stored for search, and ranking every item again when the strategy changed. Each runs off
the GUI thread; when one has stored something, it says what changed (a Changes record)
and the window hands that to every page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import DigwellError
from app.i18n import _, formats, ngettext
from app.types import Changes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from app.planner import Planner
    from app.ui.background import BackgroundCall
    from app.ui.refresh_runner import RefreshRunner
    from app.ui.rescore_runner import RescoreRunner
    from app.ui.turns import Step
    from app.ui.views.refresh_status import RefreshStatus

    Deliver = Callable[[Changes, Step | None], None]

# The first automatic refresh waits until the window is up and settled.
FIRST_REFRESH_MS = 3000
# Whether the items are ranked by the strategy as saved is checked this long after start.
RANK_CHECK_MS = 1000
# How often "Last refreshed 5 minutes ago" is brought up to date.
STATUS_TICK_MS = 60_000
# The refresh corner of the status bar is built this long after start-up, off the path
# to the first paint (each module imported after PySide6 costs start-up time).
BUILD_CORNER_MS = 200


class BackgroundWork(QObject):
    """Refresh, search index and ranking, for one window.

    Signals: `refreshed(report)` once the window shows all a refresh stored,
    `search_indexed(count)` once the search index caught up with it, `ranked()` once the
    window shows the items ranked again; `ranking(done, total)` while ranking,
    `ranking_over()` when it ended either way; `indexing(busy)`; `progressed(done,
    total, outcome)` per feed refreshed; `problems_requested()` from the corner's errors
    link; `message(text)` and `failed(error)` for the status bar and error dialogs.
    """

    refreshed = Signal(dict)
    search_indexed = Signal(int)
    ranked = Signal()
    ranking = Signal(int, int)
    ranking_over = Signal()
    indexing = Signal(bool)
    progressed = Signal(int, int, dict)
    problems_requested = Signal()
    message = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        planner: Planner,
        window: QMainWindow,
        deliver: Deliver,
        *,
        auto_refresh: bool = True,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__(window)
        self._planner = planner
        self._window = window
        self._deliver = deliver
        self._command = command
        self._auto_refresh = auto_refresh
        self._corner: tuple[RefreshStatus, RefreshRunner] | None = None
        self._rescorer: RescoreRunner | None = None
        self._indexer: BackgroundCall | None = None
        self._manual = False  # the running refresh was started by hand
        self._timers = [
            self._timer(STATUS_TICK_MS, self.show_refresh_idle, repeat=True),
            self._timer(BUILD_CORNER_MS, self._refresh_corner),
            self._timer(RANK_CHECK_MS, self._rank_if_stale),
        ]
        if auto_refresh:
            self._timers.append(self._timer(FIRST_REFRESH_MS, self.refresh_if_due))
        self._auto = QTimer(self)  # every so often, while the window is open
        self._auto.timeout.connect(self._auto_tick)

    def _timer(self, ms: int, slot: Callable[[], object], *, repeat: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(not repeat)
        timer.timeout.connect(slot)
        timer.start(ms)
        return timer

    def stop(self) -> None:
        """Stop everything (the window closes): nothing may reach for the planner after."""
        for timer in (*self._timers, self._auto):
            timer.stop()
        # Quietly: nothing may be sent to the pages of a window that closes.
        if self._rescorer is not None:
            self._rescorer.stop()  # the next start ranks again
        if self._corner is not None:
            self._corner[1].stop(quiet=True)  # feeds stored so far stay, each whole

    def apply_changes(self, changes: Changes) -> None:
        """Feeds added, removed or refreshed: the corner's "last refreshed" and errors."""
        if changes.feeds and self._corner is not None:
            self.show_refresh_idle()

    # The refresh corner --------------------------------------------------------

    def _refresh_corner(self) -> tuple[RefreshStatus, RefreshRunner]:
        """The status bar's refresh corner and the refresh runner, built and wired once."""
        if self._corner is not None:
            return self._corner
        from app.ui.refresh_runner import RefreshRunner
        from app.ui.views.refresh_status import RefreshStatus

        status = RefreshStatus()
        self._window.statusBar().addPermanentWidget(status)
        runner = RefreshRunner(self._planner.data_dir, self, command=self._command)
        self._corner = (status, runner)
        status.refresh_clicked.connect(self.refresh_now)
        status.stop_clicked.connect(runner.stop)
        status.errors_clicked.connect(self.problems_requested)
        runner.started.connect(lambda: status.show_running(0, 0))
        runner.planned.connect(lambda total: status.show_running(0, total))
        runner.progressed.connect(self._refresh_progressed)
        runner.finished.connect(self._refresh_finished)
        runner.failed.connect(self._refresh_failed)
        if self._auto_refresh:
            self.set_interval(self._planner.feeds.refresh_minutes())
        self.show_refresh_idle()
        return self._corner

    @property
    def refresh_status(self) -> RefreshStatus:
        """The status bar's refresh corner (built at once if not yet)."""
        return self._refresh_corner()[0]

    @property
    def refresher(self) -> RefreshRunner:
        """The refresh runner (built with the corner)."""
        return self._refresh_corner()[1]

    def show_refresh_idle(self) -> None:
        """'Last refreshed 5 minutes ago' and the feeds with errors, unless one runs."""
        if self.refresher.is_running():
            return
        clock, feeds = self._planner.clock, self._planner.feeds
        self.refresh_status.show_idle(
            feeds.last_refresh(), clock.now(), clock.tz(), feeds.error_count()
        )

    # Refreshing ----------------------------------------------------------------

    def set_interval(self, minutes: int) -> None:
        """Refresh every `minutes` while the window is open; 0 turns it off."""
        if minutes <= 0:
            self._auto.stop()
        else:
            self._auto.start(minutes * 60 * 1000)

    def interval_minutes(self) -> int:
        """The automatic refresh's interval; 0 when off."""
        return self._auto.interval() // 60000 if self._auto.isActive() else 0

    def refresh_now(self) -> None:
        """Fetch every unpaused feed now, in the refresh process."""
        if self.refresher.is_running():
            self.message.emit(_("A refresh is already running."))
            return
        if not self._planner.feeds.count():
            self.message.emit(_("No feeds to refresh yet: add one first (Feeds › Add a feed)."))
            return
        self._manual = True
        self.refresher.start(every_feed=True)

    def refresh_if_due(self) -> None:
        """Refresh the feeds that are due, if any and if none runs."""
        if not self.refresher.is_running() and self._planner.feeds.due_count():
            self._manual = False
            self.refresher.start()

    def _auto_tick(self) -> None:
        if not self.refresher.is_running():
            self._manual = False
            self.refresher.start()

    def _refresh_progressed(self, done: int, total: int, outcome: dict) -> None:
        self.refresh_status.show_running(done, total)
        self.progressed.emit(done, total, outcome)

    def _refresh_finished(self, report: dict) -> None:
        self.message.emit(refresh_summary(report))
        stored = bool(report.get("added") or report.get("updated"))
        self._deliver(Changes(feeds=True, items=stored), lambda: self._refresh_shown(report))

    def _refresh_shown(self, report: dict) -> None:
        self._index_for_search()
        self.refreshed.emit(report)

    def _refresh_failed(self, message: str) -> None:
        self.show_refresh_idle()
        self._deliver(Changes(feeds=True), None)  # feeds finished before it stopped stay
        if self._manual:
            hint = _("Your feeds and items are as they were before.")
            self.failed.emit(DigwellError(message, hint))
        else:
            self.message.emit(message)

    def _index_for_search(self) -> None:
        """Full-text index what the refresh stored, in a thread: SQLite lets go of the GIL
        while it works, so the window does not stall (~1 s for 25,000 new items)."""
        if self._indexer is not None and self._indexer.is_running():
            return
        from app.ui.background import BackgroundCall

        self._indexer = BackgroundCall(self._planner.inbox.index_for_search)
        self.indexing.emit(True)  # a search must not wait for the indexer's lock
        self._indexer.done.connect(self._indexed)
        self._indexer.failed.connect(self._index_failed)
        self._indexer.start()

    def _indexed(self, count: int) -> None:
        self.indexing.emit(False)
        self.search_indexed.emit(count)

    def _index_failed(self, err: Exception) -> None:
        self.indexing.emit(False)
        self.message.emit(_("Search may miss the newest items for now: {error}").format(error=err))

    # Ranking -------------------------------------------------------------------

    @property
    def rescorer(self) -> RescoreRunner:
        """Runs the re-ranking after a strategy change, in its own process; built once."""
        if self._rescorer is None:
            from app.ui.rescore_runner import RescoreRunner

            runner = RescoreRunner(self._planner.data_dir, self, command=self._command)
            runner.progressed.connect(self.ranking)
            runner.finished.connect(self._ranked)
            runner.failed.connect(self._rank_failed)
            self._rescorer = runner
        return self._rescorer

    def rank_again(self) -> None:
        """Rank every item by the strategy as saved (after it changed)."""
        self.ranking.emit(0, 0)
        self.rescorer.start()

    def _rank_if_stale(self) -> None:
        if not self._planner.inbox.scores_current():
            self.rank_again()

    def _ranked(self, _count: int) -> None:
        self.ranking_over.emit()
        self._deliver(Changes(items=True), self.ranked.emit)

    def _rank_failed(self, message: str) -> None:
        self.ranking_over.emit()
        self.message.emit(message)


def refresh_summary(report: dict) -> str:
    """'Refreshed 12 feeds: 34 new items, 2 updated. 1 feed had errors.'"""
    feeds = int(report.get("feeds", 0))
    if not feeds:
        return _("Nothing to refresh: every feed was checked in the last few minutes or is paused.")
    added, updated = int(report.get("added", 0)), int(report.get("updated", 0))
    errors = int(report.get("errors", 0))
    if added:
        news = ngettext("{count} new item", "{count} new items", added).format(
            count=formats.number(added)
        )
    else:
        news = _("no new items")
    if updated:
        # Translators: {news} is "34 new items" or "no new items".
        news = _("{news}, {count} updated").format(news=news, count=formats.number(updated))
    text = ngettext("Refreshed {count} feed: {news}.", "Refreshed {count} feeds: {news}.", feeds)
    text = text.format(count=formats.number(feeds), news=news)
    if errors:
        text += " " + ngettext(
            "{count} feed had errors: see Feeds.", "{count} feeds had errors: see Feeds.", errors
        ).format(count=formats.number(errors))
    return text
