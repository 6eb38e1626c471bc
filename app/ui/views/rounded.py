"""Rounded panels painted in palette colours, without a style sheet.

A style sheet anywhere makes Qt polish widgets through its style-sheet style (~15 M
instructions, ~2.5 ms of start-up, for the sidebar alone), and most QPainter calls that
take a colour make PySide6 build the whole `Qt` namespace (see app.ui.qt_values). So
panels are filled as paths with brushes taken from a palette: calls that avoid both.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette

ROLE = QPalette.ColorRole


def brush_of(red: int, green: int, blue: int) -> QBrush:
    """A brush of a fixed colour (QBrush(QColor) would build the `Qt` namespace)."""
    holder = QPalette()
    holder.setColor(ROLE.Window, QColor(red, green, blue))
    return holder.brush(ROLE.Window)


def rounded(rect: QRectF, radius: float) -> QPainterPath:
    """A rounded rectangle as a path."""
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


def paint_panel(
    painter: QPainter,
    rect: QRectF,
    radius: float,
    fill: QBrush | None,
    border: QBrush | None = None,
    width: float = 1.0,
) -> None:
    """A rounded rectangle filled with `fill` and edged `width` wide with `border`."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inner = rect.adjusted(width, width, -width, -width)
    if border is not None:
        ring = rounded(rect, radius)  # odd-even fill: the outer shape minus the inner one
        ring.addRoundedRect(inner, max(0.0, radius - width), max(0.0, radius - width))
        painter.fillPath(ring, border)
    if fill is not None:
        painter.fillPath(rounded(inner if border is not None else rect, radius), fill)
