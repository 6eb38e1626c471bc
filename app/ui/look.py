"""Type and tone for labels, set in code (cheaper at start-up than a global style sheet)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.qt_values import PLAIN_TEXT


def heading(label: QLabel, scale: float) -> QLabel:
    """A semi-bold heading `scale` times the normal font size."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def quiet(widget: QWidget) -> QWidget:
    """Secondary text: the palette's placeholder colour, readable in light and dark."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget


def plain_label(name: str) -> QLabel:
    """A word-wrapped label named `name` that shows its text as it is, never as markup
    (the text may come from a feed)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("textFormat", PLAIN_TEXT)  # an int: leaves `Qt` unbuilt (qt_values)
    return label
