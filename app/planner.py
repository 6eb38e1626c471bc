"""The core's root (docs/ARCHITECTURE.md): it holds the database, the clock and the data
folder, and hands out one service per domain, as Anki's Collection hands out col.decks.

    planner.inbox      ranked items, search, flags, ranking again    app/inbox/service.py
    planner.strategy   the career strategy                           app/strategy/service.py
    planner.drafting   drafts from item to post                      app/compose/service.py
    planner.feeds      subscriptions and their refresh               app/feeds/service.py
    planner.cadence    the posts log, score, streak, plan, reminders  app/cadence/service.py
    planner.backups    backing up, the weekly backup                 app/backup/service.py
    planner.people     people, circles, touches, who is due          app/people/service.py
    planner.history    posts and engagement from platform exports    app/history/service.py

Every service announces what it changed (app.types.Changes) to whoever subscribed: the
window reloads what it shows from that, and nothing else. Services are built when first
used, so start-up imports only what the first paint needs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.clock import Clock, default_clock
from app.paths import DB_FILENAME
from app.store import Database
from app.types import Changes

if TYPE_CHECKING:
    from app.backup.service import BackupService
    from app.cadence.service import CadenceService
    from app.compose.service import DraftingService
    from app.feeds.service import FeedsService
    from app.history.service import HistoryService
    from app.inbox.service import InboxService
    from app.people.service import PeopleService
    from app.strategy.service import StrategyService

Listener = Callable[[Changes], None]


class Planner:
    """What the UI and the CLI call; nothing here knows about Qt."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self.clock = clock
        self._listeners: list[Listener] = []
        self._inbox: InboxService | None = None
        self._strategy: StrategyService | None = None
        self._drafting: DraftingService | None = None
        self._feeds: FeedsService | None = None
        self._cadence: CadenceService | None = None
        self._backups: BackupService | None = None
        self._people: PeopleService | None = None
        self._history: HistoryService | None = None

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock | None = None, demo: bool = False) -> Planner:
        """Open (creating and migrating if needed) the database in `data_dir`; with
        `demo`, a folder with no feeds yet is first seeded with the bundled demo."""
        planner = cls(Database(Path(data_dir) / DB_FILENAME), clock or default_clock())
        if demo:
            planner.seed_demo()
        return planner

    def seed_demo(self) -> bool:
        """Fill a folder with no feeds yet with the bundled demo; whether it did."""
        if self.feeds.count():
            return False
        from app.demo import load_demo

        load_demo(self._db, self.clock)
        self._announce(Changes(items=True, feeds=True, strategy=True, posts=True))
        return True

    @property
    def data_dir(self) -> Path:
        """The folder holding the database (and the automatic backups)."""
        return self._db.path.parent

    def close(self) -> None:
        self._db.close()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with every change a service announces; returns a function
        that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _announce(self, changes: Changes) -> None:
        if self._cadence is not None:  # its report keeps day counts between reloads
            self._cadence.changed(changes)
        for listener in tuple(self._listeners):
            listener(changes)

    @property
    def inbox(self) -> InboxService:
        if self._inbox is None:
            from app.inbox.service import InboxService

            self._inbox = InboxService(self._db, self.clock, self._announce)
        return self._inbox

    @property
    def strategy(self) -> StrategyService:
        if self._strategy is None:
            from app.strategy.service import StrategyService

            self._strategy = StrategyService(self._db, self._announce)
        return self._strategy

    @property
    def drafting(self) -> DraftingService:
        if self._drafting is None:
            from app.compose.service import DraftingService

            self._drafting = DraftingService(self._db, self.clock, self._announce)
        return self._drafting

    @property
    def feeds(self) -> FeedsService:
        if self._feeds is None:
            from app.feeds.service import FeedsService

            self._feeds = FeedsService(self._db, self.clock, self._announce)
        return self._feeds

    @property
    def cadence(self) -> CadenceService:
        if self._cadence is None:
            from app.cadence.service import CadenceService

            self._cadence = CadenceService(self._db, self.clock, self._announce)
        return self._cadence

    @property
    def backups(self) -> BackupService:
        if self._backups is None:
            from app.backup.service import BackupService

            self._backups = BackupService(self._db, self.clock, self._announce)
        return self._backups

    @property
    def people(self) -> PeopleService:
        if self._people is None:
            from app.people.service import PeopleService

            self._people = PeopleService(self._db, self.clock, self._announce)
        return self._people

    @property
    def history(self) -> HistoryService:
        if self._history is None:
            from app.history.service import HistoryService

            self._history = HistoryService(self._db, self.clock, self._announce)
        return self._history
