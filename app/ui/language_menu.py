"""View › Language: follow the system (the default), or speak English or German whatever
the system speaks (docs/TRANSLATION.md). The choice is kept with the data folder's
settings (planner.strategy.language) and takes effect at the next start: the window's
words are chosen when it is built."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.i18n import N_, _
from app.i18n.translate import language as current_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

MainWindow = Any  # app.ui.main_window.MainWindow (naming it would be an import loop)

SYSTEM = "system"
# Each language in its own words, as language menus do: a reader of either finds theirs.
CHOICES = ((SYSTEM, N_("Follow the &system")), ("en", "&English"), ("de", "&Deutsch"))
ACTION_PREFIX = "language_"


def add_language_menu(window: MainWindow, view: QMenu) -> None:
    """View › Language: one entry a choice, the remembered one checked."""
    from app.ui.choice_menu import add_choices

    add_choices(
        window,
        view.addMenu(_("&Language")),
        [(choice, _(text) if choice == SYSTEM else text) for choice, text in CHOICES],
        window.planner.strategy.language(),
        ACTION_PREFIX,
        lambda choice: choose(window, choice),
    )


def choose(window: MainWindow, choice: str) -> None:
    """Remember the choice and say when it shows."""
    window.planner.strategy.set_language(choice)
    if choice in (SYSTEM, current_language()):
        message = _("Language saved: it applies from Digwell's next start.")
    else:
        message = _("Digwell will speak {language} from its next start.").format(
            language=dict(CHOICES)[choice].replace("&", "")
        )
    window.statusBar().showMessage(message, 8000)
