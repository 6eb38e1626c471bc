"""The strategy service (planner.strategy): the career strategy as saved, its themes and
targets, saved whole and announced (docs/ARCHITECTURE.md); and the window's appearance.

The appearance (light, dark or the system's) is a window preference, not strategy: it
lives here because this service is loaded before the first paint, which must know it
(bench/README.md, "startup"); the cadence service, home of the tray preferences, costs
~7 ms more to import."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import _
from app.store import Database
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.types import Changes, Profile, Theme

if TYPE_CHECKING:  # the first paint lists the themes only: the rest is loaded when used
    from app.strategy.editing import StrategyEdit
    from app.strategy.strategy import Strategy

Announce = Callable[[Changes], None]
APPEARANCE_KEY = "appearance"
# Follow the platform's light or dark (the default), or force one.
APPEARANCES = ("system", "light", "dark")
# The window's language: "system" (the environment's, else the system's) or one Digwell has.
LANGUAGE_KEY = "language"


class StrategyService:
    """Reads and saves the strategy; saving announces it, so the inbox ranks again."""

    def __init__(self, db: Database, announce: Announce) -> None:
        self._db = db
        self._announce = announce

    def load(self) -> Strategy:
        """The whole career strategy: profile, themes, targets (see app.strategy)."""
        from app.strategy.stored import load_strategy

        return load_strategy(self._db)

    def edit(self) -> StrategyEdit:
        """The strategy as saved, ready to edit with undo; save its strategy() with save()."""
        from app.strategy.editing import StrategyEdit

        return StrategyEdit(self.load())

    def save(self, strategy: Strategy) -> int:
        """Validate and save the strategy in one transaction; returns its new version.
        Raises StrategyError (a DigwellError) naming the wrong field."""
        from app.strategy.stored import save_strategy
        from app.strategy.strategy import validate

        validate(strategy)  # before the write lock: a typo never blocks a refresh
        with self._db.transaction() as conn:
            version = save_strategy(conn, strategy)
        self._announce(Changes(strategy=True))
        return version

    def version(self) -> int:
        """How many times the strategy was saved; 0 when never."""
        from app.strategy.stored import strategy_version

        return strategy_version(self._db)

    def profile(self) -> Profile:
        from app.strategy.stored import load_profile

        return load_profile(self._db)

    def themes(self) -> list[Theme]:
        return themes_q.list_themes(self._db)

    def theme_names(self) -> list[tuple[int, str]]:
        """(id, name) of each theme in order; cheaper than themes() (the inbox's list)."""
        return themes_q.theme_names(self._db)

    def theme_hashtags(self, theme_id: int | None) -> list[str]:
        """The theme's hashtags, each with its '#'."""
        theme = next((t for t in self.themes() if t.id == theme_id), None)
        tags = [t.strip().replace(" ", "") for t in theme.hashtags] if theme else []
        return [t if t.startswith("#") else f"#{t}" for t in tags if t.strip("#")]

    def weekly_target(self) -> int:
        from app.strategy.stored import load_weekly_target

        return load_weekly_target(self._db)

    def appearance(self) -> str:
        """The window's look: "system", "light" or "dark"; "system" until chosen."""
        value = settings_q.get_setting(self._db, APPEARANCE_KEY, APPEARANCES[0])
        return value if isinstance(value, str) and value in APPEARANCES else APPEARANCES[0]

    def language(self) -> str:
        """The window's language: "system" until one is chosen, else "en" or "de"."""
        from app.i18n.translate import languages

        value = settings_q.get_setting(self._db, LANGUAGE_KEY, "system")
        return value if isinstance(value, str) and value in languages() else "system"

    def set_language(self, language: str) -> None:
        """Remember the window's language ("system" to follow the system again)."""
        from app.i18n.translate import languages

        if language != "system" and language not in languages():
            raise DigwellError(
                _("Digwell does not speak “{language}”.").format(language=language),
                _("Choose one of: {languages}.").format(languages=", ".join(languages())),
            )
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, LANGUAGE_KEY, language)
        self._announce(Changes(settings=True))

    def set_appearance(self, appearance: str) -> None:
        """Remember the window's appearance; anything but APPEARANCES is refused."""
        if appearance not in APPEARANCES:
            raise DigwellError(
                # Translators: {appearance} is what was asked for; system, light and dark
                # are the values `digwell` accepts: keep them as they are.
                _("“{appearance}” is not an appearance.").format(appearance=appearance),
                _("Choose system, light or dark."),
            )
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, APPEARANCE_KEY, appearance)
        self._announce(Changes(settings=True))
