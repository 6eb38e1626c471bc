"""The core's one entry point: owns the store, the clock and the templates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.cadence.week import next_week_start, week_progress, week_start
from app.clock import Clock, default_clock
from app.compose.context import TAKE_PLACEHOLDER, build_context
from app.compose.platforms import DEFAULT_PLATFORM, platform
from app.errors import DigwellError, NotFoundError
from app.feeds.links import safe_link
from app.paths import DB_FILENAME, resource_path
from app.store import Database
from app.store import drafts as drafts_q
from app.store import feeds as feeds_q
from app.store import inbox as inbox_q
from app.store import items as items_q
from app.store import posts as posts_q
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.store.database import from_db_time
from app.store.inbox import InboxFilter
from app.types import Draft, Feed, Item, ItemRow, Post, Profile, Theme, WeekProgress

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.compose.templates import TemplateLibrary
    from app.strategy.strategy import Strategy

DEFAULT_WEEKLY_TARGET = 3
DEFAULT_TEMPLATE = "quick-share"
DEFAULT_REFRESH_MINUTES = 60
# Automatic refresh: at least every 15 min apart, at most once a day.
REFRESH_MINUTES_RANGE = (15, 24 * 60)


class Planner:
    """What the UI and the CLI call; nothing here knows about Qt."""

    def __init__(
        self, db: Database, clock: Clock, templates: TemplateLibrary | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self._templates = templates

    @property
    def templates(self) -> TemplateLibrary:
        """The template library, loaded when first drafting (Jinja2 is not needed before)."""
        if self._templates is None:
            from app.compose.templates import TemplateLibrary

            self._templates = TemplateLibrary(resource_path("templates"))
        return self._templates

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock | None = None) -> Planner:
        """Open (creating and migrating if needed) the database in `data_dir`."""
        db = Database(Path(data_dir) / DB_FILENAME)
        return cls(db, clock or default_clock())

    def close(self) -> None:
        self.db.close()

    # Inbox -------------------------------------------------------------------

    def feed_count(self) -> int:
        return feeds_q.feed_count(self.db)

    def feed_error_count(self) -> int:
        """Feeds whose last fetch failed."""
        return feeds_q.error_count(self.db)

    def feeds(self) -> list[Feed]:
        return feeds_q.list_feeds(self.db)

    def due_feed_count(self) -> int:
        """Feeds a refresh would fetch now."""
        return len(feeds_q.due_feeds(self.db, self.clock.now()))

    def last_refresh(self) -> datetime | None:
        """When the last refresh ran (by the window or `digwell refresh`), if ever."""
        value = settings_q.get_setting(self.db, settings_q.LAST_REFRESH_KEY)
        return from_db_time(value) if isinstance(value, str) else None

    def refresh_minutes(self) -> int:
        """Minutes between automatic refreshes while the window is open; 0 means off."""
        value = settings_q.get_setting(self.db, "refresh_minutes", DEFAULT_REFRESH_MINUTES)
        if not isinstance(value, int) or value <= 0:
            return 0 if value == 0 else DEFAULT_REFRESH_MINUTES
        low, high = REFRESH_MINUTES_RANGE
        return min(max(value, low), high)

    def set_refresh_minutes(self, minutes: int) -> None:
        """Set the automatic refresh interval (clamped to the allowed range; 0 turns it off)."""
        low, high = REFRESH_MINUTES_RANGE
        value = 0 if minutes <= 0 else min(max(int(minutes), low), high)
        with self.db.transaction() as conn:
            settings_q.set_setting(conn, "refresh_minutes", value)

    def item_count(self) -> int:
        return items_q.item_count(self.db)

    def inbox_page(
        self, inbox: InboxFilter, limit: int, after: tuple[float, int] | None = None
    ) -> list[tuple[int, float]]:
        """The next page of the ranked inbox after `after` ((rank key, id) of the last
        row read): (id, rank key) pairs, best first."""
        return inbox_q.page(self.db, inbox, limit, after)

    def inbox_count(self, inbox: InboxFilter) -> int:
        return inbox_q.count(self.db, inbox)

    def inbox_ids(self, limit: int | None = None, inbox: InboxFilter | None = None) -> list[int]:
        """Item ids in inbox order (best ranked first); a search's in match order."""
        inbox = inbox or InboxFilter()
        if inbox.search:
            return self.search(inbox, limit or inbox_q.SEARCH_LIMIT)
        return [i for i, _ in inbox_q.page(self.db, inbox, limit or self.item_count() + 1)]

    def unread_counts(self) -> dict[int, int]:
        """Unread items per theme id (0: all themes)."""
        return inbox_q.unread_counts(self.db)

    def search(
        self, inbox: InboxFilter, limit: int = inbox_q.SEARCH_LIMIT, *, index_first: bool = True
    ) -> list[int]:
        """Ids of items matching the filter's search words, best match first. Indexes
        the items a refresh left waiting first, unless told not to (the window does not
        wait while its background indexing holds the database)."""
        if index_first:
            with self.db.transaction() as conn:
                items_q.index_pending(conn)
        return inbox_q.search(self.db, inbox, limit)

    def item_rows(self, ids: list[int], theme_id: int = 0) -> dict[int, ItemRow]:
        return items_q.item_rows(self.db, ids, theme_id)

    def set_read(self, item_ids: list[int], read: bool = True) -> None:
        with self.db.transaction() as conn:
            items_q.set_flags(conn, item_ids, read=read)

    def set_starred(self, item_ids: list[int], starred: bool = True) -> None:
        with self.db.transaction() as conn:
            items_q.set_flags(conn, item_ids, starred=starred)

    def set_dismissed(self, item_ids: list[int], dismissed: bool = True) -> None:
        with self.db.transaction() as conn:
            items_q.set_flags(conn, item_ids, dismissed=dismissed)

    def half_life_days(self) -> float:
        """The freshness half-life the stored scores were ranked with."""
        from app.strategy.scoring import current_scorer

        return current_scorer(self.db.conn).half_life_days

    def scores_current(self) -> bool:
        """Whether every score reflects the strategy as last saved (else: rescore)."""
        from app.strategy.scoring import is_current

        return is_current(self.db.conn)

    def rescore(self, on_progress: Callable[[int, int], None] | None = None) -> int:
        """Score every item with the strategy as last saved; returns how many. The inbox
        keeps the old scores until all the new ones replace them at once."""
        from app.strategy.rescore import rescore

        return rescore(self.db, self.clock.now(), on_progress)

    def item(self, item_id: int) -> Item:
        return items_q.get_item(self.db, item_id)

    def index_for_search(self) -> int:
        """Full-text index the items a refresh left waiting, a batch per transaction;
        returns how many. Safe in another thread: it opens a connection of its own."""
        db = Database(self.db.path)
        try:
            return items_q.index_all_pending(db)
        finally:
            db.close()

    # Strategy ----------------------------------------------------------------

    def profile(self) -> Profile:
        raw = settings_q.get_setting(self.db, "profile", {})
        if not isinstance(raw, dict):
            return Profile()
        return Profile(**{k: str(v) for k, v in raw.items() if k in Profile._fields})

    def themes(self) -> list[Theme]:
        return themes_q.list_themes(self.db)

    def weekly_target(self) -> int:
        return int(settings_q.get_setting(self.db, "weekly_target", DEFAULT_WEEKLY_TARGET))

    def _theme_named(self, names: tuple[str, ...]) -> Theme | None:
        by_name = {t.name: t for t in self.themes()}
        return next((by_name[n] for n in names if n in by_name), None)

    # Strategy (app/strategy) ---------------------------------------------------

    def strategy(self) -> Strategy:
        """The whole career strategy: profile, themes, targets (see app.strategy)."""
        from app.strategy.strategy import load_strategy

        return load_strategy(self.db)

    def save_strategy(self, strategy: Strategy) -> int:
        """Validate and save the strategy in one transaction; returns its new version.
        Raises StrategyError (a DigwellError) naming the wrong field."""
        from app.strategy.strategy import save_strategy, validate

        validate(strategy)  # before the write lock: a typo never blocks a refresh
        with self.db.transaction() as conn:
            return save_strategy(conn, strategy)

    # Drafts ------------------------------------------------------------------

    def render(self, template: str, item_ids: list[int], platform_key: str, take: str = "") -> str:
        """Fill a template from items, their theme, the profile and the user's take."""
        items = [self.item(i) for i in item_ids]
        theme = self._theme_named(items[0].themes) if items else None
        context = build_context(
            items,
            theme=theme,
            profile=self.profile(),
            take=take,
            platform=platform(platform_key),
        )
        return self.templates.render(template, context)

    def draft_for_item(
        self,
        item_id: int,
        template: str = DEFAULT_TEMPLATE,
        platform_key: str = DEFAULT_PLATFORM,
    ) -> Draft:
        """The item's open draft, or a new one rendered from `template`."""
        existing = drafts_q.open_draft_for_item(self.db, item_id)
        if existing is not None:
            return self.draft(existing)
        item = self.item(item_id)
        text = self.render(template, [item_id], platform_key)
        theme = self._theme_named(item.themes)
        with self.db.transaction() as conn:
            draft_id = drafts_q.create_draft(
                conn,
                text=text,
                template=template,
                platform=platform_key,
                item_ids=[item_id],
                now=self.clock.now(),
                theme_id=theme.id if theme else None,
            )
        return self.draft(draft_id)

    def draft(self, draft_id: int) -> Draft:
        return drafts_q.get_draft(self.db, draft_id)

    def drafts(self) -> list[Draft]:
        return drafts_q.list_drafts(self.db)

    def draft_count(self) -> int:
        return drafts_q.draft_count(self.db)

    def save_draft(
        self, draft_id: int, *, text: str | None = None, platform_key: str | None = None
    ) -> None:
        """Save the draft's text and/or platform."""
        if platform_key is not None:
            platform(platform_key)  # validates
        with self.db.transaction() as conn:
            drafts_q.update_draft(
                conn, draft_id, self.clock.now(), text=text, platform=platform_key
            )

    def mark_posted(self, draft_id: int, platform_key: str, url: str = "") -> Post:
        """Log the draft as posted on a platform now; the draft's state becomes 'posted'."""
        platform(platform_key)
        if url and not safe_link(url):
            raise DigwellError(
                f"“{url}” is not a web address.",
                "Paste the link of your post (starting with https://), or leave it empty.",
            )
        draft = self.draft(draft_id)
        if draft.state not in ("draft", "planned"):
            raise DigwellError(
                "This draft was already marked as posted.",
                "To share the item again, draft a new post from it.",
            )
        if TAKE_PLACEHOLDER in draft.text:
            raise DigwellError(
                "This draft still has the placeholder for your take.",
                "Replace it with what you think (or delete it), then mark the post again.",
            )
        now = self.clock.now()
        item = self._first_item(draft)
        theme = self._theme_named(item.themes) if item else None
        with self.db.transaction() as conn:
            drafts_q.update_draft(conn, draft_id, now, state="posted", platform=platform_key)
            post_id = posts_q.add_post(
                conn,
                posted_at=now,
                platform=platform_key,
                url=url,
                text=draft.text,
                link=item.link if item else "",
                draft_id=draft_id,
                item_id=item.id if item else None,
                theme_id=theme.id if theme else None,
            )
        return posts_q.get_post(self.db, post_id)

    def _first_item(self, draft: Draft) -> Item | None:
        for item_id in draft.item_ids:
            try:
                return self.item(item_id)
            except NotFoundError:
                continue
        return None

    def posts(self) -> list[Post]:
        return posts_q.list_posts(self.db)

    # Cadence -----------------------------------------------------------------

    def week_progress(self) -> WeekProgress:
        """Posts in the current calendar week (user's time zone) against the target."""
        now, tz = self.clock.now(), self.clock.tz()
        posts = posts_q.posts_between(self.db, week_start(now, tz), next_week_start(now, tz))
        return week_progress((p.posted_at for p in posts), now, tz, self.weekly_target())
