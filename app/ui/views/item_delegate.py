"""Paints an inbox row: the title (bold while unread), 'source · when' and its marks in a
quieter tone, then why it ranks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QStaticText
from PySide6.QtWidgets import QStyledItemDelegate

from app.i18n import _
from app.ui.models.inbox_model import (
    HasDraftRole,
    PublishedRole,
    ReadRole,
    ReasonRole,
    SharedRole,
    SourceRole,
    StarredRole,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QBrush, QPainter
    from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

_PAD_X = 12
_PAD_Y = 8
_GAP = 3


class ItemDelegate(QStyledItemDelegate):
    """Two lines per item; `when` turns a datetime into '3 days ago'."""

    def __init__(self, when: Callable[[datetime | None], str], view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._when = when
        self._font_cache: dict[str, tuple[QFont, QFontMetrics, QFont, QFontMetrics]] = {}
        self._read_cache: dict[str, tuple[QFont, QFontMetrics]] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the text is painted by `paint`, in two styles

    def _fonts(
        self, option: QStyleOptionViewItem
    ) -> tuple[QFont, QFontMetrics, QFont, QFontMetrics]:
        """Title and meta fonts with their metrics, made once per base font (paint is hot)."""
        key = option.font.key()
        if key not in self._font_cache:
            title = QFont(option.font)
            title.setWeight(QFont.Weight.DemiBold)
            meta = QFont(option.font)
            meta.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
            self._font_cache[key] = (title, QFontMetrics(title), meta, QFontMetrics(meta))
        return self._font_cache[key]

    def _read_font(self, option: QStyleOptionViewItem) -> tuple[QFont, QFontMetrics]:
        key = "read:" + option.font.key()
        if key not in self._read_cache:
            font = QFont(option.font)
            self._read_cache[key] = (font, QFontMetrics(font))
        return self._read_cache[key]

    @staticmethod
    def row_height(font: QFont) -> int:
        """A row's height for the view's font (the same as sizeHint's)."""
        title = QFont(font)
        title.setWeight(QFont.Weight.DemiBold)
        meta = QFont(font)
        meta.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        height = 2 * QFontMetrics(title).height() + 2 * QFontMetrics(meta).height()
        return height + 2 * _PAD_Y + 3 * _GAP

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        _title, title_metrics, _meta, meta_metrics = self._fonts(option)
        height = 2 * title_metrics.height() + 2 * meta_metrics.height()
        return QSize(200, height + 2 * _PAD_Y + 3 * _GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)  # background, selection, focus; no text
        # Asked of the view rather than option.state, which needs QStyle's enums loaded.
        selected = self._view.selectionModel().isSelected(index)
        roles = QPalette.ColorRole
        group = QPalette.ColorGroup.Active
        title_brush = option.palette.brush(group, roles.HighlightedText if selected else roles.Text)
        meta_brush = title_brush if selected else option.palette.brush(group, roles.PlaceholderText)

        title_font, title_metrics, meta_font, meta_metrics = self._fonts(option)
        if index.data(ReadRole):  # unread titles stand out in bold
            title_font, title_metrics = self._read_font(option)
        rect = option.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        title = self._elide_two_lines(str(index.data() or ""), title_metrics, rect.width())
        parts = [index.data(SourceRole), self._when(index.data(PublishedRole))]
        if index.data(StarredRole):
            parts.insert(0, "★")
        if index.data(HasDraftRole):
            parts.append(_("✎ drafted"))
        if index.data(SharedRole):
            # Translators: {when} is how long ago the item was shared ("3 days ago").
            parts.append(_("✓ shared {when}").format(when=self._when(index.data(SharedRole))))
        meta = elide_right(" · ".join(p for p in parts if p), meta_metrics, rect.width())
        reason = elide_right(str(index.data(ReasonRole) or ""), meta_metrics, rect.width())

        y = rect.top()
        for line in title.split("\n"):
            draw_line(painter, line, title_font, title_brush, QPointF(rect.left(), y))
            y += title_metrics.height()
        y += _GAP
        draw_line(painter, meta, meta_font, meta_brush, QPointF(rect.left(), y))
        if reason:  # in the quiet tone: a theme's colour would need a QBrush made from a
            # QColor, whose overloads build the whole `Qt` namespace at first paint
            y += meta_metrics.height() + _GAP
            draw_line(painter, reason, meta_font, meta_brush, QPointF(rect.left(), y))

    @staticmethod
    def _elide_two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
        if metrics.horizontalAdvance(text) <= width:
            return text
        words = text.split()
        first = ""
        while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
            first = (first + " " + words.pop(0)).strip()
        rest = elide_right(" ".join(words), metrics, width)
        return f"{first}\n{rest}" if first else rest


def draw_line(painter: QPainter, text: str, font: QFont, brush: QBrush, at: QPointF) -> None:
    """One line of text in `brush`'s colour, its top left at `at`. As rich text in a
    QStaticText: QPainter.setPen would make PySide6 build the whole `Qt` namespace, and a
    QTextCharFormat loads QTextFormat's enums (~15 M instructions of start-up; see
    app.ui.qt_values). Made once per text, colour and font: rows repaint as they scroll."""
    colour = brush.color()
    key = (text, colour.rgba(), font.key())
    static = _LINES.get(key)
    if static is None:
        if len(_LINES) >= _LINES_KEPT:
            _LINES.clear()
        css = f"rgba({colour.red()},{colour.green()},{colour.blue()},{colour.alpha()})"
        static = QStaticText(f'<span style="white-space:pre;color:{css}">{_escaped(text)}</span>')
        static.setTextWidth(_NO_WRAP)
        _LINES[key] = static
    painter.setFont(font)
    painter.drawStaticText(at, static)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_LINES: dict[tuple[str, int, str], QStaticText] = {}
_LINES_KEPT = 4096  # lines laid out and kept: several screens of rows
_NO_WRAP = 1e6  # a width no line reaches: rich text would otherwise wrap


def elide_right(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` cut to fit `width` with an ellipsis, as `QFontMetrics.elidedText` with
    `Qt.TextElideMode.ElideRight` does, without touching `Qt` (see app.ui.qt_values)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits, found by bisection
    while low < high:
        mid = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[:mid].rstrip() + "…") <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…" if low else ""
