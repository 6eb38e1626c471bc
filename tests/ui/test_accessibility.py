"""A screen reader can name every control and read the custom-painted charts; the heatmap
is a grid the arrow keys walk day by day (docs/CADENCE.md)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from app.types import Break
from app.ui.sidebar import PAGE_NAMES
from app.ui.views.chart_words import bars_summary, heatmap_day, score_summary
from app.ui.views.heatmap import YearHeatmap
from app.ui.views.score_chart import ScoreChart
from app.ui.views.share_bars import Bar, ShareBars
from tests.ui.page_tabs import each_tab

# Focusable widgets known to have no accessible name yet, by class and object name, so
# the walk still fails on any new one. Each entry is a debt: name it and drop it here.
# The pages have none left; these four are in dialogs, left to the dialogs' owners.
KNOWN_UNNAMED: set[tuple[str, str]] = set()
KNOWN_UNNAMED_IN_DIALOGS: dict[str, set[tuple[str, str]]] = {}


def _name(widget: QWidget) -> str:
    """What assistive technology hears as the widget's name (its own text, a buddy label,
    a tooltip or the accessible name: Qt decides)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description) if interface is not None else ""


def _unnamed(window: QWidget) -> list[tuple[str, str]]:
    """Visible widgets that take Tab focus and whose name is empty."""
    found = []
    for widget in window.findChildren(QWidget):
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        # A spin box's own line edit hands its focus to the spin box, which has the name.
        proxy = widget.focusProxy()
        named = proxy if proxy is not None else widget
        if takes_tab and widget.isVisibleTo(window) and not _name(named):
            found.append((type(widget).__name__, widget.objectName()))
    return found


# -- the wording --------------------------------------------------------------------------


def test_the_score_summary_gives_the_latest_the_week_and_the_lowest():
    today = date(2026, 11, 3)
    points = [
        (date(2026, 8, 12), 0.33),
        (today - timedelta(days=7), 0.89),
        (today - timedelta(days=1), 0.9),
        (today, 0.91),
    ]
    assert score_summary(points) == (
        "Presence score 91%, up 2 points on last week; lowest 33% on 12 Aug"
    )
    assert score_summary([(date(2026, 8, 12), 0.5), (today, 0.49)]) == (
        "Presence score 49%, down 1 point on last week; lowest 49% on 3 Nov"
    )
    assert score_summary([(today, 0.4)]) == "Presence score 40%; lowest 40% on 3 Nov"
    assert score_summary([]) == ""


def test_the_heatmap_day_says_posts_target_and_break():
    day = date(2026, 11, 3)
    assert heatmap_day(day, 2, True, None) == "Tue 3 Nov: 2 posts, a week on target"
    assert heatmap_day(day, 1, False, "") == "Tue 3 Nov: 1 post, on a break"
    assert heatmap_day(day, 0, False, "Summer") == "Tue 3 Nov: no posts, on a break (Summer)"


def test_the_share_bars_list_each_label_and_value():
    bars = [("Platform engineering", 0.32), ("Engineering leadership", 0.23)]
    assert bars_summary(bars) == "Platform engineering 32%, Engineering leadership 23%"


# -- the custom widgets -------------------------------------------------------------------


def test_the_score_chart_names_itself_and_summarises_its_series(qtbot):
    chart = ScoreChart()
    qtbot.addWidget(chart)
    today = date(2026, 11, 3)
    chart.set_series(
        [(date(2026, 8, 12), 0.33), (today - timedelta(days=7), 0.5), (today, 0.6)], today
    )
    assert _name(chart) == "Presence score, last 180 days"
    assert _description(chart) == (
        "Presence score 60%, up 10 points on last week; lowest 33% on 12 Aug"
    )


def test_the_share_bars_read_out_every_bar(qtbot):
    bars = ShareBars()
    qtbot.addWidget(bars)
    bars.set_bars([Bar("Platform engineering", value=0.32), Bar("Kubernetes", value=0.05)])
    assert _name(bars) == "Share of posts"
    assert _description(bars) == "Platform engineering 32%, Kubernetes 5%"
    bars.set_bars([], "Nothing posted yet")
    assert _description(bars) == "Nothing posted yet"


def _heatmap(qtbot) -> tuple[YearHeatmap, date]:
    today = date(2026, 11, 3)  # a Tuesday
    heatmap = YearHeatmap()
    qtbot.addWidget(heatmap)
    monday = today - timedelta(days=1)
    counts = {monday: 1, today: 2, today - timedelta(days=7): 1}
    summer = Break(id=1, starts_on=date(2026, 8, 3), ends_on=date(2026, 8, 9), note="Summer")
    heatmap.set_days(counts, today, weekly_target=3, breaks=[summer])
    heatmap.resize(heatmap.sizeHint())
    heatmap.show()
    qtbot.waitExposed(heatmap)
    heatmap.setFocus()
    qtbot.waitUntil(heatmap.hasFocus)
    return heatmap, today


def test_the_heatmap_takes_focus_and_announces_the_focused_day(qtbot):
    heatmap, today = _heatmap(qtbot)
    assert heatmap.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert heatmap.focused_day() == today
    assert _description(heatmap) == "Tue 3 Nov: 2 posts, a week on target"
    assert _name(heatmap) == "Posts per day, last 53 weeks, Tue 3 Nov: 2 posts, a week on target"


def test_the_arrow_keys_walk_the_grid_day_by_day(qtbot):
    heatmap, today = _heatmap(qtbot)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)  # rows are weekdays
    assert heatmap.focused_day() == today - timedelta(days=1)
    assert _description(heatmap) == "Mon 2 Nov: 1 post, a week on target"
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)  # past the last day: stays
    assert heatmap.focused_day() == today
    qtbot.keyClick(heatmap, Qt.Key.Key_Left)  # columns are weeks
    assert heatmap.focused_day() == today - timedelta(days=7)
    assert _description(heatmap) == "Tue 27 Oct: 1 post"
    qtbot.keyClick(heatmap, Qt.Key.Key_Right)
    assert heatmap.focused_day() == today


def test_a_break_day_is_announced_and_enter_opens_the_day(qtbot):
    heatmap, _today = _heatmap(qtbot)
    for _ in range(13):
        qtbot.keyClick(heatmap, Qt.Key.Key_Left)
    assert heatmap.focused_day() == date(2026, 8, 4)
    assert _description(heatmap) == "Tue 4 Aug: no posts, on a break (Summer)"
    with qtbot.waitSignal(heatmap.day_clicked) as clicked:
        qtbot.keyClick(heatmap, Qt.Key.Key_Return)
    assert clicked.args == [date(2026, 8, 4)]


def test_the_focused_cell_is_drawn(qtbot):
    heatmap, today = _heatmap(qtbot)
    rect = heatmap.cell_rect(today)
    assert rect is not None
    focused = heatmap.grab().toImage()
    heatmap.clearFocus()
    qtbot.waitUntil(lambda: not heatmap.hasFocus())
    unfocused = heatmap.grab().toImage()
    ring = rect.adjusted(-2, -2, 2, 2)
    differs = any(
        focused.pixel(x, y) != unfocused.pixel(x, y)
        for x in range(ring.left(), ring.right() + 1)
        for y in range(ring.top(), ring.bottom() + 1)
    )
    assert differs


# -- the whole window ---------------------------------------------------------------------


def test_every_page_names_every_control(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    walked, unnamed = 0, set()
    for row in range(len(PAGE_NAMES)):
        window.nav.setCurrentRow(row)
        qtbot.waitUntil(lambda row=row: window.pages.currentIndex() == row)
        page = window.pages.currentWidget()
        for _tab in each_tab(page, qtbot):
            walked += sum(
                1
                for w in page.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(window)
            )
            unnamed.update(_unnamed(window))
        if row == 3:  # the Cadence page: its charts speak
            cadence = window.cadence_page
            assert _description(cadence.chart).startswith("Presence score ")
            assert "Platform engineering " in _description(cadence.themes)
            assert _description(cadence.heatmap).startswith(
                f"{cadence.report.today:%a} {cadence.report.today.day} "
            )
    assert walked > 80
    assert sorted(unnamed - KNOWN_UNNAMED) == []
    # A fixed widget must leave the list, so the list only shrinks.
    assert sorted(KNOWN_UNNAMED - unnamed) == []


def test_every_dialog_names_every_control(qtbot, open_window, demo_planner, clock):
    from tests.ui.every_dialog import every_dialog

    window = open_window(demo_planner)
    dialogs = every_dialog(demo_planner, clock.now().date(), window.menuBar())
    walked, wrong = 0, {}
    for key, make in dialogs.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        walked += 1
        unnamed = set(_unnamed(dialog))
        if unnamed != KNOWN_UNNAMED_IN_DIALOGS.get(key, set()):
            wrong[key] = sorted(unnamed)
        dialog.close()
    assert walked == len(dialogs) >= 20
    assert wrong == {}


def test_inbox_rows_announce_title_source_age_and_reason(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    view, model = window.inbox.view, window.inbox.model
    row = model._row(0)
    table = QAccessible.queryAccessibleInterface(view)
    cells = (table.child(n) for n in range(table.childCount()))
    cell = next(c for c in cells if c.role() in (QAccessible.Role.Cell, QAccessible.Role.ListItem))
    name = cell.text(QAccessible.Text.Name)
    assert name.startswith(f"{row.title} — {row.source}, ")
    assert row.reason and name.endswith(row.reason)
    assert "ago" in name or "yesterday" in name or any(ch.isdigit() for ch in name)
    assert cell.text(QAccessible.Text.Description).startswith(("Unread", "Starred"))


def _focus_chain(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `dialog`, from its first, once round."""
    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    for _step in range(300):
        takes = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes and widget.isVisibleTo(dialog) and widget.isEnabled():
            if widget in chain:
                break
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_tab_follows_the_layout_in_every_dialog(qtbot, open_window, demo_planner, clock):
    """Reading order: down the page, or on to the next column to the right; never back up
    and to the left (the last control wrapping round to the first aside)."""
    from PySide6.QtCore import QPoint

    from tests.ui.every_dialog import every_dialog

    window = open_window(demo_planner)
    wrong = {}
    for key, make in every_dialog(demo_planner, clock.now().date(), window.menuBar()).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        places = [(w.mapTo(dialog, QPoint(0, 0)), w) for w in _focus_chain(dialog)]
        back = [
            (type(b).__name__, b.objectName() or _name(b))
            for (pa, _a), (pb, b) in pairwise(places)
            if pb.y() < pa.y() - 5 and pb.x() <= pa.x()
        ]
        if back:
            wrong[key] = back
        dialog.close()
    assert wrong == {}


def test_this_weeks_card_reads_the_week_and_opens_cadence_from_the_keyboard(
    qtbot, open_window, demo_planner
):
    from app.ui.sidebar import CADENCE
    from app.ui.views.cadence_card import CadenceCard

    window = open_window(demo_planner)
    card = window.findChild(CadenceCard)
    qtbot.waitUntil(lambda: bool(card.headline.text()))
    assert _name(card) == "This week"
    assert _description(card).startswith(card.headline.text())
    assert card.detail.text() in _description(card)
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CADENCE)
