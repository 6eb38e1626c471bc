"""What the Cadence page's custom-painted charts share: colours taken from the widget's
palette (so they read in light and dark themes) and the label font."""

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


def small_font(font: QFont) -> QFont:
    """The charts' label font: a little smaller than `font`, never below 7 pt."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    return small


class ChartColours(NamedTuple):
    background: QColor
    text: QColor
    accent: QColor  # the palette's highlight
    muted: QColor  # labels that should not compete with the data


def chart_colours(widget: QWidget) -> ChartColours:
    """The widget's background, text and highlight colours, and a muted text colour."""
    palette = widget.palette()
    background = palette.color(widget.backgroundRole())
    text = palette.color(widget.foregroundRole())
    accent = palette.color(QPalette.ColorRole.Highlight)
    return ChartColours(background, text, accent, blend(background, text, 0.55))
