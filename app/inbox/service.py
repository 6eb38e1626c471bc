"""The inbox service (planner.inbox): the ranked list, search, an item's flags, and
ranking again after the strategy changed (docs/ARCHITECTURE.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.clock import Clock
from app.inbox.reasons import by_person, place_words, reason, with_person
from app.store import Database, item_people
from app.store import inbox as inbox_q
from app.store import items as items_q
from app.types import Changes, InboxFilter, Item, ItemRow

Announce = Callable[[Changes], None]


class InboxService:
    """Items as the inbox shows them; every write announces the items it changed."""

    def __init__(self, db: Database, clock: Clock, announce: Announce) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce

    def item_count(self) -> int:
        return items_q.item_count(self._db)

    def page(
        self, inbox: InboxFilter, limit: int, after: tuple[float, int] | None = None
    ) -> list[tuple[int, float]]:
        """The next page of the ranked inbox after `after` ((rank key, id) of the last
        row read): (id, rank key) pairs, best first."""
        return inbox_q.page(self._db, inbox, limit, after)

    def count(self, inbox: InboxFilter) -> int:
        return inbox_q.count(self._db, inbox)

    def ids(self, limit: int | None = None, inbox: InboxFilter | None = None) -> list[int]:
        """Item ids in inbox order (best ranked first); a search's in match order."""
        inbox = inbox or InboxFilter()
        if inbox.search:
            return self.search(inbox, limit or inbox_q.SEARCH_LIMIT)
        return [i for i, _key in inbox_q.page(self._db, inbox, limit or self.item_count() + 1)]

    def unread_counts(self) -> dict[int, int]:
        """Unread items per theme id (0: all themes)."""
        return inbox_q.unread_counts(self._db)

    def search(
        self, inbox: InboxFilter, limit: int = inbox_q.SEARCH_LIMIT, *, index_first: bool = True
    ) -> list[int]:
        """Ids of items matching the filter's search words, best match first. Indexes
        the items a refresh left waiting first, unless told not to (the window does not
        wait while its background indexing holds the database)."""
        if index_first:
            with self._db.transaction() as conn:
                items_q.index_pending(conn)
        return inbox_q.search(self._db, inbox, limit)

    def index_for_search(self) -> int:
        """Full-text index the items a refresh left waiting, a batch per transaction;
        returns how many. Safe in another thread: it opens a connection of its own."""
        db = Database(self._db.path)
        try:
            return items_q.index_all_pending(db)
        finally:
            db.close()

    def rows(self, ids: list[int], theme_id: int = 0) -> dict[int, ItemRow]:
        """The list rows of these items, each with why it ranks under `theme_id` and,
        when one of the user's people wrote it, who."""
        found = items_q.item_rows(self._db, ids, theme_id)
        people = self._people_reasons(list(found))
        places = place_words()
        for item_id, row in found.items():
            why = reason(row.theme, row.matched, places) if row.theme else ""
            if why or item_id in people:
                found[item_id] = row._replace(reason=with_person(why, people.get(item_id, "")))
        return found

    def item(self, item_id: int) -> Item:
        """One item in full, with why it ranks where it does."""
        item = items_q.get_item(self._db, item_id)
        why = reason(item.best_theme, item.matched) if item.best_theme else ""
        person = self._people_reasons([item_id]).get(item_id, "")
        if not why and not person:
            return item
        return item._replace(reason=with_person(why, person))

    def _people_reasons(self, item_ids: list[int]) -> dict[int, str]:
        """item id -> "by Priya Raman, one of your people; last touch …" for the items
        one of the user's people wrote (docs/PEOPLE.md, "In the inbox")."""
        if not item_ids:
            return {}
        authors = item_people.authors_of(self._db, item_ids)
        if not authors:
            return {}
        today = self._clock.now().astimezone(self._clock.tz()).date()
        return {
            item_id: by_person(name, date.fromisoformat(last) if last else None, today)
            for item_id, (_person, name, last) in authors.items()
        }

    def set_read(self, item_ids: list[int], read: bool = True) -> None:
        self._set_flags(item_ids, read=read)

    def set_starred(self, item_ids: list[int], starred: bool = True) -> None:
        self._set_flags(item_ids, starred=starred)

    def set_dismissed(self, item_ids: list[int], dismissed: bool = True) -> None:
        self._set_flags(item_ids, dismissed=dismissed)

    def _set_flags(self, item_ids: list[int], **flags: bool) -> None:
        with self._db.transaction() as conn:
            items_q.set_flags(conn, item_ids, **flags)
        self._announce(Changes(item_ids=tuple(item_ids)))

    def roundup_items(self, limit: int = 5) -> list[int]:
        """Items for a roundup: the starred ones not shared yet, best ranked first; the
        top unread ones when fewer than three are starred."""
        from app.store import posts as posts_q

        shared = {p.item_id for p in posts_q.list_posts(self._db) if p.item_id is not None}
        starred = [i for i in self.ids(50, InboxFilter(show="starred")) if i not in shared]
        if len(starred) >= 3:
            return starred[:limit]
        unread = self.ids(limit * 4, InboxFilter(show="unread"))
        picked = starred + [i for i in unread if i not in shared and i not in starred]
        return picked[:limit]

    # Ranking ------------------------------------------------------------------------

    def half_life_days(self) -> float:
        """The freshness half-life the stored scores were ranked with."""
        from app.strategy.scoring import current_scorer

        return current_scorer(self._db.conn).half_life_days

    def scores_current(self) -> bool:
        """Whether every score reflects the strategy as last saved (else: rescore)."""
        from app.strategy.scoring import is_current

        return is_current(self._db.conn)

    def rescore(self, on_progress: Callable[[int, int], None] | None = None) -> int:
        """Score every item with the strategy as last saved; returns how many. The inbox
        keeps the old scores until all the new ones replace them at once."""
        from app.strategy.rescore import rescore

        count = rescore(self._db, self._clock.now(), on_progress)
        self._announce(Changes(items=True))
        return count
