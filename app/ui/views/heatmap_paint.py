"""What the heatmap (app/ui/views/heatmap.py) paints: its day cells and the marks of the
weeks on target, the shade of a break day, a ring inside a cell, the grid's geometry and
labels, and the legend: '▬ weeks on target' and '▢ break' at the left, 'Less ▢▢▢▢ More'
at the right, under the grid.

`Qt` is imported inside the functions that paint (see app.ui.views.heatmap)."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.i18n import N_, _
from app.ui.views.chart_paint import MARK_CONTRAST, blend, chart_colours, contrast, legible

WEEKS = 53
LABEL_GAP = 6
LABELLED_ROWS = (0, 2, 4)  # Mon, Wed, Fri
MIN_CELL = 8
_MAX_CELL = 16

# Translators: the heatmap legend's caption for the shade of a planned break's days.
BREAK_CAPTION = N_("break")
# The weekdays labelled beside the grid, Monday first.
DAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_RULE = 3  # as the heatmap's 'week on target' mark
# Where the accent has no hue (a grey highlight), breaks are amber.
_AMBER_HUE = 35 / 360


def gap(cell: int) -> int:
    return 3 if cell >= 11 else 2  # tighter gaps keep small cells readable


def fit(space: int, count: int) -> int:
    """The largest cell side that puts `count` cells and their gaps in `space`."""
    cell = (space - (count - 1) * 3) // count
    if cell < 11:
        cell = min(10, (space - (count - 1) * 2) // count)
    return max(MIN_CELL, min(_MAX_CELL, cell))


class Grid(NamedTuple):
    left: int
    top: int
    cell: int
    gap: int

    @property
    def step(self) -> int:
        return self.cell + self.gap

    @property
    def width(self) -> int:
        return WEEKS * self.step - self.gap

    @property
    def height(self) -> int:
        return 7 * self.step - self.gap


def heatmap_colours(widget: QWidget) -> tuple[QColor, QColor, QColor, list[QColor]]:
    """Background, label and muted-label colours, then one fill per level (0, 1, 2, 3+).

    The empty cell is a faint neutral blended from the background and text colours
    (dark palettes often give Mid darker than the window, which would hide it). A day
    with posts stands 3:1 apart from both the background and an empty cell, and more
    posts go further from the background (docs/CADENCE.md, "Reading the charts")."""
    background, text, accent, muted = chart_colours(widget)
    empty = blend(background, text, 0.085)
    # The highlight itself for one post (its hue kept whole: a pale blend darkened to be
    # legible turns grey), darker (lighter on dark) for more.
    one = legible(legible(accent, empty, MARK_CONTRAST), background, MARK_CONTRAST)
    most = legible(accent, background, max(contrast(one, background) * 1.6, MARK_CONTRAST))
    fills = [empty, one, blend(one, most, 0.5), most]
    return background, text, muted, fills


def break_colour(background: QColor, accent: QColor) -> QColor:
    """The shade of a break day: the hue opposite the accent's (which shades the posts),
    half-way from the background, so it reads apart from both in light and dark."""
    hue = accent.hsvHueF()
    opposite = _AMBER_HUE if hue < 0 or accent.hsvSaturationF() < 0.15 else (hue + 0.5) % 1.0
    return blend(background, QColor.fromHsvF(opposite, 0.62, 0.9), 0.55)


def break_stroke(shade: QColor, background: QColor) -> QColor:
    """The diagonal stroke that marks a break day besides its shade: 3:1 against both."""
    return legible(legible(shade, shade, MARK_CONTRAST), background, MARK_CONTRAST)


def strike(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A diagonal stroke across `rect`, bottom left to top right; leaves no pen."""
    from PySide6.QtCore import QPointF, Qt

    pen = QPen(colour)
    pen.setWidthF(max(1.2, rect.width() / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    inset = rect.width() / 4
    painter.drawLine(
        QPointF(rect.left() + inset, rect.bottom() - inset),
        QPointF(rect.right() - inset, rect.top() + inset),
    )
    painter.setPen(Qt.PenStyle.NoPen)


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


class Cells(NamedTuple):
    """How the day cells look."""

    fills: list[QColor]  # one per level, none to 3+
    shade: QColor  # a break day's
    stroke: QColor  # the stroke across a break day
    radius: float  # the corners'


def paint_days(
    painter: QPainter,
    grid: Grid,
    first: date,
    last: date,
    counts: Mapping[date, int],
    breaks: Container[date],
    cells: Cells,
) -> None:
    """One cell per day from `first` to `last`, filled by its posts or shaded as a break."""
    from PySide6.QtCore import Qt

    fills, shade, stroke, radius = cells
    painter.setPen(Qt.PenStyle.NoPen)
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        x = grid.left + offset // 7 * grid.step
        y = grid.top + offset % 7 * grid.step
        count = counts.get(day, 0)
        on_break = day in breaks
        painter.setBrush(shade if on_break and not count else fills[min(count, 3)])
        painter.drawRoundedRect(QRectF(x, y, grid.cell, grid.cell), radius, radius)
        if on_break and not count:  # not by colour alone: a break day is struck through
            strike(painter, QRectF(x, y, grid.cell, grid.cell), stroke)
        if on_break and count:  # a post on a break day: still a post, ringed as a break
            ring(painter, QRectF(x, y, grid.cell, grid.cell), shade, 2.0, radius)


def paint_rules(
    painter: QPainter, grid: Grid, columns: Sequence[int], colour: QColor, top: int
) -> None:
    """The 'week on target' mark under each of the columns."""
    painter.setBrush(colour)
    for column in columns:
        x = grid.left + column * grid.step
        painter.drawRoundedRect(QRectF(x, top, grid.cell, _RULE), 1.5, 1.5)


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
    break_mark: QColor | None  # the stroke across a break day


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
        if legend.break_mark is not None:
            strike(painter, QRectF(x, middle - swatch / 2, swatch, swatch), legend.break_mark)
        caption(x + swatch + 5, _(BREAK_CAPTION))

    # 'Less ▢▢▢▢ More', right-aligned with the grid.
    step = swatch + 3
    # Translators: the heatmap's legend: "Less ▢▢▢▢ More" (fewer or more posts a day).
    less_text, more_text = _("Less"), _("More")
    less, more = metrics.horizontalAdvance(less_text), metrics.horizontalAdvance(more_text)
    x = legend.left + legend.width - (less + 6 + len(legend.fills) * step - 3 + 6 + more)
    caption(x, less_text)
    x += less + 6
    for fill in legend.fills:
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(x, middle - swatch / 2, swatch, swatch), 2, 2)
        x += step
    caption(x - 3 + 6, more_text)


def day_name(row: int) -> str:
    """'Mon' for row 0."""
    return _(DAY_NAMES[row])


def paint_labels(
    painter: QPainter,
    grid: Grid,
    metrics: QFontMetrics,
    muted: QColor,
    first_day: date,
    months: Sequence[tuple[date, str]],
) -> None:
    """The months above the grid (none running into another) and Mon, Wed, Fri."""
    from PySide6.QtCore import Qt

    painter.setPen(muted)
    left_aligned = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    last_right = -1
    for first, label in months:
        x = grid.left + (first - first_day).days // 7 * grid.step
        width = metrics.horizontalAdvance(label)
        if x <= last_right:  # it would run into the previous label
            continue
        painter.drawText(QRect(x, 0, width + 2, grid.top - 4), left_aligned, label)
        last_right = x + width + 4
    right_aligned = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for row in LABELLED_ROWS:
        y = grid.top + row * grid.step
        box = QRect(0, y - 4, grid.left - LABEL_GAP, grid.cell + 8)
        painter.drawText(box, right_aligned, day_name(row))


def notify_changed(widget: QWidget) -> None:
    """Tell assistive technology that `widget`'s name and description changed."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if not QAccessible.isActive():
        return  # no screen reader listening: nothing to tell
    for kind in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
        QAccessible.updateAccessibility(QAccessibleEvent(widget, kind))
