"""The colours Digwell paints itself meet WCAG 2.1 AA against the palette, light and dark:
4.5:1 for text, 3:1 for marks that carry meaning (a line, a bar, a cell with posts, a
focus ring, a break's stroke). The contrast is computed, not eyeballed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.appearance import dark_palette
from app.ui.status_colours import ERROR, WARNING, status_colour
from app.ui.views.chart_paint import chart_colours, contrast, legible
from app.ui.views.draft_editor import OVERFLOW
from app.ui.views.heatmap import YearHeatmap
from app.ui.views.heatmap_paint import break_colour, break_stroke
from app.ui.views.people_lists import state_colour

TEXT, MARK = 4.5, 3.0
ROLE = QPalette.ColorRole


def low_contrast_palette() -> QPalette:
    """A platform palette whose highlight and text are too faint for charts as they are."""
    palette = QApplication.style().standardPalette()
    palette.setColor(ROLE.Window, QColor("#ffffff"))
    palette.setColor(ROLE.WindowText, QColor("#9a9a9a"))
    palette.setColor(ROLE.Highlight, QColor("#cfe3f7"))
    return palette


PALETTES = {
    "light": lambda: QApplication.style().standardPalette(),
    "dark": dark_palette,
    "faint": low_contrast_palette,
}


@pytest.fixture(params=sorted(PALETTES))
def palette(request, qapp) -> QPalette:
    return PALETTES[request.param]()


def on(palette: QPalette, widget: QWidget) -> QWidget:
    widget.setPalette(palette)
    return widget


def test_contrast_is_wcags_ratio():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#336699"), QColor("#336699")) == 1


def test_legible_darkens_on_light_and_lightens_on_dark():
    white, black = QColor("#ffffff"), QColor("#1e1e20")
    darker = legible(QColor("#cfe3f7"), white, MARK)
    lighter = legible(QColor("#2a4a6a"), black, MARK)
    assert contrast(darker, white) >= MARK and darker.lightness() < 200
    assert contrast(lighter, black) >= MARK and lighter.lightness() > 60
    assert legible(QColor("#000000"), white, TEXT) == QColor("#000000")  # already fine


def test_chart_text_and_marks(qtbot, palette):
    widget = on(palette, QWidget())
    qtbot.addWidget(widget)
    background, text, accent, muted = chart_colours(widget)
    assert contrast(text, background) >= TEXT
    assert contrast(muted, background) >= TEXT  # axis labels, captions
    assert contrast(accent, background) >= MARK  # the score line, the share bars


def test_heatmap_days_rings_and_breaks(qtbot, palette):
    heatmap = on(palette, YearHeatmap())
    qtbot.addWidget(heatmap)
    background, text, muted, fills = heatmap._colours()
    empty, *posted = fills
    for fill in posted:  # a day with posts, whatever the count, and the target mark
        assert contrast(fill, background) >= MARK
        assert contrast(fill, empty) >= MARK
    assert contrast(muted, background) >= TEXT  # month and day labels, legend
    assert contrast(text, background) >= MARK  # the focus and hover rings
    accent = chart_colours(heatmap).accent
    shade = break_colour(background, accent)
    stroke = break_stroke(shade, background)
    assert contrast(stroke, shade) >= MARK and contrast(stroke, background) >= MARK


@pytest.mark.parametrize("state", ["overdue", "due"])
def test_people_states_read_on_both_row_colours(palette, state):
    colour = state_colour(state, palette)
    assert colour is not None
    for role in (ROLE.Base, ROLE.AlternateBase):
        assert contrast(colour, palette.color(role)) >= TEXT


@pytest.mark.parametrize("state", [ERROR, WARNING])
def test_error_and_warning_text(palette, state):
    colour = status_colour(state, palette)
    for role in (ROLE.Base, ROLE.Window):
        assert contrast(colour, palette.color(role)) >= TEXT


def test_over_the_limit_text_stays_readable(palette):
    """The over-limit highlight is translucent: the text over it keeps 4.5:1."""
    base = palette.color(ROLE.Base)
    alpha = OVERFLOW.alphaF()
    behind = QColor.fromRgbF(
        *(b + (o - b) * alpha for b, o in zip(
            (base.redF(), base.greenF(), base.blueF()),
            (OVERFLOW.redF(), OVERFLOW.greenF(), OVERFLOW.blueF()),
            strict=True,
        ))
    )  # fmt: skip
    assert contrast(palette.color(ROLE.Text), behind) >= TEXT
