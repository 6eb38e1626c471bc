"""The posts log: every post the user made, marked posted in Digwell or made elsewhere.

Posts can be added, edited, deleted (and put back) one by one, or imported from a CSV
file (app.cadence.posts_csv). An import is all or nothing: one bad row and nothing is
added. Rows already in the log (same time, platform and URL) are skipped, so importing
the same file twice adds nothing.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from app.cadence.post_checks import check_not_future, checked_rows, parse_post
from app.cadence.post_fields import (
    PostInput,
    parse_date,
    parse_kind,
    parse_platform,
    parse_theme,
    parse_time,
    parse_url,
    platform_name,
)
from app.cadence.posts_csv import ImportReport, csv_rows
from app.clock import Clock
from app.errors import DigwellError
from app.i18n import _
from app.store import drafts as drafts_q
from app.store import posts as posts_q
from app.store import themes as themes_q
from app.store.database import Database, to_db_time
from app.types import Changes, Post, Theme, Touch


def _nobody(changes: Changes) -> None:
    """Nobody listens (exports read a snapshot of the log)."""


class PostsLog:
    """Adds, edits, deletes, lists and imports logged posts; every change is announced."""

    def __init__(
        self, db: Database, clock: Clock, announce: Callable[[Changes], None] = _nobody
    ) -> None:
        self.db = db
        self.clock = clock
        self._announce = announce
        # post id -> the touches its deletion took, for `restore` to log again.
        self._taken: dict[int, builtins.list[Touch]] = {}

    # -- reading

    def list(self, limit: int | None = None) -> builtins.list[Post]:
        """Every post (or the newest `limit`), newest first."""
        if limit is not None:
            return posts_q.recent_posts(self.db, limit)
        return posts_q.list_posts(self.db)

    def ids(self) -> builtins.list[int]:
        """Every post's id, newest first: the window's log reads rows as it shows them."""
        return posts_q.post_ids(self.db)

    def by_id(self, ids: builtins.list[int]) -> dict[int, Post]:
        return posts_q.posts_by_id(self.db, ids) if ids else {}

    def get(self, post_id: int) -> Post:
        return posts_q.get_post(self.db, post_id)

    def count(self) -> int:
        return posts_q.post_count(self.db)

    def themes(self) -> builtins.list[Theme]:
        return themes_q.list_themes(self.db)

    def theme_name(self, theme_id: int | None) -> str:
        """The theme's name; '' for none or a theme since deleted."""
        if theme_id is None:
            return ""
        rows = self.db.read("SELECT name FROM themes WHERE id = ?", (theme_id,))
        return str(rows[0][0]) if rows else ""

    def describe(self, post: Post) -> str:
        """'2026-11-20 12:00, LinkedIn, share (Platform engineering)'."""
        local = post.posted_at.astimezone(self.clock.tz())
        when = f"{local:%Y-%m-%d %H:%M}"
        platform, kind = platform_name(post.platform), post.kind
        theme = self.theme_name(post.theme_id)
        if theme:
            # Translators: a logged post: "2026-11-20 12:00, LinkedIn, share (Open source)";
            # {kind} is the kind as typed on the command line (share, original…).
            return _("{when}, {platform}, {kind} ({theme})").format(
                when=when, platform=platform, kind=kind, theme=theme
            )
        return _("{when}, {platform}, {kind}").format(when=when, platform=platform, kind=kind)

    def to_json(self, post: Post) -> dict[str, object]:
        """The post as the CLI prints it: local date and time, the theme by name."""
        local = post.posted_at.astimezone(self.clock.tz())
        return {
            "id": post.id,
            "date": f"{local:%Y-%m-%d}",
            "time": f"{local:%H:%M}",
            "posted_at": local.isoformat(timespec="seconds"),
            "platform": post.platform,
            "kind": post.kind,
            "theme": self.theme_name(post.theme_id),
            "url": post.url,
            "text": post.text,
            "draft_id": post.draft_id,
        }

    # -- checking what the user typed

    def parse_input(
        self,
        date: str,
        time: str | None,
        platform: str,
        kind: str,
        theme: str | None,
        url: str,
        text: str,
    ) -> PostInput:
        """Check a post as typed; the first problem is a DigwellError saying what to fix."""
        parsed, problems = parse_post(
            date,
            time,
            platform,
            kind,
            theme,
            url,
            text,
            self.themes(),
            self.clock.now(),
            self.clock.tz(),
        )
        if problems:
            raise problems[0]
        assert parsed is not None
        return parsed

    def parse_changes(
        self,
        post: Post,
        *,
        date: str | None = None,
        time: str | None = None,
        platform: str | None = None,
        kind: str | None = None,
        theme: str | None = None,
        url: str | None = None,
        text: str | None = None,
    ) -> dict[str, object]:
        """The `edit` changes for the given fields (None = unchanged). A new date keeps the
        post's time of day; a new time keeps its date."""
        changes: dict[str, object] = {}
        if date is not None or time is not None:
            tz = self.clock.tz()
            local = post.posted_at.astimezone(tz)
            day = parse_date(date) if date is not None else local.date()
            clock_time = parse_time(time) if time is not None else local.time()
            when = datetime.combine(day, clock_time.replace(second=0, microsecond=0), tzinfo=tz)
            check_not_future(when, self.clock.now())
            changes["posted_at"] = when
        if platform is not None:
            changes["platform"] = parse_platform(platform)
        if kind is not None:
            changes["kind"] = parse_kind(kind)
        if theme is not None:
            changes["theme_id"] = parse_theme(theme, self.themes())
        if url is not None:
            changes["url"] = parse_url(url)
        if text is not None:
            changes["text"] = text.strip()
        return changes

    def _checked(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Typed changes (as `edit` takes them), checked and normalised as parsing would."""
        unknown = set(changes) - set(PostInput._fields)
        if unknown:
            raise ValueError(f"posts cannot change {', '.join(sorted(unknown))}")
        changes = dict(changes)
        if "posted_at" in changes:
            when = changes["posted_at"]
            if when.tzinfo is None:
                raise ValueError("posted_at must be timezone-aware")
            check_not_future(when, self.clock.now())
        if "platform" in changes:
            changes["platform"] = parse_platform(changes["platform"])
        if "kind" in changes:
            changes["kind"] = parse_kind(changes["kind"])
        if "url" in changes:
            changes["url"] = parse_url(changes["url"])
        if "text" in changes:
            changes["text"] = changes["text"].strip()
        theme_id = changes.get("theme_id")
        if theme_id is not None and all(t.id != theme_id for t in self.themes()):
            raise DigwellError(
                _("There is no theme {id}.").format(id=theme_id),
                _("It may have been deleted; choose another."),
            )
        return changes

    # -- changing the log

    def add(self, p: PostInput) -> Post:
        """Log a post made by hand."""
        p = PostInput(**self._checked(p._asdict()))
        with self.db.transaction() as conn:
            post_id = _insert(conn, p)
        self._announce(Changes(posts=True))
        return self.get(post_id)

    def edit(self, post_id: int, **changes: object) -> Post:
        """Change only the given fields (those of PostInput) of a logged post."""
        changes = self._checked(changes)
        with self.db.transaction() as conn:
            posts_q.update_post(conn, post_id, **changes)
        self._announce(Changes(posts=True))
        return self.get(post_id)

    def delete(self, post_id: int) -> Post:
        """Take a post out of the log; returns it, so it can be put back (`restore`).
        A draft it was marked posted from is a draft again, as after "Undo posted", and
        the touches it logged by itself go with it (kept here for `restore`)."""
        from app.compose.credits import take_touches

        with self.db.transaction() as conn:
            post = posts_q.get_post_in(conn, post_id)
            taken = take_touches(conn, [post_id])
            posts_q.delete_post(conn, post_id)
            if post.draft_id is not None:
                drafts_q.move_state(conn, post.draft_id, "posted", "draft", self.clock.now())
        self._taken[post_id] = taken
        self._announce(Changes(posts=True, drafts=post.draft_id is not None, people=bool(taken)))
        return post

    def set_kind(self, post_ids: Iterable[int], kind: str) -> int:
        """Give many posts one kind, all or none (app.cadence.bulk_edit); how many."""
        from app.cadence.bulk_edit import set_kind

        count = set_kind(self.db, post_ids, kind)
        self._announce(Changes(posts=True))
        return count

    def set_theme(self, post_ids: Iterable[int], theme_id: int | None) -> int:
        """Give many posts one theme (None: none), all or none; how many."""
        from app.cadence.bulk_edit import set_theme

        count = set_theme(self.db, post_ids, theme_id, self.themes())
        self._announce(Changes(posts=True))
        return count

    def taken_touches(self, post_id: int) -> builtins.list[Touch]:
        """The touches deleting this post took (what `restore` logs again)."""
        return builtins.list(self._taken.get(post_id, []))

    def restore(self, post: Post, touches: builtins.list[Touch] | None = None) -> Post:
        """Put a deleted post back, under its old id when that is free (and its draft,
        if still open, back to posted), with the touches its deletion took (`touches`,
        else those this log remembers)."""
        from app.compose.credits import put_back

        again = self._taken.pop(post.id, []) if touches is None else touches
        with self.db.transaction() as conn:
            post_id = posts_q.restore_post(conn, post)
            restored = posts_q.get_post_in(conn, post_id)
            if restored.draft_id is not None:
                drafts_q.move_state(conn, restored.draft_id, "draft", "posted", self.clock.now())
            people = put_back(conn, again, post_id, self.clock.now())
        self._announce(Changes(posts=True, drafts=restored.draft_id is not None, people=people))
        return self.get(post_id)

    # -- CSV

    def import_csv(self, path: Path) -> ImportReport:
        """Add the posts of a CSV file (see app.cadence.posts_csv) in one transaction.
        A bad row is a PostsImportError listing every bad row; nothing is added then."""
        read = csv_rows(path)
        inputs = checked_rows(read, path.name, self.themes(), self.clock.now(), self.clock.tz())
        return self._add_new(inputs)

    def _add_new(self, inputs: builtins.list[PostInput]) -> ImportReport:
        added = skipped = 0
        with self.db.transaction() as conn:
            # Each logged post answers for one identical row, so a file holding the same
            # post twice adds both the first time and neither the second.
            logged = posts_q.post_keys(conn)
            for p in inputs:
                key = (to_db_time(p.posted_at), p.platform, p.url)
                if logged[key] > 0:
                    logged[key] -= 1
                    skipped += 1
                    continue
                _insert(conn, p)
                added += 1
        self._announce(Changes(posts=bool(added)))
        return ImportReport(added, skipped, ())


def _insert(conn: sqlite3.Connection, p: PostInput) -> int:
    return posts_q.add_post(
        conn,
        posted_at=p.posted_at,
        platform=p.platform,
        kind=p.kind,
        url=p.url,
        text=p.text,
        theme_id=p.theme_id,
    )
