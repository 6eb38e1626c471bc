"""What the user told Digwell about the platforms (planner.drafting.platforms): their
Mastodon server and its character limit, and the platform they last posted on."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from app.compose.platforms import DEFAULT_PLATFORM, PLATFORMS, platform
from app.errors import DigwellError
from app.i18n import _
from app.store import Database
from app.store import settings as settings_q
from app.types import Changes

MASTODON_LIMIT_KEY = "mastodon_limit"
MASTODON_INSTANCE_KEY = "mastodon_instance"
# New drafts are for the platform the user last posted on.
LAST_PLATFORM_KEY = "last_platform"
# The platforms the composer counts for, as the user last chose them.
COUNTED_PLATFORMS_KEY = "composer_platforms"
MASTODON_LIMIT_RANGE = (1, 100_000)


class PlatformSettings:
    """Per-platform settings kept in the database."""

    def __init__(self, db: Database, announce: Callable[[Changes], None]) -> None:
        self._db = db
        self._announce = announce

    def limit(self, platform_key: str) -> int:
        """The platform's limit; Mastodon's is the user's server's (a setting)."""
        limit = platform(platform_key).limit
        if platform_key == "mastodon":
            value = settings_q.get_setting(self._db, MASTODON_LIMIT_KEY, limit)
            if isinstance(value, int) and value > 0:
                limit = value
        return limit

    def mastodon_instance(self) -> str:
        value = settings_q.get_setting(self._db, MASTODON_INSTANCE_KEY, "")
        return value if isinstance(value, str) else ""

    def set_mastodon(self, instance: str, limit: int | None = None) -> None:
        """The user's Mastodon server (for its compose page) and its character limit."""
        from app.compose.platforms import normalise_instance

        host = normalise_instance(instance)
        low, high = MASTODON_LIMIT_RANGE
        if limit is not None and not low <= limit <= high:
            raise DigwellError(
                _("{limit} cannot be a character limit.").format(limit=limit),
                _("Use a number such as 500."),
            )
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, MASTODON_INSTANCE_KEY, host)
            if limit is not None:
                settings_q.set_setting(conn, MASTODON_LIMIT_KEY, int(limit))
        self._announce(Changes(settings=True))

    def compose_link(self, platform_key: str, text: str) -> str:
        """The platform's compose page with the text filled in where it allows that."""
        from app.compose.platforms import compose_link

        return compose_link(platform_key, text, self.mastodon_instance())

    def last_platform(self) -> str:
        """The platform the user last marked a post on (new drafts are for it)."""
        value = settings_q.get_setting(self._db, LAST_PLATFORM_KEY, DEFAULT_PLATFORM)
        return value if value in PLATFORMS else DEFAULT_PLATFORM

    def counted(self) -> list[str] | None:
        """The platforms the composer counts for, None until the user chose."""
        value = settings_q.get_setting(self._db, COUNTED_PLATFORMS_KEY, None)
        if not isinstance(value, list):
            return None
        return [key for key in value if key in PLATFORMS]

    def set_counted(self, keys: list[str]) -> None:
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, COUNTED_PLATFORMS_KEY, [str(k) for k in keys])

    @staticmethod
    def remember_last(conn: sqlite3.Connection, platform_key: str) -> None:
        """Within the caller's transaction: this platform was just posted on."""
        settings_q.set_setting(conn, LAST_PLATFORM_KEY, platform_key)
