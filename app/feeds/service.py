"""The feeds service (planner.feeds): subscribe (with autodiscovery), theme, rename,
pause, sign in, remove, OPML in and out, and the refresh (docs/ARCHITECTURE.md).

Secrets go to the keyring before anything is stored, so nothing is saved when they
cannot be kept; a secret no feed points at any more is deleted from it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.clock import Clock
from app.errors import DigwellError
from app.i18n import _
from app.store import Database
from app.store import feeds as feeds_q
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.store.database import from_db_time
from app.types import Changes, Feed, Theme

if TYPE_CHECKING:  # the first paint counts the feeds only: the rest is loaded when used
    from app.credentials import FeedSecret
    from app.feeds.fetch import Timeouts
    from app.feeds.finding import FeedChoice, Getter
    from app.feeds.refresh import FeedOutcome, RefreshReport

Announce = Callable[[Changes], None]
REFRESH_MINUTES_KEY = "refresh_minutes"
DEFAULT_REFRESH_MINUTES = 60
# Automatic refresh: at least every 15 min apart, at most once a day.
REFRESH_MINUTES_RANGE = (15, 24 * 60)


class OpmlReport(NamedTuple):
    added: list[str]
    skipped: list[tuple[str, str]]  # (url or name, why)
    themes_created: list[str]


class FeedsService:
    """Subscriptions and their refresh; every write announces the feeds changed."""

    refresh_minutes_range = REFRESH_MINUTES_RANGE

    def __init__(self, db: Database, clock: Clock, announce: Announce) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce

    # Reading ------------------------------------------------------------------------

    def count(self) -> int:
        return feeds_q.feed_count(self._db)

    def error_count(self) -> int:
        """Feeds whose last fetch failed."""
        return feeds_q.error_count(self._db)

    def list_feeds(self) -> list[Feed]:
        return feeds_q.list_feeds(self._db)

    def get(self, url_or_id: str) -> Feed:
        """The feed with this address or id; a clear error when there is none."""
        feed = feeds_q.find_feed(self._db, url_or_id)
        if feed is None:
            raise DigwellError(
                # Translators: {feed} is the address or id the user gave, in quotes.
                _("No subscription matches {feed}.").format(feed=repr(url_or_id)),
                _("`digwell feeds list` shows the feeds and their ids."),
            )
        return feed

    def due_count(self) -> int:
        """Feeds a refresh would fetch now."""
        return len(feeds_q.due_feeds(self._db, self._clock.now()))

    def last_refresh(self) -> datetime | None:
        """When the last refresh ran (by the window or `digwell refresh`), if ever."""
        value = settings_q.get_setting(self._db, settings_q.LAST_REFRESH_KEY)
        return from_db_time(value) if isinstance(value, str) else None

    def refresh_minutes(self) -> int:
        """Minutes between automatic refreshes while the window is open; 0 means off."""
        value = settings_q.get_setting(self._db, REFRESH_MINUTES_KEY, DEFAULT_REFRESH_MINUTES)
        if not isinstance(value, int) or value <= 0:
            return 0 if value == 0 else DEFAULT_REFRESH_MINUTES
        low, high = REFRESH_MINUTES_RANGE
        return min(max(value, low), high)

    def set_refresh_minutes(self, minutes: int) -> None:
        """Set the automatic refresh interval (clamped to the allowed range; 0 turns it off)."""
        low, high = REFRESH_MINUTES_RANGE
        value = 0 if minutes <= 0 else min(max(int(minutes), low), high)
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, REFRESH_MINUTES_KEY, value)

    @staticmethod
    def keyring_status() -> tuple[bool, str]:
        """Whether private feeds can keep a secret here, and a sentence saying where."""
        from app.credentials import keyring_status

        return keyring_status()

    # Subscribing --------------------------------------------------------------------

    @staticmethod
    def find(
        url: str, get: Getter | None = None, *, secret: FeedSecret | None = None
    ) -> list[FeedChoice]:
        """The feed at `url`, or the feeds a web page links to (autodiscovery)."""
        from app.feeds.finding import find_feeds

        return find_feeds(url, get, secret=secret)

    def subscribe(
        self,
        url: str,
        *,
        themes: list[str] | tuple[str, ...] = (),
        title: str = "",
        secret: FeedSecret | None = None,
    ) -> Feed:
        """Add a feed URL (already known to be a feed) under `themes`; a private feed's
        secret goes to the keyring first, so nothing is stored if it cannot be kept."""
        from app.text.links import safe_link

        target = safe_link(url)
        if not target:
            raise DigwellError(
                # Translators: {address} is the address the user gave, in quotes.
                _("{address} is not an http(s) address.").format(address=repr(url)),
                _("Check the feed address."),
            )
        ref = _keep_secret(secret)  # raises with a clear message when there is no keyring
        old_ref = None
        with self._db.transaction() as conn:
            feed_id = feeds_q.add_feed(conn, target, title, self._clock.now())
            ids, created = self._theme_ids(list(themes), conn)
            if ids:  # adding an existing feed under another theme keeps its other themes
                current = conn.execute(
                    "SELECT theme_id FROM feed_themes WHERE feed_id = ?", (feed_id,)
                ).fetchall()
                feeds_q.set_feed_themes(conn, feed_id, sorted({r[0] for r in current} | set(ids)))
            if secret is not None:
                old_ref = feeds_q.secret_ref(self._db, feed_id)
                feeds_q.set_secret_ref(conn, feed_id, ref, secret.kind)
        _forget_secret(old_ref)
        self._announce(Changes(feeds=True, strategy=bool(created)))
        return self.get(str(feed_id))

    def set_credentials(self, url_or_id: str, secret: FeedSecret | None = None) -> Feed:
        """Give a feed a new secret (kept in the keyring), or none; the next refresh
        fetches it at once. The old secret is deleted from the keyring."""
        feed = self.get(url_or_id)
        ref = _keep_secret(secret)
        old_ref = feeds_q.secret_ref(self._db, feed.id)
        with self._db.transaction() as conn:
            feeds_q.set_secret_ref(conn, feed.id, ref, secret.kind if secret is not None else "")
            feeds_q.make_due(conn, feed.id)
        _forget_secret(old_ref)
        self._announce(Changes(feeds=True))
        return self.get(str(feed.id))

    def remove(self, url_or_id: str) -> int:
        """Remove a feed and its keyring secret; returns how many items were kept."""
        feed = self.get(url_or_id)
        ref = feeds_q.secret_ref(self._db, feed.id)
        with self._db.transaction() as conn:
            kept = feeds_q.remove_feed(conn, feed.id, self._clock.now())
        _forget_secret(ref)
        self._announce(Changes(feeds=True, items=True))
        return kept

    def set_paused(self, url_or_id: str, paused: bool) -> Feed:
        feed = self.get(url_or_id)
        with self._db.transaction() as conn:
            # Stored with the feed, in the language of the day, like a failed fetch's words.
            reason = _("Paused by you.") if paused else ""
            feeds_q.set_paused(conn, feed.id, paused, reason)
        self._announce(Changes(feeds=True))
        return self.get(str(feed.id))

    def rename(self, url_or_id: str, title: str) -> Feed:
        feed = self.get(url_or_id)
        with self._db.transaction() as conn:
            feeds_q.rename_feed(conn, feed.id, title.strip())
        self._announce(Changes(feeds=True, items=True))  # items show their feed's name
        return self.get(str(feed.id))

    def move(self, url_or_id: str, themes: list[str]) -> Feed:
        """Put a feed under exactly these themes."""
        feed = self.get(url_or_id)
        with self._db.transaction() as conn:
            ids, created = self._theme_ids(themes, conn)
            feeds_q.set_feed_themes(conn, feed.id, ids)
        self._announce(Changes(feeds=True, strategy=bool(created)))
        return self.get(str(feed.id))

    def _theme_ids(self, names: list[str], conn: sqlite3.Connection) -> tuple[list[int], list[str]]:
        """Ids for theme names, creating themes that do not exist yet (returned second)."""
        existing = {t.name.casefold(): t.id for t in themes_q.list_themes(self._db)}
        ids: list[int] = []
        created: list[str] = []
        for name in (n.strip() for n in names):
            if not name:
                continue
            if name.casefold() in existing:
                if existing[name.casefold()] not in ids:  # "AI" and "ai" are one theme
                    ids.append(existing[name.casefold()])
                continue
            new_id = themes_q.save_theme(conn, Theme(id=0, name=name), position=len(existing))
            existing[name.casefold()] = new_id
            ids.append(new_id)
            created.append(name)
        return ids, created

    # OPML ---------------------------------------------------------------------------

    def import_opml(self, path: Path) -> OpmlReport:
        """Subscribe to every feed in an OPML file; folders become themes; duplicates skipped."""
        from app.feeds.opml import parse_opml

        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise DigwellError(
                # Translators: {reason} is the system's reason, e.g. "No such file or directory".
                _("The file {path} cannot be read ({reason}).").format(
                    path=path, reason=err.strerror
                ),
                _("Check the path."),
            ) from err
        parsed = parse_opml(data)
        known = {f.url for f in feeds_q.list_feeds(self._db)}
        added: list[str] = []
        skipped = list(parsed.skipped)
        created: list[str] = []
        # Translators: why a feed of an OPML file was not added.
        subscribed = _("already subscribed")
        with self._db.transaction() as conn:
            for feed in parsed.feeds:
                if feed.url in known:
                    skipped.append((feed.url, subscribed))
                    continue
                feed_id = feeds_q.add_feed(conn, feed.url, feed.title, self._clock.now())
                ids, new = self._theme_ids(list(feed.themes), conn)
                created += new
                feeds_q.set_feed_themes(conn, feed_id, ids)
                known.add(feed.url)
                added.append(feed.url)
        self._announce(Changes(feeds=bool(added), strategy=bool(created)))
        return OpmlReport(added, skipped, created)

    def opml(self) -> bytes:
        """Every subscription as OPML 2.0 (themes as folders, never a secret)."""
        from app.feeds.opml import subscriptions_opml

        names = [t.name for t in themes_q.list_themes(self._db)]
        return subscriptions_opml(self.list_feeds(), names, self._clock.now())

    def export_opml(self, path: Path) -> int:
        """Write every subscription to `path` as OPML; returns the number of feeds."""
        data = self.opml()
        try:
            Path(path).write_bytes(data)
        except OSError as err:
            raise DigwellError(
                # Translators: {reason} is the system's reason, e.g. "Permission denied".
                _("The file {path} cannot be written ({reason}).").format(
                    path=path, reason=err.strerror
                ),
                _("Choose another path."),
            ) from err
        return self.count()

    # Refreshing ---------------------------------------------------------------------

    def refresh(
        self,
        *,
        force: bool = False,
        on_start: Callable[[int], None] | None = None,
        on_progress: Callable[[int, int, FeedOutcome], None] | None = None,
        timeouts: Timeouts | None = None,
        workers: int | None = None,
    ) -> RefreshReport:
        """Fetch every due feed (every unpaused one if `force`) and store what is new;
        `digwell refresh` runs this in its own process for the window. `timeouts`: by
        default DIGWELL_FETCH_TIMEOUTS's, else the fetcher's own (checked first);
        `workers`: parsing processes (default: one per core)."""
        from app.feeds.fetch import timeouts_from_env
        from app.feeds.refresh import refresh
        from app.strategy.scoring import current_scorer

        report = refresh(
            self._db,
            self._clock,
            current_scorer,  # new items are ranked by the scores' own strategy
            force=force,
            on_start=on_start,
            on_progress=on_progress,
            timeouts=timeouts or timeouts_from_env(),
            workers=workers,
        )
        self._announce(Changes(feeds=True, items=bool(report.added or report.updated)))
        return report


def _keep_secret(secret: FeedSecret | None) -> str | None:
    """Save a secret under a new keyring reference; None when there is no secret."""
    if secret is None:
        return None
    from app.credentials import new_ref, save_secret

    ref = new_ref()
    save_secret(ref, secret)
    return ref


def _forget_secret(ref: str | None) -> None:
    if not ref:
        return
    from app.credentials import delete_secret

    # The database no longer points at it; a stale entry would hold only the secret.
    with contextlib.suppress(DigwellError):
        delete_secret(ref)
