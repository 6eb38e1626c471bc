"""The presence score over the last months: a calm line with a soft fill and the latest value.

`Qt` is imported inside the methods that paint or handle input (see app.ui.views.heatmap)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.cadence.score import score_percent as percent
from app.i18n import N_, _, formats, ngettext
from app.ui.views.chart_paint import blend, chart_colours, small_font
from app.ui.views.chart_words import score_summary

if TYPE_CHECKING:
    from PySide6.QtGui import QHelpEvent, QMouseEvent, QPaintEvent

EMPTY_TEXT = N_("Your presence score appears here once you log your first post.")
_GRID_LEVELS = (0.25, 0.5, 0.75, 1.0)
_DOT = 4.0


def accessible_name(days: int) -> str:
    """'Presence score, last 180 days'."""
    return ngettext(
        "Presence score, last {days} day", "Presence score, last {days} days", days
    ).format(days=formats.number(days))


class ScoreChart(QWidget):
    """The score (0..1) for each of the last `days` days, ending today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)  # a marker follows the pointer
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._dates: list[date] = []
        self._values: list[float] = []
        self._today: date | None = None
        self._first: date | None = None
        self._days = 180
        self._hover: date | None = None
        # A screen reader reads the numbers the line shows: name and summary.
        self.setAccessibleName(accessible_name(self._days))
        self.setAccessibleDescription(_(EMPTY_TEXT))

    def set_series(
        self, points: Sequence[tuple[date, float]], today: date, days: int = 180
    ) -> None:
        """Show `points` (date, score 0..1) for the `days` days that end with `today`."""
        self._today = today
        self._days = max(2, days)
        self._first = first = today - timedelta(days=self._days - 1)
        series = sorted((d, v) for d, v in points if first <= d <= today)
        self._dates = [d for d, __ in series]
        self._values = [min(1.0, max(0.0, v)) for __, v in series]
        self._hover = None
        self.setAccessibleName(accessible_name(self._days))
        summary = score_summary(list(zip(self._dates, self._values, strict=True)))
        self.setAccessibleDescription(summary or _(EMPTY_TEXT))
        self.update()

    def first_day(self) -> date | None:
        """The day at the left edge of the plot; None before `set_series`."""
        return self._first

    def is_empty(self) -> bool:
        """Whether there is nothing to draw, so the empty-state sentence shows."""
        return not self._dates

    # -- geometry ----------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFontMetrics]:
        font = small_font(self.font())
        return font, QFontMetrics(font)

    def plot_rect(self) -> QRect:
        """The area the line is drawn in: 0% at its bottom edge, 100% at its top."""
        __, metrics = self._fonts()
        label = metrics.horizontalAdvance(formats.percent(100))
        left, right = label + 10, self._end_label_width() + 14
        top, bottom = metrics.height() // 2 + 6, metrics.height() + 10
        return QRect(left, top, self.width() - left - right, self.height() - top - bottom)

    def _end_label_width(self) -> int:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        return QFontMetrics(font).horizontalAdvance(formats.percent(100))

    def _step(self, plot: QRect) -> float:
        return (plot.width() - 1) / (self._days - 1)

    def _x(self, index: int, plot: QRect) -> float:
        # Multiplied before dividing, so the last day lands exactly on plot.right().
        return plot.left() + (plot.width() - 1) * index / (self._days - 1)

    def x_for(self, day: date) -> float | None:
        """The x of `day` on the plot; None outside the shown days."""
        if self._today is None or self._first is None or not self._first <= day <= self._today:
            return None
        return self._x((day - self._first).days, self.plot_rect())

    def _y_for(self, value: float, plot: QRect) -> float:
        return plot.top() + (1.0 - value) * (plot.height() - 1)

    def value_at(self, x: int) -> tuple[date, float] | None:
        """The point nearest the day under `x`; None left of the plot or of the first point.

        Right of the plot (where the latest value is labelled) counts as today."""
        if not self._dates or self._first is None:
            return None
        plot = self.plot_rect()
        index = min(round((x - plot.left()) / self._step(plot)), self._days - 1)
        if index < 0:
            return None
        day = self._first + timedelta(days=index)
        if day < self._dates[0]:
            return None
        at = bisect_left(self._dates, day)  # the first point on or after `day`
        # Past the last point, or between two with the earlier as near: take the earlier.
        # (at > 0 then, since `day` is after the first point.)
        if at == len(self._dates) or (
            self._dates[at] != day and day - self._dates[at - 1] <= self._dates[at] - day
        ):
            at -= 1
        return self._dates[at], self._values[at]

    def tooltip_at(self, pos: QPoint) -> str:
        """'3 Mar 2026: 64%' for the point nearest `pos`, or ''."""
        found = self.value_at(pos.x())
        if found is None:
            return ""
        day, value = found
        # Translators: a day and the presence score on it: "3 Mar 2026: 64%".
        return _("{date}: {score}").format(
            date=formats.day_month_year(day), score=formats.percent(percent(value))
        )

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtCore import Qt

        background, text, accent, muted = chart_colours(self)
        font, metrics = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        if self._today is None or self._first is None or not self._dates:
            painter.setPen(muted)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(16, 8, -16, -8), flags, _(EMPTY_TEXT))
            painter.end()
            return
        plot = self.plot_rect()
        first = self._first
        self._paint_axes(painter, plot, (first, self._today), metrics, background, text, muted)
        points = [
            QPointF(self._x((d - first).days, plot), self._y_for(v, plot))
            for d, v in zip(self._dates, self._values, strict=True)
        ]
        self._paint_line(painter, points, plot, accent)
        if self._hover is not None and self._hover in self._dates:
            at = self._dates.index(self._hover)
            painter.setPen(QPen(blend(background, text, 0.3), 1.0))
            x = points[at].x()
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            self._dot(painter, points[at], accent, background, _DOT - 0.5)
        self._paint_latest(painter, points[-1], accent, background, text)
        painter.end()

    @staticmethod
    def _paint_line(painter: QPainter, points: list[QPointF], plot: QRectF, accent: QColor) -> None:
        """The score line over a fill fading towards the axis."""
        from PySide6.QtCore import Qt

        line = QPainterPath(points[0])
        for point in points[1:]:
            line.lineTo(point)
        area = QPainterPath(line)
        area.lineTo(points[-1].x(), plot.bottom())
        area.lineTo(points[0].x(), plot.bottom())
        area.closeSubpath()
        fade = QLinearGradient(0, plot.top(), 0, plot.bottom())
        top_colour, bottom_colour = QColor(accent), QColor(accent)
        top_colour.setAlphaF(0.26)
        bottom_colour.setAlphaF(0.03)
        fade.setColorAt(0, top_colour)
        fade.setColorAt(1, bottom_colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fade)
        painter.drawPath(area)
        pen = QPen(accent, 2.0)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(line)

    def _paint_latest(
        self, painter: QPainter, last: QPointF, accent: QColor, background: QColor, text: QColor
    ) -> None:
        """A dot on the latest day, with its value beside it."""
        from PySide6.QtCore import Qt

        self._dot(painter, last, accent, background, _DOT)
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text)
        label = formats.percent(percent(self._values[-1]))
        box = QRectF(last.x() + _DOT + 6, last.y() - 12, self._end_label_width() + 4, 24)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)

    @staticmethod
    def _dot(painter: QPainter, at: QPointF, fill: QColor, ring: QColor, radius: float) -> None:
        painter.setPen(QPen(ring, 2.0))
        painter.setBrush(fill)
        painter.drawEllipse(at, radius, radius)

    def _paint_axes(
        self,
        painter: QPainter,
        plot: QRect,
        days: tuple[date, date],
        metrics: QFontMetrics,
        background: QColor,
        text: QColor,
        muted: QColor,
    ) -> None:
        """Gridlines with their percent labels, the baseline, and month ticks."""
        from PySide6.QtCore import Qt

        height = metrics.height()
        right_aligned = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for level in _GRID_LEVELS:
            y = round(self._y_for(level, plot)) + 0.5  # on a pixel row: crisp, not smeared
            painter.setPen(QPen(blend(background, text, 0.1), 1.0))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            box = QRectF(0, y - height / 2, plot.left() - 8, height)
            painter.drawText(box, right_aligned, formats.percent(level * 100))
        baseline = plot.bottom() + 0.5
        painter.setPen(QPen(blend(background, text, 0.25), 1.0))
        painter.drawLine(QPointF(plot.left(), baseline), QPointF(plot.right(), baseline))

        first, today = days
        day = date(first.year, first.month, 1)
        last_right = -1.0
        left_aligned = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        while day <= today:
            x = self.x_for(day)
            if x is not None:
                x = round(x) + 0.5
                painter.setPen(QPen(blend(background, text, 0.25), 1.0))
                painter.drawLine(QPointF(x, baseline), QPointF(x, baseline + 4))
                label = formats.month(day)
                width = metrics.horizontalAdvance(label)
                if x + 3 > last_right and x + 3 + width <= self.width():
                    painter.setPen(muted)
                    box = QRectF(x + 3, baseline + 3, width + 2, height)
                    painter.drawText(box, left_aligned, label)
                    last_right = x + 3 + width + 6
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)

    # -- input -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = self.tooltip_at(help_event.pos())
            if text:
                QToolTip.showText(help_event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.value_at(round(event.position().x()))
        day = found[0] if found else None
        if day != self._hover:
            self._hover = day
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)
