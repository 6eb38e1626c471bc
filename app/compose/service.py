"""The drafting service (planner.drafting): drafts made from items and templates, edited,
planned, marked posted and taken back (docs/ARCHITECTURE.md, "A draft's life")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from app.clock import Clock
from app.compose import drafts as rules
from app.compose.context import build_context
from app.compose.platform_settings import PlatformSettings
from app.compose.platforms import DEFAULT_PLATFORM, platform
from app.errors import DigwellError, NotFoundError
from app.paths import resource_path, user_templates_dir
from app.store import Database
from app.store import drafts as drafts_q
from app.store import items as items_q
from app.store import posts as posts_q
from app.store import themes as themes_q
from app.types import Changes, Draft, Item, Post, Theme

if TYPE_CHECKING:
    from app.compose.count_record import Count
    from app.compose.credits import Credit
    from app.compose.templates import TemplateInfo, TemplateLibrary

Announce = Callable[[Changes], None]


class DraftingService:
    """A draft's life from item to post; every write announces what it changed."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        announce: Announce,
        templates: TemplateLibrary | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce
        self._templates = templates
        self.platforms = PlatformSettings(db, announce)

    @property
    def templates(self) -> TemplateLibrary:
        """The template library, loaded when first drafting (Jinja2 is not needed before)."""
        if self._templates is None:
            from app.compose.templates import TemplateLibrary

            self._templates = TemplateLibrary(resource_path("templates"), user_templates_dir())
        return self._templates

    def count(self, text: str, platform_key: str) -> Count:
        """The text counted the way the platform counts it, against its limit."""
        from app.compose.counting import count_text

        return count_text(text, platform_key, limit=self.platforms.limit(platform_key))

    # Reading ------------------------------------------------------------------------

    def draft(self, draft_id: int) -> Draft:
        return drafts_q.get_draft(self._db, draft_id)

    def drafts(self, states: tuple[str, ...] = drafts_q.DRAFT_STATES) -> list[Draft]:
        return drafts_q.list_drafts(self._db, states)

    def draft_count(self) -> int:
        """Drafts not yet posted or archived."""
        return drafts_q.draft_count(self._db)

    def open_draft_for_item(self, item_id: int) -> int | None:
        """The item's newest draft not yet posted or archived, if any."""
        return drafts_q.open_draft_for_item(self._db, item_id)

    def post_of_draft(self, draft_id: int) -> Post | None:
        """The post logged from this draft, if it was marked posted."""
        return posts_q.post_of_draft(self._db, draft_id)

    # Who a post credits ----------------------------------------------------------------

    def credits(
        self, draft_id: int, text: str | None = None, platform_key: str | None = None
    ) -> list[Credit]:
        """Who marking the draft posted logs a touch for (its text and platform as
        stored, unless given, as while the user types): its items' linked authors and
        the people its text names or @mentions. A posted draft: the touches it logged."""
        from app.compose import credits as credits_q

        draft = self.draft(draft_id)
        if draft.state == "posted":
            post = posts_q.post_of_draft(self._db, draft_id)
            return credits_q.posted_credits(self._db, post.id) if post else []
        return credits_q.draft_credits(
            self._db,
            draft.item_ids,
            draft.text if text is None else text,
            platform_key or draft.platform,
            credits_q.touch_kind(info.touch if (info := self._info(draft.template)) else ""),
        )

    # Rendering ----------------------------------------------------------------------

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
        from app.compose import credits as credits_q
        from app.strategy.stored import load_profile

        items = [items_q.get_item(self._db, i) for i in item_ids]
        theme = self._draft_theme(items, theme_id)
        authors = credits_q.item_authors(self._db, item_ids)
        limit = self.platforms.limit(platform_key)
        target = platform(platform_key)._replace(limit=limit)
        profile = load_profile(self._db)
        library = self.templates

        def job(new_take: str | None = None) -> str:
            context = build_context(
                items,
                theme=theme,
                profile=profile,
                take=take if new_take is None else new_take,
                platform=target,
                authors=authors,
            )
            return library.render(template, context)

        return job

    def redraft_job(
        self, draft_id: int, template: str, platform_key: str, take: str | None = None
    ) -> Callable[[], tuple[str, str]]:
        """The renders `redraft` does, as a call that needs no database: (text, take).
        Without a new take, the take is what the user wrote in place of the old one."""
        draft = self.draft(draft_id)
        items = self._live_items(draft)
        marker = rules.TAKE_MARKER
        frame_job = self.render_job(draft.template, items, draft.platform, marker, draft.theme_id)
        render_context = self.render_job(template, items, platform_key, "", draft.theme_id)

        def job() -> tuple[str, str]:
            kept = take
            if kept is None:
                try:
                    kept = rules.take_in_text(draft.text, frame_job(), marker, draft.take)
                except DigwellError:  # the old template is gone or broken
                    kept = draft.take
            return render_context(kept), kept

        return job

    # Writing ------------------------------------------------------------------------

    def draft_for_item(
        self,
        item_id: int,
        template: str = rules.DEFAULT_TEMPLATE,
        platform_key: str = DEFAULT_PLATFORM,
    ) -> Draft:
        """The item's open draft, or a new one rendered from `template`."""
        existing = drafts_q.open_draft_for_item(self._db, item_id)
        if existing is not None:
            return self.draft(existing)
        return self.new_draft([item_id], template, platform_key)

    def new_draft(
        self,
        item_ids: list[int],
        template: str = rules.DEFAULT_TEMPLATE,
        platform_key: str = DEFAULT_PLATFORM,
        take: str = "",
        text: str | None = None,
        theme_id: int | None = None,
    ) -> Draft:
        """A new draft rendered from `template` with these items (none: an original post
        on `theme_id`); `text`: already rendered (see render_job)."""
        if text is None:
            text = self.render_job(template, item_ids, platform_key, take, theme_id)()
        items = [items_q.get_item(self._db, i) for i in item_ids]
        theme = self._draft_theme(items, theme_id)
        with self._db.transaction() as conn:
            draft_id = drafts_q.create_draft(
                conn,
                text=text,
                template=template,
                platform=platform_key,
                item_ids=item_ids,
                now=self._clock.now(),
                theme_id=theme.id if theme else None,
                take=take.strip(),
            )
        self._announce(Changes(drafts=True, item_ids=tuple(item_ids)))
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
        rules.check_editable(self.draft(draft_id))
        if text is None:
            text, take = self.redraft_job(draft_id, template, platform_key, take)()
        with self._db.transaction() as conn:
            drafts_q.update_draft(
                conn,
                draft_id,
                self._clock.now(),
                text=text,
                template=template,
                platform=platform_key,
                take=(take or "").strip(),
            )
        self._announce(Changes(drafts=True))
        return self.draft(draft_id)

    def save_draft(
        self, draft_id: int, *, text: str | None = None, platform_key: str | None = None
    ) -> None:
        """Save the draft's text and/or platform."""
        if platform_key is not None:
            platform(platform_key)  # validates
        with self._db.transaction() as conn:
            drafts_q.update_draft(
                conn, draft_id, self._clock.now(), text=text, platform=platform_key
            )
        self._announce(Changes(drafts=True))

    def set_draft_state(self, draft_id: int, state: str) -> Draft:
        """Plan, archive or bring back a draft; 'posted' only comes from mark_posted."""
        rules.check_new_state(self.draft(draft_id), state)
        with self._db.transaction() as conn:
            drafts_q.update_draft(conn, draft_id, self._clock.now(), state=state)
        self._announce(Changes(drafts=True))
        return self.draft(draft_id)

    def delete_draft(self, draft_id: int) -> None:
        item_ids = self.draft(draft_id).item_ids
        with self._db.transaction() as conn:
            drafts_q.delete_draft(conn, draft_id)
        self._announce(Changes(drafts=True, item_ids=item_ids))

    def mark_posted(
        self,
        draft_id: int,
        platform_key: str,
        url: str = "",
        posted_at: datetime | None = None,
    ) -> Post:
        """Log the draft as posted on a platform (now, unless told when); the draft's
        state becomes 'posted'. The post's kind is its template's. Each person it
        credits gets a touch on the post's day (`credits`), in the same transaction."""
        from app.compose import credits as credits_q

        platform(platform_key)
        url = rules.post_url(url)
        now = self._clock.now()
        when = posted_at or now
        draft = self.draft(draft_id)
        rules.check_postable(draft, when, now)
        item = self._first_item(draft)
        credits = self.credits(draft_id, platform_key=platform_key)
        with self._db.transaction() as conn:
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
            self.platforms.remember_last(conn, platform_key)
            day = when.astimezone(self._clock.tz()).date()
            credits_q.log_touches(conn, credits, post_id, day, now)
        self._announce(
            Changes(drafts=True, posts=True, item_ids=draft.item_ids, people=bool(credits))
        )
        return posts_q.get_post(self._db, post_id)

    def undo_posted(self, post_id: int) -> Draft | None:
        """Take a post back out of the log, with the touches it logged; its draft
        becomes a draft again."""
        from app.compose import credits as credits_q

        post = posts_q.get_post(self._db, post_id)
        with self._db.transaction() as conn:
            taken = credits_q.take_touches(conn, [post_id])
            posts_q.delete_post(conn, post_id)
            if post.draft_id is not None:
                drafts_q.update_draft(conn, post.draft_id, self._clock.now(), state="draft")
        draft = self.draft(post.draft_id) if post.draft_id is not None else None
        item_ids = draft.item_ids if draft is not None else ()
        self._announce(Changes(drafts=True, posts=True, item_ids=item_ids, people=bool(taken)))
        return draft

    # What the history says ------------------------------------------------------------

    def history_notes(self, draft_id: int) -> list[str]:
        """What the user's own history says about this draft: a link already shared,
        recent posts all about themselves, a theme gone quiet."""
        from app.compose import history

        draft = self.draft(draft_id)
        if draft.state == "posted":
            return []
        tz, now = self._clock.tz(), self._clock.now()
        recent = posts_q.recent_posts(self._db, history.RECENT_POSTS)
        items = [items_q.get_item(self._db, i) for i in self._live_items(draft)]
        last_on_theme = (
            posts_q.last_post_on_theme(self._db, draft.theme_id) if draft.theme_id else None
        )
        notes = [
            history.already_shared(
                posts_q.posts_of_link(self._db, item.link),
                tz,
                item.title if len(items) > 1 else "",
            )
            for item in items
        ]
        notes += [
            history.theme_quiet(draft.theme, last_on_theme, now, bool(recent)),
            history.balance(recent) if self._template_kind(draft.template) == "original" else "",
        ]
        return [n for n in notes if n]

    # Helpers ------------------------------------------------------------------------

    def _draft_theme(self, items: list[Item], theme_id: int | None) -> Theme | None:
        themes = themes_q.list_themes(self._db)
        if theme_id is not None:
            return next((t for t in themes if t.id == theme_id), None)
        if not items:
            return None
        by_name = {t.name: t for t in themes}
        return next((by_name[n] for n in items[0].themes if n in by_name), None)

    def _info(self, name: str) -> TemplateInfo | None:
        try:
            return self.templates.info(name)
        except DigwellError:
            return None

    def _template_kind(self, name: str) -> str:
        info = self._info(name)
        return info.kind if info else "share"

    def _live_items(self, draft: Draft) -> list[int]:
        return [i for i in draft.item_ids if self._item(i) is not None]

    def _first_item(self, draft: Draft) -> Item | None:
        return next((i for i in map(self._item, draft.item_ids) if i is not None), None)

    def _item(self, item_id: int) -> Item | None:
        try:
            return items_q.get_item(self._db, item_id)
        except NotFoundError:
            return None
