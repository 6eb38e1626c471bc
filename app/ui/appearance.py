"""View › Appearance: follow the system's light or dark (the default), or force one.

The choice is kept as a preference (planner.strategy.appearance, "system", "light" or
"dark") and applied at start-up before the first paint (app.ui.app.apply_appearance):
with the default this module is not even imported, so start-up pays one settings read.

Forcing asks the platform first (QStyleHints.setColorScheme, Qt 6.8+: Windows, macOS and
desktops with a colour-scheme portal honour it). Where the platform ignores the request
(X11 without one, offscreen), Digwell sets a light or dark palette of its own; "System"
takes it back, so the platform's palette and its changes show again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QPalette
    from PySide6.QtWidgets import QMenu

# The main window (app.ui.main_window.MainWindow): naming its class here, even for type
# checkers only, would be an import loop (its menus build the Appearance submenu).
MainWindow = Any

SYSTEM, LIGHT, DARK = "system", "light", "dark"
# The menu's entries: the stored value and its text.
CHOICES = ((SYSTEM, N_("&System")), (LIGHT, N_("&Light")), (DARK, N_("&Dark")))
ACTION_PREFIX = "appearance_"  # each action's objectName: appearance_system…
# Colours by palette role (r, g, b), after Fusion's; the disabled group greys the text.
DARK_COLOURS = {
    "Window": (45, 45, 48),
    "WindowText": (230, 230, 230),
    "Base": (30, 30, 32),
    "AlternateBase": (40, 40, 44),
    "Text": (230, 230, 230),
    "Button": (53, 53, 57),
    "ButtonText": (230, 230, 230),
    "BrightText": (255, 99, 99),
    "Light": (80, 80, 86),
    "Midlight": (66, 66, 70),
    "Mid": (40, 40, 42),
    "Dark": (25, 25, 26),
    "Shadow": (10, 10, 10),
    "Highlight": (42, 110, 170),
    "HighlightedText": (255, 255, 255),
    "Link": (110, 180, 255),
    "LinkVisited": (190, 150, 255),
    "ToolTipBase": (60, 60, 64),
    "ToolTipText": (230, 230, 230),
    "PlaceholderText": (150, 150, 155),
}
DARK_DISABLED = (125, 125, 130)  # text, window text and button text when disabled


def apply(choice: str) -> None:
    """Make the application `choice` ("system", "light" or "dark") from now on."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

    schemes = {LIGHT: Qt.ColorScheme.Light, DARK: Qt.ColorScheme.Dark}
    wanted = schemes.get(choice, Qt.ColorScheme.Unknown)
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(wanted)  # Unknown: follow the platform again
    if choice == SYSTEM or hints.colorScheme() == wanted:
        QApplication.setPalette(QPalette())  # the platform's (drops one set below)
        return
    style = QApplication.style()
    QApplication.setPalette(dark_palette() if choice == DARK else style.standardPalette())


def dark_palette() -> QPalette:
    """A dark palette for platforms that do not give one."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for name, rgb in DARK_COLOURS.items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(*rgb))
    grey = QColor(*DARK_DISABLED)
    for role in ("Text", "WindowText", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), grey)
    return palette


def add_appearance_menu(window: MainWindow, view: QMenu) -> None:
    """View › Appearance: System, Light, Dark, one checked (the remembered choice)."""
    from app.ui.choice_menu import add_choices

    add_choices(
        window,
        view.addMenu(_("&Appearance")),
        [(choice, _(text)) for choice, text in CHOICES],
        window.planner.strategy.appearance(),
        ACTION_PREFIX,
        lambda choice: choose(window, choice),
    )


def appearance_actions(window: MainWindow) -> dict[str, QAction]:
    """The View › Appearance actions by choice (once the menus are filled)."""
    from PySide6.QtGui import QAction

    found = {a.objectName(): a for a in window.findChildren(QAction)}
    return {choice: found[ACTION_PREFIX + choice] for choice, _text in CHOICES}


def choose(window: MainWindow, choice: str) -> None:
    """A choice from the menu: remembered, then applied."""
    window.planner.strategy.set_appearance(choice)
    apply(choice)
