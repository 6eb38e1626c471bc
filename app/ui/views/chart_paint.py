"""What the Cadence page's custom-painted charts share: colours taken from the widget's
palette (so they read in light and dark themes), made legible against it (WCAG AA:
4.5:1 for text, 3:1 for marks), and the label font."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved `t` of the way towards `b`: 0 gives `a`, 1 gives `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


# WCAG 2.1 AA: text needs 4.5:1 against what is behind it; marks that carry meaning
# (a line, a bar, a cell with posts, a focus ring) need 3:1 (success criterion 1.4.11).
TEXT_CONTRAST = 4.5
MARK_CONTRAST = 3.0


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.redF(), colour.greenF(), colour.blueF()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible(colour: QColor, background: QColor, minimum: float) -> QColor:
    """`colour`, or the nearest shade of it (towards black on a light background, towards
    white on a dark one) that has `minimum` contrast against `background`."""
    if contrast(colour, background) >= minimum:
        return colour
    minimum += 0.05  # so the shade still passes once painted in 8-bit channels
    towards = QColor.fromRgbF(0, 0, 0) if luminance(background) > 0.18 else QColor.fromRgbF(1, 1, 1)
    low, high = 0.0, 1.0
    for _step in range(16):  # bisection: 1/65536 of the way is finer than a colour step
        middle = (low + high) / 2
        if contrast(blend(colour, towards, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    return blend(colour, towards, high)


def small_font(font: QFont) -> QFont:
    """The charts' label font: a little smaller than `font`, never below 7 pt."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    return small


class ChartColours(NamedTuple):
    background: QColor
    text: QColor
    accent: QColor  # the palette's highlight, with 3:1 against the background
    muted: QColor  # labels that should not compete with the data, still 4.5:1


def chart_colours(widget: QWidget) -> ChartColours:
    """The widget's background, text and highlight colours, and a muted text colour, each
    legible against the background whatever palette the platform gives."""
    palette = widget.palette()
    background = palette.color(widget.backgroundRole())
    text = legible(palette.color(widget.foregroundRole()), background, TEXT_CONTRAST)
    accent = legible(palette.color(QPalette.ColorRole.Highlight), background, MARK_CONTRAST)
    muted = legible(blend(background, text, 0.55), background, TEXT_CONTRAST)
    return ChartColours(background, text, accent, muted)
