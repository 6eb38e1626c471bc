"""Planned breaks on the Cadence page: Add break… (from, to, note), the list, Remove, the
banner while today is on a break; and nothing in the window reminds during one
(docs/CADENCE.md, "Planned breaks"). Today is Monday 23 November 2026 in Berlin."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from app.types import Break
from app.ui.sidebar import CADENCE
from app.ui.views.breaks_view import EMPTY_TEXT
from app.ui.views.cadence_page import CadencePage

TODAY = date(2026, 11, 23)


@pytest.fixture
def page(qtbot, planner):
    """The page as the window has it: it hears every change the planner announces."""
    page = CadencePage(planner)
    page.said, page.errors = [], []
    page.message.connect(page.said.append)
    page.failed.connect(page.errors.append)
    unsubscribe = planner.subscribe(page.apply_changes)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    yield page
    unsubscribe()


def _rows(page) -> list[str]:
    rows = page.breaks.list
    return [rows.item(i).text() for i in range(rows.count())]


def _save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_add_break_plans_one_through_its_dialog(qtbot, page, planner):
    views = page.breaks
    assert views.empty.isVisible() and views.empty.text() == EMPTY_TEXT
    assert not views.remove_button.isEnabled() and page.breaks.banner.isHidden()

    views.add_button.click()
    dialog = views.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.period() == (TODAY, TODAY + timedelta(days=13))  # two weeks from today
    assert dialog.starts.calendarPopup() and dialog.ends.calendarPopup()
    dialog.starts.setDate(QDate(2027, 7, 12))
    assert dialog.period() == (date(2027, 7, 12), date(2027, 7, 25))  # its length kept
    dialog.ends.setDate(QDate(2027, 7, 1))  # before the first day: not possible
    assert dialog.period()[1] == date(2027, 7, 12)
    dialog.ends.setDate(QDate(2027, 8, 23))
    dialog.note.setText("  Summer   holiday ")
    _save(dialog)

    assert planner.cadence.breaks() == [
        Break(
            planner.cadence.breaks()[0].id, date(2027, 7, 12), date(2027, 8, 23), "Summer holiday"
        )
    ]
    assert page.said == ["Break planned: 12 Jul – 23 Aug 2027."]
    assert _rows(page) == ["12 Jul – 23 Aug 2027 · Summer holiday · planned"]
    assert views.list.isVisible() and views.empty.isHidden()
    assert page.breaks.banner.isHidden()  # not today
    qtbot.waitUntil(lambda: views.dialog is None)


def test_today_on_a_break_shows_the_banner_and_the_figures_rest(qtbot, page, planner):
    planner.cadence.add_break(date(2026, 11, 16), date(2026, 11, 30), "Parental leave")
    banner = page.breaks.banner
    assert banner.isVisible()
    assert banner.text() == (
        "On a break until 30 Nov: your score is frozen and reminders are quiet."
    )
    assert page.score_tile.detail.text() == "Frozen while you are on a break."
    assert page.week_tile.detail.text().startswith("On a break")
    assert page.heatmap.is_break(TODAY) and page.heatmap.is_break(date(2026, 11, 16))
    assert not page.heatmap.is_break(date(2026, 11, 15))

    # Another break running on from it: one stretch away, until its end.
    planner.cadence.add_break(date(2026, 11, 28), date(2027, 1, 3))
    assert banner.text().startswith("On a break until 3 Jan 2027:")
    assert _rows(page) == [
        "28 Nov 2026 – 3 Jan 2027 · planned",
        "16 Nov – 30 Nov 2026 · Parental leave · now",
    ]


def test_remove_takes_a_break_out_and_the_banner_goes(qtbot, page, planner):
    planner.cadence.add_break(date(2026, 11, 20), date(2026, 11, 27), "Flu")
    planner.cadence.add_break(date(2026, 3, 2), date(2026, 3, 6))
    assert _rows(page) == ["20 Nov – 27 Nov 2026 · Flu · now", "2 Mar – 6 Mar 2026"]
    page.breaks.list.setCurrentRow(0)
    assert page.breaks.remove_button.isEnabled()
    page.breaks.remove_button.click()
    assert [b.note for b in planner.cadence.breaks()] == [""]
    assert page.said == ["Break removed: 20 Nov – 27 Nov 2026."]
    assert page.breaks.banner.isHidden()
    assert _rows(page) == ["2 Mar – 6 Mar 2026"]  # a past one: no state word


def test_a_break_removed_elsewhere_is_said_not_crashed(qtbot, page, planner):
    kept = planner.cadence.add_break(date(2027, 1, 4), date(2027, 1, 8))
    page.breaks.list.setCurrentRow(0)
    page.breaks.remove_button.click()
    page.breaks.show_breaks([kept], TODAY, None)  # a list not yet read again
    page.breaks.list.setCurrentRow(0)
    page.breaks.remove_button.click()
    assert page.errors == [
        f"There is no break with id {kept.id}. List the breaks to see their ids."
    ]


def test_nothing_in_the_window_reminds_during_a_break(qtbot, open_window, planner, clock):
    window = open_window(planner, demo=False)
    window.start_reminders()
    draft = planner.drafting.new_draft([], text="Planned one.")
    planner.cadence.plan_draft(draft.id, planner.cadence.slots()[0].at)
    person = planner.people.add("Priya Raman", circle="Close")
    planner.people.touch(person.id, "talked", on=planner.people.today() - timedelta(45))
    card = window.sidebar.card
    assert card.detail.text() == "3 more to keep your presence steady."

    planner.cadence.add_break(TODAY - timedelta(days=1), TODAY + timedelta(days=6), "Away")
    qtbot.waitUntil(lambda: card.detail.text().startswith("On a break"))
    clock.advance(timedelta(hours=23))  # Tuesday 09:00: the planned slot comes and goes
    assert window.reminders.timer.check_now() is None  # no post reminder…
    assert window.reminders.timer.check_now() is None  # …nor the people gone cold
    window.nav.setCurrentRow(CADENCE)
    assert window.cadence_page.breaks.banner.isVisible()

    clock.advance(timedelta(days=7))  # back: reminders to post, and people gone cold
    sam = planner.people.add("Sam Rivera", circle="Close")
    planner.people.touch(sam.id, "talked", on=planner.people.today() - timedelta(45))
    first, second = window.reminders.timer.check_now(), window.reminders.timer.check_now()
    assert first.title == "Time to share" and "Sam Rivera" in second.message
