"""What the heatmap (app/ui/views/heatmap.py) paints besides its cells: the shade of a
break day, a ring inside a cell, and the legend: '▬ weeks on target' and '▢ break' at the
left, 'Less ▢▢▢▢ More' at the right, under the grid.

`Qt` is imported inside the functions that paint (see app.ui.views.heatmap)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from app.ui.views.chart_paint import blend

BREAK_CAPTION = "break"
_RULE = 3  # as the heatmap's 'week on target' mark
# Where the accent has no hue (a grey highlight), breaks are amber.
_AMBER_HUE = 35 / 360


def break_colour(background: QColor, accent: QColor) -> QColor:
    """The shade of a break day: the hue opposite the accent's (which shades the posts),
    half-way from the background, so it reads apart from both in light and dark."""
    hue = accent.hsvHueF()
    opposite = _AMBER_HUE if hue < 0 or accent.hsvSaturationF() < 0.15 else (hue + 0.5) % 1.0
    return blend(background, QColor.fromHsvF(opposite, 0.62, 0.9), 0.55)


def ring(painter: QPainter, rect: QRectF, colour: QColor, width: float, radius: float) -> None:
    """An outline inside `rect` (the cell keeps its size); leaves the painter with no pen."""
    from PySide6.QtCore import Qt

    pen = QPen(colour)
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)


class Legend(NamedTuple):
    left: int  # the grid's left edge
    width: int  # the grid's width
    top: int
    swatch: int  # a swatch's side
    metrics: QFontMetrics
    muted: QColor  # the captions' colour
    rule: QColor  # the 'week on target' mark's colour
    fills: list[QColor]  # one per level, none to 3+
    target_caption: str
    break_fill: QColor | None  # shown only while break days are on the grid


def paint_legend(painter: QPainter, legend: Legend) -> None:
    """Paint `legend` with the painter's font."""
    from PySide6.QtCore import Qt

    swatch, metrics, top = legend.swatch, legend.metrics, legend.top
    height = metrics.height()
    middle = top + height / 2
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def caption(x: int, text: str) -> int:
        painter.setPen(legend.muted)
        width = metrics.horizontalAdvance(text)
        painter.drawText(QRect(x, top, width + 2, height), align, text)
        painter.setPen(Qt.PenStyle.NoPen)
        return x + width

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(legend.rule)
    painter.drawRoundedRect(QRectF(legend.left, middle - _RULE / 2, swatch, _RULE), 1.5, 1.5)
    x = caption(legend.left + swatch + 5, legend.target_caption)
    if legend.break_fill is not None:
        x += 14
        painter.setBrush(legend.break_fill)
        painter.drawRoundedRect(QRectF(x, middle - swatch / 2, swatch, swatch), 2, 2)
        caption(x + swatch + 5, BREAK_CAPTION)

    # 'Less ▢▢▢▢ More', right-aligned with the grid.
    step = swatch + 3
    less, more = metrics.horizontalAdvance("Less"), metrics.horizontalAdvance("More")
    x = legend.left + legend.width - (less + 6 + len(legend.fills) * step - 3 + 6 + more)
    caption(x, "Less")
    x += less + 6
    for fill in legend.fills:
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(x, middle - swatch / 2, swatch, swatch), 2, 2)
        x += step
    caption(x - 3 + 6, "More")
