"""The core's one entry point: owns the store, the clock and the templates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.cadence.week import next_week_start, week_progress, week_start
from app.clock import Clock, default_clock
from app.compose.context import TAKE_PLACEHOLDER, build_context, placeholders
from app.compose.platforms import DEFAULT_PLATFORM, platform
from app.errors import DigwellError, NotFoundError
from app.feeds.links import safe_link
from app.paths import DB_FILENAME, resource_path, user_config_dir
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
    from app.cadence.book import CadenceBook
    from app.compose.counting import Count
    from app.compose.templates import TemplateLibrary
    from app.strategy.strategy import Strategy

DEFAULT_WEEKLY_TARGET = 3
DEFAULT_TEMPLATE = "quick-share"
MASTODON_LIMIT_KEY = "mastodon_limit"
MASTODON_INSTANCE_KEY = "mastodon_instance"
USER_TEMPLATES_FOLDER = "templates"
# New drafts are for the platform the user last posted on.
LAST_PLATFORM_KEY = "last_platform"
DEFAULT_REFRESH_MINUTES = 60
# Automatic refresh: at least every 15 min apart, at most once a day.
REFRESH_MINUTES_RANGE = (15, 24 * 60)


def take_in_text(text: str, frame: str, marker: str, fallback: str) -> str:
    """The user's take in `text`: what stands where `marker` stands in `frame` (the
    template rendered with the marker as take); `fallback` when the text was reworked."""
    prefix, sep, suffix = frame.partition(marker)
    fits = sep and len(prefix) + len(suffix) <= len(text)
    if fits and text.startswith(prefix) and text.endswith(suffix):
        take = text[len(prefix) : len(text) - len(suffix)].strip()
        return "" if take == TAKE_PLACEHOLDER else take
    return fallback


class Planner:
    """What the UI and the CLI call; nothing here knows about Qt."""

    def __init__(
        self, db: Database, clock: Clock, templates: TemplateLibrary | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self._templates = templates
        self._cadence: CadenceBook | None = None

    @property
    def templates(self) -> TemplateLibrary:
        """The template library, loaded when first drafting (Jinja2 is not needed before)."""
        if self._templates is None:
            from app.compose.templates import TemplateLibrary

            self._templates = TemplateLibrary(
                resource_path("templates"), user_config_dir() / USER_TEMPLATES_FOLDER
            )
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

    def theme_hashtags(self, theme_id: int | None) -> list[str]:
        """The theme's hashtags, each with its '#'."""
        theme = next((t for t in self.themes() if t.id == theme_id), None)
        tags = [t.strip().replace(" ", "") for t in theme.hashtags] if theme else []
        return [t if t.startswith("#") else f"#{t}" for t in tags if t.strip("#")]

    def setting(self, key: str, default: object = None) -> object:
        """A preference the window keeps (e.g. which platforms the composer counts)."""
        return settings_q.get_setting(self.db, key, default)

    def set_setting(self, key: str, value: object) -> None:
        with self.db.transaction() as conn:
            settings_q.set_setting(conn, key, value)

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

    def platform_limit(self, platform_key: str) -> int:
        """The platform's limit; Mastodon's is the user's instance's (a setting)."""
        limit = platform(platform_key).limit
        if platform_key == "mastodon":
            value = settings_q.get_setting(self.db, MASTODON_LIMIT_KEY, limit)
            if isinstance(value, int) and value > 0:
                limit = value
        return limit

    def count(self, text: str, platform_key: str) -> Count:
        """The text counted the way the platform counts it, against its limit."""
        from app.compose.counting import count_text

        return count_text(text, platform_key, limit=self.platform_limit(platform_key))

    def render(self, template: str, item_ids: list[int], platform_key: str, take: str = "") -> str:
        """Fill a template from items, their theme, the profile and the user's take."""
        return self.render_job(template, item_ids, platform_key, take)()

    def render_job(
        self,
        template: str,
        item_ids: list[int],
        platform_key: str,
        take: str = "",
        theme_id: int | None = None,
    ) -> Callable[..., str]:
        """The render as a call that needs no database, so the window can run it in a
        thread (a runaway user template takes up to two seconds to be stopped). The
        theme is `theme_id`'s, else the first item's."""
        items = [self.item(i) for i in item_ids]
        theme = self._draft_theme(items, theme_id)
        target = platform(platform_key)._replace(limit=self.platform_limit(platform_key))
        profile = self.profile()
        library = self.templates

        def job(new_take: str | None = None) -> str:
            context = build_context(
                items,
                theme=theme,
                profile=profile,
                take=take if new_take is None else new_take,
                platform=target,
            )
            return library.render(template, context)

        return job

    def roundup_items(self, limit: int = 5) -> list[int]:
        """Items for a roundup: the starred ones not shared yet, best ranked first; the
        top unread ones when fewer than three are starred."""
        shared = {p.item_id for p in self.posts() if p.item_id is not None}
        starred = [i for i in self.inbox_ids(50, InboxFilter(show="starred")) if i not in shared]
        if len(starred) >= 3:
            return starred[:limit]
        unread = self.inbox_ids(limit * 4, InboxFilter(show="unread"))
        picked = starred + [i for i in unread if i not in shared and i not in starred]
        return picked[:limit]

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
        return self.new_draft([item_id], template, platform_key)

    def new_draft(
        self,
        item_ids: list[int],
        template: str = DEFAULT_TEMPLATE,
        platform_key: str = DEFAULT_PLATFORM,
        take: str = "",
        text: str | None = None,
        theme_id: int | None = None,
    ) -> Draft:
        """A new draft rendered from `template` with these items (none: an original post
        on `theme_id`); `text`: already rendered (see render_job)."""
        if text is None:
            text = self.render_job(template, item_ids, platform_key, take, theme_id)()
        theme = self._draft_theme([self.item(i) for i in item_ids], theme_id)
        with self.db.transaction() as conn:
            draft_id = drafts_q.create_draft(
                conn,
                text=text,
                template=template,
                platform=platform_key,
                item_ids=item_ids,
                now=self.clock.now(),
                theme_id=theme.id if theme else None,
                take=take.strip(),
            )
        return self.draft(draft_id)

    def redraft(
        self,
        draft_id: int,
        template: str,
        platform_key: str,
        take: str | None = None,
        text: str | None = None,
    ) -> Draft:
        """Render the draft again from its items with another template or platform,
        keeping the user's take (`take`: a new one; `text` and `take` already rendered by
        `redraft_job`)."""
        self._check_editable(self.draft(draft_id))
        if text is None:
            text, take = self.redraft_job(draft_id, template, platform_key, take)()
        with self.db.transaction() as conn:
            drafts_q.update_draft(
                conn,
                draft_id,
                self.clock.now(),
                text=text,
                template=template,
                platform=platform_key,
                take=(take or "").strip(),
            )
        return self.draft(draft_id)

    def redraft_job(
        self, draft_id: int, template: str, platform_key: str, take: str | None = None
    ) -> Callable[[], tuple[str, str]]:
        """The renders `redraft` does, as a call that needs no database: (text, take).
        Without a new take, the take is what the user wrote in place of the old one."""
        draft = self.draft(draft_id)
        items = self._live_items(draft)
        marker = "\u2063take\u2063"
        frame_job = self.render_job(draft.template, items, draft.platform, marker, draft.theme_id)
        render_context = self.render_job(template, items, platform_key, "", draft.theme_id)

        def job() -> tuple[str, str]:
            kept = take
            if kept is None:
                try:
                    kept = take_in_text(draft.text, frame_job(), marker, draft.take)
                except DigwellError:  # the old template is gone or broken
                    kept = draft.take
            return render_context(kept), kept

        return job

    def _live_items(self, draft: Draft) -> list[int]:
        return [i for i in draft.item_ids if self._item_exists(i)]

    def draft(self, draft_id: int) -> Draft:
        return drafts_q.get_draft(self.db, draft_id)

    def open_draft_for_item(self, item_id: int) -> int | None:
        """The item's newest draft not yet posted or archived, if any."""
        return drafts_q.open_draft_for_item(self.db, item_id)

    def drafts(self, states: tuple[str, ...] = drafts_q.DRAFT_STATES) -> list[Draft]:
        return drafts_q.list_drafts(self.db, states)

    def draft_count(self) -> int:
        """Drafts not yet posted or archived."""
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

    def set_draft_state(self, draft_id: int, state: str) -> Draft:
        """Plan, archive or bring back a draft; 'posted' only comes from mark_posted."""
        if state not in ("draft", "planned", "archived"):
            raise DigwellError(
                f"A draft cannot be set to '{state}'.",
                "Use draft, planned or archived; mark it posted to log a post.",
            )
        if self.draft(draft_id).state == "posted":
            raise DigwellError(
                "This draft was posted; its post is in your log.",
                "Undo the post first, or draft a new post from the item.",
            )
        with self.db.transaction() as conn:
            drafts_q.update_draft(conn, draft_id, self.clock.now(), state=state)
        return self.draft(draft_id)

    def delete_draft(self, draft_id: int) -> None:
        with self.db.transaction() as conn:
            drafts_q.delete_draft(conn, draft_id)

    def history_notes(self, draft_id: int) -> list[str]:
        """What the user's own history says about this draft: a link already shared,
        recent posts all about themselves, a theme gone quiet."""
        from app.compose import history

        draft = self.draft(draft_id)
        if draft.state == "posted":
            return []
        tz, now = self.clock.tz(), self.clock.now()
        recent = posts_q.recent_posts(self.db, history.RECENT_POSTS)
        items = [self.item(i) for i in self._live_items(draft)]
        last_on_theme = (
            posts_q.last_post_on_theme(self.db, draft.theme_id) if draft.theme_id else None
        )
        notes = [
            history.already_shared(
                posts_q.posts_of_link(self.db, item.link), tz, item.title if len(items) > 1 else ""
            )
            for item in items
        ]
        notes += [
            history.theme_quiet(draft.theme, last_on_theme, now, bool(recent)),
            history.balance(recent) if self._template_kind(draft.template) == "original" else "",
        ]
        return [n for n in notes if n]

    def _draft_theme(self, items: list[Item], theme_id: int | None) -> Theme | None:
        if theme_id is not None:
            return next((t for t in self.themes() if t.id == theme_id), None)
        return self._theme_named(items[0].themes) if items else None

    def _template_kind(self, name: str) -> str:
        try:
            return self.templates.info(name).kind
        except DigwellError:
            return "share"

    def _check_editable(self, draft: Draft) -> None:
        if draft.state not in ("draft", "planned"):
            raise DigwellError(
                f"This draft is {draft.state}.",
                "Bring it back to the drafts first, or draft a new post from its item.",
            )

    def _item_exists(self, item_id: int) -> bool:
        try:
            self.item(item_id)
        except NotFoundError:
            return False
        return True

    def mark_posted(
        self,
        draft_id: int,
        platform_key: str,
        url: str = "",
        posted_at: datetime | None = None,
    ) -> Post:
        """Log the draft as posted on a platform (now, unless told when); the draft's
        state becomes 'posted'. The post's kind is its template's."""
        platform(platform_key)
        url = url.strip()
        if url and not safe_link(url):
            raise DigwellError(
                f"“{url}” is not a web address.",
                "Paste the link of your post (starting with https://), or leave it empty.",
            )
        now = self.clock.now()
        when = posted_at or now
        if when.tzinfo is None:
            raise ValueError("posted_at must be timezone-aware")
        if when > now + timedelta(minutes=5):
            raise DigwellError(
                "That time is in the future.",
                "Mark a post when it is out; to schedule one, plan the draft instead.",
            )
        draft = self.draft(draft_id)
        if draft.state not in ("draft", "planned"):
            raise DigwellError(
                "This draft was already marked as posted."
                if draft.state == "posted"
                else f"This draft is {draft.state}.",
                "To share the item again, draft a new post from it.",
            )
        left = placeholders(draft.text)
        if TAKE_PLACEHOLDER in left:
            raise DigwellError(
                "This draft still has the placeholder for your take.",
                "Replace it with what you think (or delete it), then mark the post again.",
            )
        if left:
            raise DigwellError(
                f"This draft still has a placeholder to fill: {left[0]}",
                "Replace it with your words (or delete it), then mark the post again.",
            )
        item = self._first_item(draft)
        with self.db.transaction() as conn:
            drafts_q.update_draft(conn, draft_id, now, state="posted", platform=platform_key)
            post_id = posts_q.add_post(
                conn,
                posted_at=when,
                platform=platform_key,
                kind=self._template_kind(draft.template),
                url=url,
                text=draft.text,
                link=item.link if item else "",
                draft_id=draft_id,
                item_id=item.id if item else None,
                theme_id=draft.theme_id,
            )
            settings_q.set_setting(conn, LAST_PLATFORM_KEY, platform_key)
        return posts_q.get_post(self.db, post_id)

    def undo_posted(self, post_id: int) -> Draft | None:
        """Take a post back out of the log; its draft becomes a draft again."""
        post = posts_q.get_post(self.db, post_id)
        with self.db.transaction() as conn:
            posts_q.delete_post(conn, post_id)
            if post.draft_id is not None:
                drafts_q.update_draft(conn, post.draft_id, self.clock.now(), state="draft")
        return self.draft(post.draft_id) if post.draft_id is not None else None

    def post_of_draft(self, draft_id: int) -> Post | None:
        """The post logged from this draft, if it was marked posted."""
        return posts_q.post_of_draft(self.db, draft_id)

    def mastodon_instance(self) -> str:
        value = settings_q.get_setting(self.db, MASTODON_INSTANCE_KEY, "")
        return value if isinstance(value, str) else ""

    def set_mastodon(self, instance: str, limit: int | None = None) -> None:
        """The user's Mastodon server (for its compose page) and its character limit."""
        from app.compose.platforms import normalise_instance

        host = normalise_instance(instance)
        with self.db.transaction() as conn:
            settings_q.set_setting(conn, MASTODON_INSTANCE_KEY, host)
            if limit is not None:
                if not 1 <= limit <= 100_000:
                    raise DigwellError(
                        f"{limit} cannot be a character limit.", "Use a number such as 500."
                    )
                settings_q.set_setting(conn, MASTODON_LIMIT_KEY, int(limit))

    def compose_link(self, platform_key: str, text: str) -> str:
        """The platform's compose page with the text filled in where it allows that."""
        from app.compose.platforms import compose_link

        return compose_link(platform_key, text, self.mastodon_instance())

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

    @property
    def cadence(self) -> CadenceBook:
        """Score, streak, coverage, the posting plan and reminders (see app.cadence)."""
        if self._cadence is None:
            from app.cadence.book import CadenceBook

            self._cadence = CadenceBook(self.db, self.clock)
        return self._cadence

    def week_progress(self) -> WeekProgress:
        """Posts in the current calendar week (user's time zone) against the target."""
        now, tz = self.clock.now(), self.clock.tz()
        posts = posts_q.posts_between(self.db, week_start(now, tz), next_week_start(now, tz))
        return week_progress((p.posted_at for p in posts), now, tz, self.weekly_target())
