"""Horizontal share bars, one row per theme or platform, with an optional target tick.

`Qt` is imported inside the methods that paint or handle input (see app.ui.views.heatmap)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.cadence.score import score_percent as percent
from app.i18n import N_, _, formats
from app.ui.views.chart_paint import blend, chart_colours, small_font
from app.ui.views.chart_words import bars_summary
from app.ui.views.item_delegate import elide_right

if TYPE_CHECKING:
    from PySide6.QtGui import QHelpEvent, QPaintEvent

ROW_HEIGHT = 26
_PAD_Y = 4
_TRACK = 8  # the bar's thickness
_GAP = 12
_MIN_TRACK = 60
ACCESSIBLE_NAME = N_("Share of posts")  # the page may name it better with setAccessibleName


class Bar(NamedTuple):
    """One row: a share (0..1) of the posts, against an optional target share."""

    label: str
    color: str = ""  # '#rrggbb'; empty means the palette's highlight
    value: float = 0.0
    target: float | None = None
    detail: str = ""  # right-aligned and quiet, e.g. '4 posts · last 2 weeks ago'


class _Columns(NamedTuple):
    label: int  # width of the label column, from x = 0
    track_left: int
    track_right: int
    percent_left: int
    detail_left: int  # the detail column ends at the widget's right edge


class ShareBars(QWidget):
    """A bar per entry: the label, the share with its target tick, the percent and a detail."""

    Bar = Bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._bars: list[Bar] = []
        self._empty_text = ""
        self.setAccessibleName(_(ACCESSIBLE_NAME))

    def set_bars(self, bars: Sequence[Bar], empty_text: str = "") -> None:
        """Show one row per bar; `empty_text` shows, muted and centred, when there are none."""
        self._bars = list(bars)
        self._empty_text = empty_text
        # The bars' numbers live in paint and tooltips: a screen reader gets them all here.
        summary = bars_summary((bar.label, bar.value) for bar in self._bars)
        self.setAccessibleDescription(summary or empty_text)
        self.updateGeometry()  # the height follows the number of rows
        self.update()

    def bars(self) -> list[Bar]:
        """The rows shown, top to bottom."""
        return list(self._bars)

    # -- geometry ----------------------------------------------------------------------

    def _fonts(self) -> tuple[QFontMetrics, QFont, QFontMetrics]:
        small = small_font(self.font())
        return self.fontMetrics(), small, QFontMetrics(small)

    def _columns(self) -> _Columns:
        metrics, __, small_metrics = self._fonts()
        width = self.width()
        widest_label = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        label = min(widest_label, max(80, int(width * 0.28)))
        widest_detail = max(
            (small_metrics.horizontalAdvance(b.detail) for b in self._bars), default=0
        )
        percent_width = small_metrics.horizontalAdvance(formats.percent(100))
        for detail in (min(widest_detail, int(width * 0.34)), 0):
            detail_left = width - detail
            percent_left = detail_left - (_GAP if detail else 0) - percent_width
            if percent_left - 10 - (label + _GAP) >= _MIN_TRACK:
                break  # else narrow: the bar matters more than the detail, still in the tooltip
        return _Columns(label, label + _GAP, percent_left - 10, percent_left, detail_left)

    def row_rect(self, row: int) -> QRect:
        """The strip row `row` is painted in."""
        return QRect(0, _PAD_Y + row * ROW_HEIGHT, self.width(), ROW_HEIGHT)

    def track_rect(self, row: int) -> QRect | None:
        """Where row `row`'s track (the bar at 100%) is painted; None for no such row."""
        if not 0 <= row < len(self._bars):
            return None
        columns = self._columns()
        middle = self.row_rect(row).center().y()
        width = max(0, columns.track_right - columns.track_left)
        return QRect(columns.track_left, middle - _TRACK // 2 + 1, width, _TRACK)

    def row_at(self, pos: QPoint) -> int | None:
        """The row under `pos`, or None."""
        if not 0 <= pos.x() < self.width() or pos.y() < _PAD_Y:
            return None
        row = (pos.y() - _PAD_Y) // ROW_HEIGHT
        return row if row < len(self._bars) else None

    def sizeHint(self) -> QSize:
        return QSize(420, 2 * _PAD_Y + max(len(self._bars), 2) * ROW_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 2 * _PAD_Y + max(len(self._bars), 2) * ROW_HEIGHT)

    # -- wording -----------------------------------------------------------------------

    def tooltip_for(self, row: int) -> str:
        """'Platform engineering: 42% (target 50%) — 4 posts · last 2 weeks ago'."""
        if not 0 <= row < len(self._bars):
            return ""
        bar = self._bars[row]
        share = formats.percent(percent(bar.value))
        if bar.target is not None:
            target = formats.percent(percent(bar.target))
            # Translators: {label} is a theme or platform, {share} and {target} percentages.
            text = _("{label}: {share} (target {target})").format(
                label=bar.label, share=share, target=target
            )
        else:
            text = _("{label}: {share}").format(label=bar.label, share=share)
        return f"{text} — {bar.detail}" if bar.detail else text

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip for the row under `pos`, or ''."""
        row = self.row_at(pos)
        return "" if row is None else self.tooltip_for(row)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtCore import Qt

        background, text, accent, muted = chart_colours(self)
        metrics, small, small_metrics = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

        if not self._bars:
            painter.setFont(small)
            painter.setPen(muted)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(16, 4, -16, -4), flags, self._empty_text)
            painter.end()
            return

        columns = self._columns()
        percent_width = small_metrics.horizontalAdvance(formats.percent(100))
        track_colour = blend(background, text, 0.09)
        tick_colour = blend(background, text, 0.7)
        for row, bar in enumerate(self._bars):
            strip = self.row_rect(row)
            painter.setFont(self.font())
            painter.setPen(text)
            label = elide_right(bar.label, metrics, columns.label)
            painter.drawText(QRect(0, strip.top(), columns.label, strip.height()), left, label)

            track = self.track_rect(row)
            if track is None or track.width() <= 0:
                continue
            radius = _TRACK / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track_colour)
            painter.drawRoundedRect(QRectF(track), radius, radius)
            share = min(1.0, max(0.0, bar.value))
            if share > 0:
                colour = QColor(bar.color) if bar.color else QColor()
                painter.setBrush(colour if colour.isValid() else accent)
                # Never thinner than the track is tall, so a small share still shows.
                width = max(float(_TRACK), share * track.width())
                filled = QRectF(track.left(), track.top(), width, track.height())
                painter.drawRoundedRect(filled, radius, radius)
            if bar.target is not None:
                self._paint_target(painter, track, bar.target, tick_colour)

            painter.setFont(small)
            painter.setPen(text)
            percent_box = QRect(columns.percent_left, strip.top(), percent_width, strip.height())
            painter.drawText(percent_box, right, formats.percent(percent(bar.value)))
            if bar.detail and columns.detail_left < self.width():
                painter.setPen(muted)
                detail_width = self.width() - columns.detail_left
                detail = elide_right(bar.detail, small_metrics, detail_width)
                box = QRect(columns.detail_left, strip.top(), detail_width, strip.height())
                painter.drawText(box, right, detail)
        painter.end()

    @staticmethod
    def _paint_target(painter: QPainter, track: QRect, target: float, colour: QColor) -> None:
        """A thin tick across the track with a small triangle above it pointing down."""
        from PySide6.QtCore import Qt

        x = round(track.left() + min(1.0, max(0.0, target)) * track.width())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(x - 1, track.top() - 3, 2, track.height() + 6))
        tip = track.top() - 3
        painter.drawPolygon(
            QPolygonF([QPointF(x - 4, tip - 5), QPointF(x + 4, tip - 5), QPointF(x, tip)])
        )

    # -- input -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            row = self.row_at(help_event.pos())
            if row is None:
                QToolTip.hideText()
                event.ignore()
            else:
                text = self.tooltip_for(row)
                QToolTip.showText(help_event.globalPos(), text, self, self.row_rect(row))
            return True
        return super().event(event)
