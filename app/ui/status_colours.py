"""The colours of a state that needs attention (an error, a warning, overdue), one shade
for light palettes and one for dark, each with 4.5:1 contrast against the text's
background (WCAG AA; tests/ui/test_contrast.py). A colour never carries a state alone:
the text beside it says it too ("overdue by 12 days", "(14 over)", the feed's error)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPalette

ERROR, WARNING = "error", "warning"
# (on a light background, on a dark one)
SHADES = {ERROR: ("#b3261e", "#ff8a80"), WARNING: ("#8a5a00", "#f2c063")}


def is_dark(palette: QPalette) -> bool:
    from PySide6.QtGui import QPalette

    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def status_hex(state: str, palette: QPalette) -> str:
    """ "#b3261e" for an error on a light palette."""
    return SHADES[state][is_dark(palette)]


def status_colour(state: str, palette: QPalette) -> QColor:
    from PySide6.QtGui import QColor

    return QColor(status_hex(state, palette))


def status_style(state: str, palette: QPalette) -> str:
    """A style sheet's text colour for `state`: "color: #b3261e;"."""
    return f"color: {status_hex(state, palette)};"
