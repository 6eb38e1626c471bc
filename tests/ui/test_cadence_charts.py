"""The Cadence page's painted charts: geometry, wording, and pixels in light and dark palettes."""

import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from app.ui.views.chart_paint import contrast, small_font
from app.ui.views.heatmap import YearHeatmap
from app.ui.views.score_chart import EMPTY_TEXT, ScoreChart
from app.ui.views.share_bars import Bar, ShareBars

TODAY = date(2026, 3, 4)  # a Wednesday
ACCENT = {"light": "#2f6fd0", "dark": "#4f8fe6"}
WINDOW = {"light": "#f5f5f4", "dark": "#1f2023"}


def _palette(kind: str) -> QPalette:
    palette = QPalette()
    text = "#1d1d1f" if kind == "light" else "#e6e6e6"
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, WINDOW[kind]),
        (roles.WindowText, text),
        (roles.Base, "#ffffff" if kind == "light" else "#17181a"),
        (roles.Text, text),
        (roles.Mid, "#b8b8b8" if kind == "light" else "#3a3b3e"),
        (roles.Highlight, ACCENT[kind]),
    ):
        palette.setColor(role, QColor(value))
    return palette


@pytest.fixture(params=["light", "dark"])
def kind(request):
    return request.param


def _show(qtbot, widget, kind: str, width: int | None = None, height: int | None = None):
    """The widget in `kind`'s palette, painting its own background, at a fixed size."""
    widget.setPalette(_palette(kind))
    widget.setAutoFillBackground(True)
    qtbot.addWidget(widget)
    hint = widget.sizeHint()
    widget.resize(width or hint.width(), height or hint.height())
    return widget


def _image(widget) -> QImage:
    image = widget.grab().toImage()
    assert image.width() == widget.width()  # one device pixel per pixel, so rects map 1:1
    return image


def _distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def _is(a: QColor, b: QColor | str) -> bool:
    return _distance(a, QColor(b)) <= 3


def _differs_somewhere(image: QImage, x0: int, y0: int, x1: int, y1: int, colour: str) -> bool:
    return any(
        not _is(image.pixelColor(x, y), colour)
        for x in range(max(0, x0), min(image.width(), x1))
        for y in range(max(0, y0), min(image.height(), y1))
    )


def _has(image: QImage, x0: int, y0: int, x1: int, y1: int, colour: str) -> bool:
    """Whether some pixel in the box is `colour` (antialiased lines blur across rows)."""
    return any(_is(image.pixelColor(x, y), colour) for x in range(x0, x1) for y in range(y0, y1))


# -- heatmap ---------------------------------------------------------------------------


def _heatmap(qtbot, kind="light", counts=None, width=None):
    widget = _show(qtbot, YearHeatmap(), kind, width)
    widget.set_days(counts or {}, TODAY, weekly_target=3)
    return widget


def test_heatmap_puts_today_last_and_a_monday_top_left(qtbot):
    heatmap = _heatmap(qtbot)
    first = heatmap.first_day()
    assert first == date(2025, 3, 3)
    assert first.weekday() == 0
    assert (TODAY - first).days == 52 * 7 + 2  # 53 columns, the last one up to Wednesday

    today, monday = heatmap.cell_rect(TODAY), heatmap.cell_rect(first)
    assert heatmap.cell_at(today.center()) == TODAY
    assert heatmap.cell_at(monday.center()) == first
    assert monday.left() < today.left()
    assert monday.top() < today.top()
    for offset in range(7):  # the first column, Monday to Sunday, top to bottom
        rect = heatmap.cell_rect(first + timedelta(days=offset))
        assert rect.left() == monday.left()
        assert heatmap.cell_at(rect.center()) == first + timedelta(days=offset)
    assert heatmap.cell_rect(TODAY - timedelta(days=7)).top() == today.top()


def test_heatmap_has_no_cell_after_today_or_before_the_first_column(qtbot):
    heatmap = _heatmap(qtbot)
    assert heatmap.cell_rect(TODAY + timedelta(days=1)) is None
    assert heatmap.cell_rect(heatmap.first_day() - timedelta(days=1)) is None
    today = heatmap.cell_rect(TODAY)
    step = today.top() - heatmap.cell_rect(TODAY - timedelta(days=1)).top()
    thursday = today.center() + QPoint(0, step)
    assert heatmap.cell_at(thursday) is None
    assert heatmap.cell_at(today.center() + QPoint(step, 0)) is None
    assert heatmap.cell_at(QPoint(1, 1)) is None


@pytest.mark.parametrize(
    "today", [TODAY, date(2026, 1, 1), date(2025, 12, 31), date(2026, 2, 28), date(2026, 6, 1)]
)
def test_heatmap_labels_the_first_of_twelve_or_thirteen_months(qtbot, today):
    heatmap = _show(qtbot, YearHeatmap(), "light")
    heatmap.set_days({}, today)
    labels = heatmap.month_labels()
    assert 12 <= len(labels) <= 13
    assert all(first.day == 1 and heatmap.cell_rect(first) is not None for first, _ in labels)
    assert [name for _, name in labels][-1] == f"{today:%b}"
    columns = [heatmap.cell_rect(first).left() for first, _ in labels]
    assert columns == sorted(set(columns))

    # Painted above each labelled column, where the grid leaves the background alone.
    image = _image(heatmap)
    top = heatmap.cell_rect(heatmap.first_day()).top()
    for left in columns[:-1]:
        assert _differs_somewhere(image, left, 0, left + 10, top - 2, WINDOW["light"])


def test_heatmap_colours_grow_stronger_with_posts_and_skip_the_future(qtbot, kind):
    counts = {TODAY - timedelta(days=n): n for n in (1, 2, 3)}
    counts[TODAY - timedelta(days=30)] = 7
    heatmap = _heatmap(qtbot, kind, counts)
    image = _image(heatmap)

    def colour(day):
        return image.pixelColor(heatmap.cell_rect(day).center())

    window = QColor(WINDOW[kind])
    empty = colour(TODAY - timedelta(days=10))
    one, two, three = (colour(TODAY - timedelta(days=n)) for n in (1, 2, 3))
    assert 0 < _distance(empty, window) < _distance(one, window)
    assert _distance(one, window) < _distance(two, window) < _distance(three, window)
    # A day with posts stands 3:1 apart from the background and from an empty day (WCAG
    # 1.4.11); 3+ is the accent's hue, further still, and all 3+ days look the same.
    assert contrast(one, window) >= 3 and contrast(one, empty) >= 3
    assert abs(three.hslHueF() - QColor(ACCENT[kind]).hslHueF()) < 0.02
    assert _is(colour(TODAY - timedelta(days=30)), three.name())
    thursday = heatmap.cell_rect(TODAY).translated(0, heatmap.cell_rect(TODAY).height() + 3)
    assert _is(image.pixelColor(thursday.center()), window)


def test_heatmap_tooltip_wording(qtbot):
    heatmap = _heatmap(qtbot, counts={date(2026, 3, 3): 3, date(2026, 3, 2): 1})
    assert heatmap.tooltip_for(date(2026, 3, 3)) == "Tue, 3 Mar 2026 — 3 posts"
    assert heatmap.tooltip_for(date(2026, 3, 2)) == "Mon, 2 Mar 2026 — 1 post"
    assert heatmap.tooltip_for(date(2026, 2, 1)) == "Sun, 1 Feb 2026 — no posts"
    assert heatmap.tooltip_for(TODAY + timedelta(days=1)) == ""
    assert heatmap.tooltip_at(heatmap.cell_rect(date(2026, 3, 3)).center()) == (
        "Tue, 3 Mar 2026 — 3 posts"
    )
    assert heatmap.tooltip_at(QPoint(0, 0)) == ""


def test_heatmap_marks_weeks_that_met_the_target(qtbot):
    week = TODAY - timedelta(days=TODAY.weekday() + 14)  # the Monday two weeks back
    counts = {week: 2, week + timedelta(days=3): 1, week + timedelta(days=7): 2}
    heatmap = _heatmap(qtbot, counts=counts)
    assert heatmap.weeks_on_target() == [50]
    assert heatmap.legend_target_text() == "weeks on target (3+ posts)"
    image = _image(heatmap)
    sunday = heatmap.cell_rect(week + timedelta(days=6))
    below = sunday.bottom() + 1
    assert _differs_somewhere(image, sunday.left(), below, sunday.right(), below + 10, "#f5f5f4")
    next_sunday = sunday.translated(sunday.width() + 3, 0)
    assert not _differs_somewhere(
        image, next_sunday.left(), below, next_sunday.right(), below + 10, "#f5f5f4"
    )


def test_heatmap_click_on_a_past_cell_emits_its_day(qtbot):
    heatmap = _heatmap(qtbot)
    day = date(2026, 2, 10)
    with qtbot.waitSignal(heatmap.day_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=heatmap.cell_rect(day).center())
    assert blocker.args == [day]
    tomorrow = heatmap.cell_rect(TODAY).center() + QPoint(0, heatmap.cell_rect(TODAY).height() + 3)
    with qtbot.assertNotEmitted(heatmap.day_clicked):
        qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=tomorrow)
        qtbot.mouseClick(heatmap, Qt.MouseButton.RightButton, pos=heatmap.cell_rect(day).center())


def test_heatmap_cells_scale_with_the_width_and_stay_left_aligned(qtbot):
    heatmap = _heatmap(qtbot)
    assert 11 <= heatmap.cell_rect(TODAY).width() <= 13  # at its size hint
    left = heatmap.cell_rect(heatmap.first_day()).left()

    heatmap.resize(300, heatmap.minimumSizeHint().height())
    assert heatmap.cell_rect(TODAY).width() == 8  # never smaller, even when it no longer fits
    assert heatmap.cell_rect(heatmap.first_day()).left() == left

    heatmap.resize(1400, heatmap.heightForWidth(1400))
    assert heatmap.cell_rect(TODAY).width() > 13
    assert heatmap.cell_rect(heatmap.first_day()).left() == left
    assert heatmap.cell_rect(TODAY).right() < heatmap.width()
    assert heatmap.minimumSizeHint().width() < heatmap.sizeHint().width()


# -- score chart -----------------------------------------------------------------------


def _series(start: date, values) -> list[tuple[date, float]]:
    return [(start + timedelta(days=i), v) for i, v in enumerate(values)]


def test_score_chart_value_at_maps_first_and_last_x(qtbot):
    chart = _show(qtbot, ScoreChart(), "light")
    start = TODAY - timedelta(days=99)
    points = _series(start, [i / 100 for i in range(100)])
    chart.set_series(points, TODAY, days=180)
    plot = chart.plot_rect()

    assert chart.x_for(chart.first_day()) == plot.left()
    assert chart.x_for(TODAY) == plot.right()
    assert chart.value_at(round(chart.x_for(start))) == (start, 0.0)
    assert chart.value_at(plot.right()) == (TODAY, 0.99)
    assert chart.value_at(plot.right() + 2) == (TODAY, 0.99)  # the end label's side
    middle = start + timedelta(days=40)
    assert chart.value_at(round(chart.x_for(middle))) == (middle, 0.4)
    assert chart.value_at(round(chart.x_for(start - timedelta(days=5)))) is None
    assert chart.value_at(plot.left()) is None  # 180 days ago: before the first point
    assert chart.value_at(plot.left() - 50) is None


def test_score_chart_tooltip_rounds_half_up_and_caps_at_100(qtbot):
    chart = _show(qtbot, ScoreChart(), "light")
    chart.set_series(
        [(date(2026, 3, 1), 0.125), (date(2026, 3, 2), 1.2), (date(2026, 3, 3), 0.64)], TODAY
    )

    def tooltip(day):
        return chart.tooltip_at(QPoint(round(chart.x_for(day)), 40))

    assert tooltip(date(2026, 3, 1)) == "1 Mar 2026: 13%"
    assert tooltip(date(2026, 3, 2)) == "2 Mar 2026: 100%"
    assert tooltip(date(2026, 3, 3)) == "3 Mar 2026: 64%"
    assert tooltip(TODAY) == "3 Mar 2026: 64%"  # the nearest day with a score
    assert tooltip(date(2026, 2, 1)) == ""


def test_score_chart_draws_the_line_the_fill_and_nothing_before_the_first_point(qtbot, kind):
    chart = _show(qtbot, ScoreChart(), kind, 560, 220)
    start = TODAY - timedelta(days=59)
    chart.set_series(_series(start, [0.6] * 60), TODAY, days=120)
    image = _image(chart)
    plot = chart.plot_rect()

    def y(level):  # rows at 60% and 37.5% stay clear of the gridlines
        return round(plot.top() + (1 - level) * (plot.height() - 1))

    x_mid = round(chart.x_for(start + timedelta(days=30)))
    assert _has(image, x_mid, y(0.6) - 1, x_mid + 1, y(0.6) + 2, ACCENT[kind])  # the line
    fill = image.pixelColor(x_mid, y(0.375))  # soft: nearer the background than the line
    assert not _is(fill, WINDOW[kind])
    assert _distance(fill, QColor(WINDOW[kind])) < _distance(fill, QColor(ACCENT[kind]))
    x_before = round(chart.x_for(start - timedelta(days=20)))
    assert _is(image.pixelColor(x_before, y(0.6)), WINDOW[kind])
    assert _is(image.pixelColor(x_before, y(0.375)), WINDOW[kind])
    # The latest value: a dot in the accent, then its label to the right.
    assert _has(image, plot.right() - 1, y(0.6) - 1, plot.right() + 2, y(0.6) + 2, ACCENT[kind])
    assert _differs_somewhere(
        image, plot.right() + 10, y(0.6) - 6, chart.width(), y(0.6) + 6, WINDOW[kind]
    )


def test_score_chart_empty_state_is_a_centred_sentence(qtbot, kind):
    assert EMPTY_TEXT == "Your presence score appears here once you log your first post."
    chart = _show(qtbot, ScoreChart(), kind, 560, 200)
    chart.set_series([], TODAY)
    assert chart.is_empty()
    assert chart.value_at(280) is None
    assert chart.tooltip_at(QPoint(280, 100)) == ""
    image = _image(chart)
    assert _differs_somewhere(image, 0, 90, 560, 110, WINDOW[kind])
    assert not _differs_somewhere(image, 0, 0, 560, 70, WINDOW[kind])  # no gridlines
    assert not _differs_somewhere(image, 0, 130, 560, 200, WINDOW[kind])


# -- share bars ------------------------------------------------------------------------

BARS = [
    Bar("Platform engineering", "#2f9e6e", 0.42, 0.5, "4 posts · last 2 weeks ago"),
    Bar("Developer experience", "", 0.3, None, "3 posts · last 5 days ago"),
    Bar("Security", "#d04f5f", 0.0, 0.8, ""),
]


def test_share_bars_row_at_and_height(qtbot):
    bars = _show(qtbot, ShareBars(), "light")
    bars.set_bars(BARS)
    bars.resize(480, bars.sizeHint().height())
    for row in range(3):
        assert bars.row_at(bars.row_rect(row).center()) == row
    assert bars.row_at(QPoint(10, bars.row_rect(2).bottom() + 2)) is None
    assert bars.row_at(QPoint(-1, bars.row_rect(0).center().y())) is None
    assert 24 <= bars.row_rect(0).height() <= 28
    three = bars.sizeHint().height()
    bars.set_bars([*BARS, *BARS])
    assert bars.sizeHint().height() == three + 3 * bars.row_rect(0).height()


def test_share_bars_tooltip_wording(qtbot):
    bars = _show(qtbot, ShareBars(), "light")
    bars.set_bars(BARS)
    assert bars.tooltip_for(0) == (
        "Platform engineering: 42% (target 50%) — 4 posts · last 2 weeks ago"
    )
    assert bars.tooltip_for(1) == "Developer experience: 30% — 3 posts · last 5 days ago"
    assert bars.tooltip_for(2) == "Security: 0% (target 80%)"
    assert bars.tooltip_at(bars.row_rect(0).center()) == bars.tooltip_for(0)
    assert bars.tooltip_for(3) == ""


def test_share_bars_keep_the_bar_and_drop_the_detail_when_narrow(qtbot):
    bars = _show(qtbot, ShareBars(), "light", 520)
    bars.set_bars(BARS)
    bars.resize(bars.minimumSizeHint())
    track = bars.track_rect(0)
    assert track.width() >= 60
    # Right of the track, only the percent is painted: the detail stays in the tooltip.
    image = _image(bars)
    strip = bars.row_rect(0)
    inked = [
        x
        for x in range(track.right() + 8, bars.width())
        if _differs_somewhere(image, x, strip.top(), x + 1, strip.bottom(), WINDOW["light"])
    ]
    assert inked
    assert bars.width() - inked[0] <= QFontMetrics(small_font(bars.font())).horizontalAdvance(
        "100%"
    )
    assert "4 posts" in bars.tooltip_for(0)


def test_share_bars_paint_fill_track_and_target_tick(qtbot, kind):
    bars = _show(qtbot, ShareBars(), kind, 520)
    bars.set_bars(BARS)
    image = _image(bars)
    window = WINDOW[kind]

    track = bars.track_rect(0)
    y = track.center().y()
    assert _is(image.pixelColor(track.left() + 10, y), "#2f9e6e")  # the bar's own colour
    unfilled = image.pixelColor(track.left() + round(track.width() * 0.75), y)
    assert not _is(unfilled, window)
    assert not _is(unfilled, "#2f9e6e")
    second = bars.track_rect(1)  # no colour given: the palette's highlight
    assert _is(image.pixelColor(second.left() + 10, second.center().y()), ACCENT[kind])

    # The target tick crosses the track and rises above it; nothing else does.
    tick_x = track.left() + round(track.width() * 0.5)
    assert _differs_somewhere(image, tick_x - 1, track.top() - 5, tick_x + 1, track.top() - 1,
                              window)  # fmt: skip
    assert not _is(image.pixelColor(tick_x, y), unfilled.name())
    assert not _differs_somewhere(image, track.left() + 5, track.top() - 5,
                                  tick_x - 6, track.top() - 1, window)  # fmt: skip
    row1 = bars.track_rect(1)  # no target: nothing above its track
    assert not _differs_somewhere(image, row1.left(), row1.top() - 5, row1.right(),
                                  row1.top() - 1, window)  # fmt: skip


def test_share_bars_empty_text_is_centred(qtbot, kind):
    bars = _show(qtbot, ShareBars(), kind, 480)
    bars.set_bars([], "No platforms yet.")
    assert bars.row_at(QPoint(240, 20)) is None
    image = _image(bars)
    middle = bars.height() // 2
    assert _differs_somewhere(image, 180, middle - 4, 300, middle + 4, WINDOW[kind])
    assert not _differs_somewhere(image, 0, 0, 120, bars.height(), WINDOW[kind])


# -- start-up --------------------------------------------------------------------------


def test_building_the_charts_leaves_the_qt_namespace_unbuilt():
    """The Cadence page may be built before the first paint (see app.ui.qt_values)."""
    script = textwrap.dedent(
        """
        from datetime import date
        from PySide6 import QtCore
        from PySide6.QtWidgets import QApplication
        from app.ui.views.chart_paint import small_font
        from app.ui.views.heatmap import YearHeatmap
        from app.ui.views.score_chart import ScoreChart
        from app.ui.views.share_bars import Bar, ShareBars
        app = QApplication([])
        today = date(2026, 3, 4)
        heatmap, chart, bars = YearHeatmap(), ScoreChart(), ShareBars()
        heatmap.set_days({today: 2}, today)
        chart.set_series([(today, 0.5)], today)
        bars.set_bars([Bar("Theme", "#336699", 0.5, 0.4, "2 posts")])
        for widget in (heatmap, chart, bars):
            widget.sizeHint(), widget.minimumSizeHint()
        heatmap.heightForWidth(700)
        print("Qt built:", "Qt" in vars(QtCore))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 0, out.stderr
    assert "Qt built: False" in out.stdout


# -- tooltips through Qt ---------------------------------------------------------------


def _ask_for_tooltip(widget, pos: QPoint) -> str:
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_tooltip_events_show_the_wording(qtbot):
    heatmap = _heatmap(qtbot, counts={date(2026, 3, 3): 2})
    chart = _show(qtbot, ScoreChart(), "light", 560, 200)
    chart.set_series([(date(2026, 3, 3), 0.64)], TODAY)
    bars = _show(qtbot, ShareBars(), "light", 480)
    bars.set_bars(BARS)
    cases = [
        (heatmap, heatmap.cell_rect(date(2026, 3, 3)).center(), "Tue, 3 Mar 2026 — 2 posts"),
        (chart, QPoint(round(chart.x_for(TODAY)), 50), "3 Mar 2026: 64%"),
        (bars, bars.row_rect(1).center(), "Developer experience: 30% — 3 posts · last 5 days ago"),
    ]
    try:
        for widget, pos, text in cases:
            widget.show()
            qtbot.waitExposed(widget)
            assert _ask_for_tooltip(widget, pos) == text
    finally:
        QToolTip.hideText()


def test_before_any_data_the_charts_paint_quietly(qtbot):
    heatmap = _show(qtbot, YearHeatmap(), "light")
    chart = _show(qtbot, ScoreChart(), "light", 560, 200)
    bars = _show(qtbot, ShareBars(), "light", 480)
    assert heatmap.cell_at(QPoint(60, 30)) is None
    assert heatmap.cell_rect(TODAY) is None
    assert heatmap.month_labels() == []
    assert chart.value_at(300) is None
    assert bars.row_at(QPoint(10, 10)) is None
    assert not _differs_somewhere(_image(heatmap), 0, 0, heatmap.width(), 40, WINDOW["light"])
    assert _differs_somewhere(_image(chart), 0, 90, 560, 110, WINDOW["light"])  # the sentence
    assert not _differs_somewhere(_image(bars), 0, 0, 480, bars.height(), WINDOW["light"])
