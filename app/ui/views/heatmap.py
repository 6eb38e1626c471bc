"""The year at a glance: one cell per day for 53 weeks, stronger the more posts went out;
the days of planned breaks shaded apart (docs/CADENCE.md, "Planned breaks"). It shows the
53 weeks up to today, or up to the end of an earlier year.

`Qt` is imported inside the methods that paint or handle input, never at module level:
building it costs start-up time, and a page may be built before the first paint
(see app.ui.qt_values)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.i18n import N_, _, ngettext
from app.ui.page_keys import HEATMAP
from app.ui.qt_values import STRONG_FOCUS
from app.ui.views.chart_paint import (
    chart_colours,
    small_font,
)
from app.ui.views.chart_words import heatmap_day, heatmap_tooltip
from app.ui.views.heatmap_days import break_notes, month_labels
from app.ui.views.heatmap_paint import (
    LABEL_GAP,
    LABELLED_ROWS,
    MIN_CELL,
    WEEKS,
    Cells,
    Grid,
    Legend,
    break_colour,
    break_stroke,
    day_name,
    fit,
    gap,
    heatmap_colours,
    notify_changed,
    paint_days,
    paint_labels,
    paint_legend,
    paint_rules,
    ring,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QMouseEvent, QPaintEvent

    from app.types import Break

_CELL = 12  # the preferred side; the grid scales with the width between _MIN and _MAX
_RULE = 3  # height of the 'week on target' mark under a column
ACCESSIBLE_NAME = N_("Posts per day, last 53 weeks")


class YearHeatmap(QWidget):
    """Posts per day over 53 weeks, Monday-first columns, in the palette's colours; break
    days shaded (their posts, if any, still show, ringed in the break's shade)."""

    day_clicked = Signal(object)  # the date of a clicked cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)  # the hovered cell gets an outline
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._counts: dict[date, int] = {}
        self._week_totals: list[int] = [0] * WEEKS
        self._today: date | None = None
        self._last: date | None = None  # the last day shown: today, or an earlier year's end
        self._first: date | None = None
        self._breaks: dict[date, str] = {}  # break days on the grid, with their notes
        self._target = 3
        self._hover: date | None = None
        self._pressed: date | None = None
        self._focus: date | None = None  # the cell the arrow keys move; read aloud
        self._keyboard_ready()

    # -- data --------------------------------------------------------------------------

    def set_days(
        self,
        counts: Mapping[date, int],
        today: date,
        weekly_target: int = 3,
        breaks: Sequence[Break] = (),
        end: date | None = None,
    ) -> None:
        """Show `counts` (posts per day) and the days of `breaks` for the 53 weeks that
        end with the week of `end` (today when None or later)."""
        last = min(end, today) if end is not None else today
        self._today, self._last = today, last
        self._first = first = last - timedelta(days=last.weekday() + 7 * (WEEKS - 1))
        self._target = max(1, weekly_target)
        self._counts = {d: n for d, n in counts.items() if n > 0 and first <= d <= last}
        self._week_totals = [0] * WEEKS
        for day, count in self._counts.items():
            self._week_totals[(day - first).days // 7] += count
        self._breaks = break_notes(breaks, first, last)
        self._hover = None
        if self._focus is None or not first <= self._focus <= last:
            self._focus = last
        self._announce()
        self.update()

    def last_day(self) -> date | None:
        """The last day shown (today, or the end of an earlier year); None before set_days."""
        return self._last

    def is_break(self, day: date) -> bool:
        """Whether `day` is on the grid and on a planned break."""
        return day in self._breaks

    def break_days(self) -> list[date]:
        """The break days on the grid, in order."""
        return sorted(self._breaks)

    def first_day(self) -> date | None:
        """The Monday at the top of the first column; None before `set_days`."""
        return self._first

    def count(self, day: date) -> int:
        """Posts on `day`, as given to `set_days`."""
        return self._counts.get(day, 0)

    def weeks_on_target(self) -> list[int]:
        """Columns (0 = oldest) whose week has at least the weekly target of posts."""
        return [i for i, total in enumerate(self._week_totals) if total >= self._target]

    def month_labels(self) -> list[tuple[date, str]]:
        """The 1st of each month labelled above the grid, with its label ('Mar')."""
        if self._last is None or self._first is None:
            return []
        return month_labels(self._first, self._last)

    # -- geometry ----------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFontMetrics]:
        font = small_font(self.font())
        return font, QFontMetrics(font)

    def _margins(self) -> tuple[int, int, int]:
        """Left (day labels), top (month labels) and bottom (rule and legend) margins."""
        _font, metrics = self._fonts()
        left = max(metrics.horizontalAdvance(day_name(row)) for row in LABELLED_ROWS)
        return left + LABEL_GAP, metrics.height() + 4, _RULE + 6 + metrics.height() + 4

    def _grid(self) -> Grid:
        left, top, bottom = self._margins()
        width, height = self.width() - left - 1, self.height() - top - bottom
        cell = min(fit(width, WEEKS), fit(height, 7))
        return Grid(left, top, cell, gap(cell))

    def _height_for_cell(self, cell: int) -> int:
        _left, top, bottom = self._margins()
        return top + 7 * cell + 6 * gap(cell) + bottom

    def _width_for_cell(self, cell: int) -> int:
        return self._margins()[0] + WEEKS * cell + (WEEKS - 1) * gap(cell) + 1

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for_cell(fit(width - self._margins()[0] - 1, WEEKS))

    def sizeHint(self) -> QSize:
        return QSize(self._width_for_cell(_CELL), self._height_for_cell(_CELL))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_for_cell(MIN_CELL), self._height_for_cell(MIN_CELL))

    def cell_rect(self, day: date) -> QRect | None:
        """Where `day`'s cell is painted; None before the first column or after the last day."""
        if self._last is None or self._first is None or not self._first <= day <= self._last:
            return None
        grid = self._grid()
        column = (day - self._first).days // 7
        x = grid.left + column * grid.step
        return QRect(x, grid.top + day.weekday() * grid.step, grid.cell, grid.cell)

    def cell_at(self, pos: QPoint) -> date | None:
        """The day whose cell (or the gap after it) is under `pos`; None off the shown cells."""
        if self._last is None or self._first is None:
            return None
        grid = self._grid()
        dx, dy = pos.x() - grid.left, pos.y() - grid.top
        if dx < 0 or dy < 0 or dx >= grid.width or dy >= grid.height:
            return None
        day = self._first + timedelta(days=dx // grid.step * 7 + dy // grid.step)
        return day if day <= self._last else None

    # -- wording -----------------------------------------------------------------------

    def tooltip_for(self, day: date) -> str:
        """'Tue 3 Mar 2026 — 2 posts', '… — no posts · on a break (Summer holiday)'; empty
        for a day not on the grid."""
        if self.cell_rect(day) is None:
            return ""
        return heatmap_tooltip(day, self.count(day), self._breaks.get(day))

    def day_text(self, day: date) -> str:
        """'Tue 3 Nov: 2 posts, a week on target': what a screen reader hears for `day`."""
        if self._first is None or self.cell_rect(day) is None:
            return ""
        on_target = (day - self._first).days // 7 in self.weeks_on_target()
        return heatmap_day(day, self.count(day), on_target, self._breaks.get(day))

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip for the cell under `pos`, or ''."""
        day = self.cell_at(pos)
        return self.tooltip_for(day) if day else ""

    def legend_target_text(self) -> str:
        """The caption of the 'week on target' mark."""
        return ngettext(
            "weeks on target ({count}+ post)", "weeks on target ({count}+ posts)", self._target
        ).format(count=self._target)

    # -- colours -----------------------------------------------------------------------

    def _colours(self) -> tuple[QColor, QColor, QColor, list[QColor]]:
        """Background, label and muted-label colours, then one fill per level (0, 1, 2, 3+)."""
        return heatmap_colours(self)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._last is None or self._first is None:
            return
        background, text, muted, fills = self._colours()
        shade = break_colour(background, chart_colours(self).accent)
        stroke = break_stroke(shade, background)
        grid = self._grid()
        font, metrics = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        radius = 2.0 if grid.cell >= 10 else 1.5

        paint_labels(painter, grid, metrics, muted, self._first, self.month_labels())
        cells = Cells(fills, shade, stroke, radius)
        paint_days(painter, grid, self._first, self._last, self._counts, self._breaks, cells)
        # A thin mark under each week that reached the target: consistency, not volume.
        rule = fills[3]
        rule_y = grid.top + grid.height + 4
        paint_rules(painter, grid, self.weeks_on_target(), rule, rule_y)

        focus = self._focus if self.hasFocus() else None  # focus always visible: a thick ring
        rings = ((self._today, muted, 1.2), (self._hover, text, 1.5), (focus, text, 2.5))
        for day, colour, width in rings:
            rect = self.cell_rect(day) if day else None
            if rect is not None:
                ring(painter, QRectF(rect), colour, width, radius)

        legend = Legend(
            grid.left,
            grid.width,
            rule_y + _RULE + 6,
            min(grid.cell, 10),
            metrics,
            muted,
            rule,
            fills,
            self.legend_target_text(),
            shade if self._breaks else None,
            stroke if self._breaks else None,
        )
        paint_legend(painter, legend)
        painter.end()

    # -- input -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            day = self.cell_at(help_event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                rect = self.cell_rect(day)
                QToolTip.showText(help_event.globalPos(), self.tooltip_for(day), self, rect)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.cell_at(event.position().toPoint())
        if day != self._hover:
            self._set_hover(day)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, day: date | None) -> None:
        from PySide6.QtCore import Qt

        for old_or_new in (self._hover, day):
            rect = self.cell_rect(old_or_new) if old_or_new else None
            if rect is not None:
                self.update(rect.adjusted(-2, -2, 2, 2))
        self._hover = day
        if day is None:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.cell_at(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton and self._pressed is not None:
            day = self.cell_at(event.position().toPoint())
            if day == self._pressed:
                self.day_clicked.emit(day)
        self._pressed = None
        super().mouseReleaseEvent(event)

    # -- keyboard and assistive technology (docs/CADENCE.md) -------------------------

    def _keyboard_ready(self) -> None:
        # An int through setProperty: touching `Qt` here would build it before the first paint.
        self.setProperty("focusPolicy", STRONG_FOCUS)
        self.setAccessibleName(_(ACCESSIBLE_NAME))

    def focused_day(self) -> date | None:
        """The day the arrow keys are on; None before set_days."""
        return self._focus

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        # Columns are weeks and rows weekdays: up/down one day, left/right one week.
        steps = {  # days per arrow, from the table Help › Keyboard shortcuts lists
            QKeySequence(name)[0].key(): int(entry.command)
            for entry in HEATMAP.keys
            if entry.command != "open"
            for name in entry.keys
        }
        key = event.key()
        if self._focus is None or self._first is None or self._last is None:
            super().keyPressEvent(event)
        elif key in steps:
            day = self._focus + timedelta(days=steps[Qt.Key(key)])
            if self._first <= day <= self._last:
                self._move_focus(day)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.day_clicked.emit(self._focus)  # what a click on the cell does
        else:
            super().keyPressEvent(event)

    def _move_focus(self, day: date) -> None:
        self._focus = day
        self._announce()
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._announce()  # the focus ring shows: the whole widget repaints
        super().focusInEvent(event)

    def _announce(self) -> None:
        """Name and description say the focused day; a screen reader is told they changed."""
        text = self.day_text(self._focus) if self._focus else ""
        name = _(ACCESSIBLE_NAME)
        # Translators: the heatmap's name, then the focused day ("Tue 3 Nov: 2 posts").
        self.setAccessibleName(_("{name}, {day}").format(name=name, day=text) if text else name)
        self.setAccessibleDescription(text)
        if self.hasFocus():
            notify_changed(self)
