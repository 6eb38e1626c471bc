"""The heatmap's planned breaks and earlier years: break days shaded apart from empty
days and from posts, in light and dark palettes, with a legend entry and a tooltip; a
year picked from the years the posts reach back to (docs/CADENCE.md, "Planned breaks")."""

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor

from app.cadence.report import CadenceReport
from app.cadence.streak import Streak
from app.types import Break
from app.ui.views.chart_paint import contrast
from app.ui.views.heatmap import YearHeatmap
from app.ui.views.heatmap_section import LAST_YEAR, HeatmapSection
from tests.ui.test_cadence_charts import ACCENT, WINDOW, _distance, _image, _show

TODAY = date(2026, 9, 2)  # a Wednesday
SUMMER = Break(1, date(2026, 7, 27), date(2026, 8, 16), "Summer holiday")


@pytest.fixture(params=["light", "dark"])
def kind(request):
    return request.param


def _heatmap(qtbot, kind, counts=None, breaks=(SUMMER,), end=None):
    widget = _show(qtbot, YearHeatmap(), kind)
    widget.set_days(counts or {}, TODAY, 3, breaks, end)
    return widget


def test_break_days_are_shaded_apart_from_empty_days_and_posts(qtbot, kind):
    on_break_posted = date(2026, 8, 5)
    counts = {on_break_posted: 1, date(2026, 8, 20): 3}
    heatmap = _heatmap(qtbot, kind, counts)
    image = _image(heatmap)

    def centre(day):  # off the diagonal stroke that marks a break day
        rect = heatmap.cell_rect(day)
        return image.pixelColor(rect.left() + rect.width() // 4, rect.top() + rect.height() // 4)

    window, accent = QColor(WINDOW[kind]), QColor(ACCENT[kind])
    shade, empty = centre(date(2026, 8, 1)), centre(date(2026, 7, 20))
    assert heatmap.break_days()[0] == SUMMER.starts_on and len(heatmap.break_days()) == 21
    # Apart from the background, an empty day and the posts' colour, in both palettes.
    assert _distance(shade, window) >= 40
    assert _distance(shade, empty) >= 35
    assert _distance(shade, accent) >= 60
    assert centre(SUMMER.ends_on) == shade and centre(SUMMER.starts_on) == shade
    assert centre(SUMMER.ends_on + timedelta(days=1)) == empty
    # A post on a break day stays a post, ringed in the break's shade.
    rect = heatmap.cell_rect(on_break_posted)
    assert _distance(centre(on_break_posted), shade) >= 40
    edge = image.pixelColor(rect.left() + 1, rect.center().y())
    assert _distance(edge, shade) <= 40


def test_a_break_day_is_struck_through_not_told_by_colour_alone(qtbot, kind):
    heatmap = _heatmap(qtbot, kind)
    image = _image(heatmap)
    rect = heatmap.cell_rect(date(2026, 8, 1))
    shade = image.pixelColor(rect.left() + rect.width() // 4, rect.top() + rect.height() // 4)
    pixels = [
        image.pixelColor(x, y)
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    ]
    stroke = max(pixels, key=lambda colour: contrast(colour, shade))  # its core, not its edge
    # The stroke stands 3:1 apart from the shade and from the background (WCAG 1.4.11).
    assert contrast(stroke, shade) >= 3
    assert contrast(stroke, QColor(WINDOW[kind])) >= 3
    # An empty day that is no break has no stroke.
    plain = heatmap.cell_rect(date(2026, 7, 20))
    assert image.pixelColor(plain.center()) == image.pixelColor(plain.left() + 3, plain.top() + 3)


def test_the_legend_names_the_break_shade_only_when_one_shows(qtbot, kind):
    heatmap = _heatmap(qtbot, kind)
    image = _image(heatmap)
    cell = heatmap.cell_rect(date(2026, 8, 1))
    shade = image.pixelColor(cell.left() + cell.width() // 4, cell.top() + cell.height() // 4)
    grid_bottom = heatmap.cell_rect(date(2026, 8, 2)).bottom()  # a Sunday: the last row

    def legend_has_shade(picture) -> bool:
        return any(
            _distance(picture.pixelColor(x, y), shade) <= 3
            for x in range(0, picture.width() // 2)
            for y in range(grid_bottom + 6, picture.height())
        )

    assert legend_has_shade(image)
    heatmap.set_days({}, TODAY, 3, ())  # no break on the grid: no entry
    assert not legend_has_shade(_image(heatmap))


def test_the_tooltip_says_a_day_is_on_a_break_with_its_note():
    heatmap = YearHeatmap()
    heatmap.resize(heatmap.sizeHint())
    overlap = Break(2, date(2026, 8, 10), date(2026, 8, 20), "Moving house")
    heatmap.set_days({date(2026, 8, 5): 2}, TODAY, 3, [SUMMER, overlap, Break(3, TODAY, TODAY)])
    assert heatmap.tooltip_for(date(2026, 8, 5)) == (
        "Wed, 5 Aug 2026 — 2 posts · on a break (Summer holiday)"
    )
    assert heatmap.tooltip_for(date(2026, 8, 12)) == (
        "Wed, 12 Aug 2026 — no posts · on a break (Summer holiday; Moving house)"
    )
    assert heatmap.tooltip_for(date(2026, 8, 19)) == (
        "Wed, 19 Aug 2026 — no posts · on a break (Moving house)"
    )
    assert heatmap.tooltip_for(TODAY) == "Wed, 2 Sept 2026 — no posts · on a break"
    assert heatmap.tooltip_for(date(2026, 8, 21)) == "Fri, 21 Aug 2026 — no posts"


def test_an_earlier_year_ends_with_its_last_day(qtbot):
    old_break = Break(4, date(2019, 12, 23), date(2020, 1, 5), "Winter")
    counts = {date(2019, 3, 12): 2, date(2020, 2, 1): 1}
    heatmap = _heatmap(qtbot, "light", counts, [old_break], end=date(2019, 12, 31))
    assert heatmap.last_day() == date(2019, 12, 31)
    assert heatmap.first_day() == date(2018, 12, 31)  # a Monday, 53 columns back
    assert heatmap.cell_rect(date(2020, 1, 1)) is None
    assert heatmap.count(date(2019, 3, 12)) == 2 and heatmap.count(date(2020, 2, 1)) == 0
    assert heatmap.break_days() == [date(2019, 12, d) for d in range(23, 32)]
    assert [label for _, label in heatmap.month_labels()][-1] == "Dec"


def _report(counts, breaks=()) -> CadenceReport:
    return CadenceReport(
        today=TODAY,
        score=0.5,
        score_week_ago=0.5,
        series=[],
        streak=Streak(0, 0, False, 0, 3),
        week_target=3,
        expected_now=0,
        behind=False,
        mix=[],
        themes=[],
        summary="",
        day_counts=counts,
        total_posts=sum(counts.values()),
        breaks=tuple(breaks),
    )


def test_the_section_offers_the_years_the_posts_reach_back_to(qtbot):
    section = HeatmapSection()
    qtbot.addWidget(section)
    section.show_report(_report({TODAY - timedelta(days=3): 2}))
    assert section.years.isHidden() and section.since.text() == ""
    assert section.title.text() == "Posts over the last year"

    counts = {date(2016, 3, 9): 1, date(2019, 6, 4): 1230, TODAY: 3}
    section.show_report(_report(counts, [SUMMER]))
    assert not section.years.isHidden()
    years = [section.years.itemText(i) for i in range(section.years.count())]
    assert years == [LAST_YEAR, *map(str, range(2025, 2015, -1))]
    assert section.since.text() == "1,234 posts since Mar 2016"
    assert section.heatmap.is_break(date(2026, 8, 1))

    section.show_year(2019)
    assert section.title.text() == "Posts in 2019"
    assert section.since.text() == "1,230 that year · 1,234 posts since Mar 2016"
    assert section.heatmap.count(date(2019, 6, 4)) == 1230
    section.show_report(_report(counts))  # read again (e.g. a post added): 2019 stays
    assert section.year() == 2019 and section.heatmap.last_day() == date(2019, 12, 31)
    section.show_year(None)
    assert section.heatmap.last_day() == TODAY
