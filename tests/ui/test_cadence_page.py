"""The Cadence page in the window: figures that match the CLI, empty states, the plan,
the schedule dialog, planning from the drafts page, reminders and the tray."""

import json
from datetime import datetime, time, timedelta, timezone

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from app.cadence.reminders import Reminder
from app.cadence.schedule import PostingSchedule
from app.cadence.score import score_percent
from app.ui.main_window import CADENCE, DRAFTS, INBOX
from app.ui.views.cadence_page import LOG, NEW_USER_HINT

UTC = timezone.utc


def _page(window):
    window.nav.setCurrentRow(CADENCE)
    return window.cadence_page


def test_the_demo_year_tells_its_story_and_matches_the_cli(
    db, qtbot, open_window, demo_planner, capsys, monkeypatch
):
    page = _page(open_window(demo_planner))
    report = page.report
    assert report.total_posts > 100
    assert page.summary.text() == report.summary
    assert page.summary.text().startswith("Steady: 9-week streak, score ")
    assert page.empty.isHidden()
    assert page.week_tile.figure.text() == f"{report.week_posts} of 3"
    assert page.streak_tile.figure.text() == "9 weeks"
    assert page.score_tile.figure.text() == f"{score_percent(report.score)}%"
    assert page.heatmap.count(report.today - timedelta(days=7)) >= 0
    assert sum(page.heatmap.count(d) for d in report.day_counts) > 100
    assert [b.label for b in page.themes.bars()] == [
        "Platform engineering",
        "Engineering leadership",
        "AI governance",
    ]
    assert page.themes.bars()[2].detail == "0% in 30 days · last 5 weeks ago"  # quiet
    assert [round(b.target, 2) for b in page.mix.bars()] == [0.5, 0.3, 0.2]
    assert not page.chart.is_empty()

    # The command reads the same data folder at the same moment: the same figures.
    from app.cli import main
    from app.clock import NOW_ENV

    monkeypatch.setenv(NOW_ENV, demo_planner.clock.now().isoformat())
    assert main(["cadence", "--data-dir", str(db.path.parent), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["streak_weeks"] == report.streak.weeks
    assert data["week_posts"] == report.week_posts
    assert data["score"] == score_percent(report.score)


def test_a_new_user_sees_what_to_do(qtbot, open_window, planner):
    page = _page(open_window(planner, demo=False))
    assert page.summary.text().startswith("Not started")
    assert not page.empty.isHidden() and page.hint.text() == NEW_USER_HINT
    assert page.chart.is_empty() and page.mix.bars() == []
    assert page.week_tile.figure.text() == "0 of 3"


def test_adding_a_post_in_the_log_updates_the_overview_and_the_card(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    page = _page(window)
    page.add_post_button.click()
    assert page.tabs.currentIndex() == 2
    dialog = page.log.dialog
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    # The window hands the page and the card what changed on the next turn.
    qtbot.waitUntil(lambda: page.report.total_posts == 1)
    assert page.summary.text().startswith("Building: no streak yet")
    qtbot.waitUntil(lambda: window.cadence.headline.text() == "1 of 3 posts this week")


def test_plan_lists_slots_and_plans_an_open_draft(qtbot, open_window, planner, monkeypatch):
    window = open_window(planner, demo=False)
    draft = planner.drafting.new_draft([], text="Golden paths beat mandates.")
    plan = _page(window).plan
    assert plan.tree.topLevelItemCount() == 12  # Tue-Thu, four weeks from Monday
    assert plan.heading.text().startswith("Posting on Tue, Wed, Thu at 09:00")
    plan.tree.setCurrentItem(plan.tree.topLevelItem(1))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    plan.plan_button.click()
    planned = planner.drafting.draft(draft.id)
    assert planned.state == "planned"
    assert planned.planned_for == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)  # Wed 09:00 CET
    row = plan.tree.topLevelItem(1)
    assert row.text(1) == "LinkedIn: Golden paths beat mandates."
    plan.tree.setCurrentItem(row)
    plan.open_button.click()
    assert window.nav.currentRow() == DRAFTS
    assert window.drafts.composer.draft.id == draft.id
    window.nav.setCurrentRow(CADENCE)
    plan.tree.setCurrentItem(plan.tree.topLevelItem(1))
    plan.unplan_button.click()
    assert planner.drafting.draft(draft.id).state == "draft"
    assert plan.tree.topLevelItem(1).text(1) == "free"


def test_the_drafts_page_plans_into_the_next_free_slot(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    taken = planner.drafting.new_draft([], text="First.")
    planner.cadence.plan_draft(taken.id, planner.cadence.slots()[0].at)
    draft = planner.drafting.new_draft([], text="Second.")
    window.open_draft(draft.id)
    window.drafts.plan_button.click()
    planned = planner.drafting.draft(draft.id)
    assert planned.planned_for == planner.cadence.slots()[1].at
    assert "Planned for" in window.drafts.list.currentItem().text()


def test_the_schedule_dialog_saves_days_time_and_preferences(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    window.edit_schedule()
    dialog = window.schedule_dialog
    for box in dialog.day_boxes:
        box.setChecked(box.text() in ("Mon", "Fri"))
    dialog.time.setTime(dialog.time.time().fromString("17:45", "HH:mm"))
    dialog.reminders.setChecked(False)
    dialog.save()
    assert planner.cadence.schedule() == PostingSchedule((0, 4), time(17, 45))
    assert planner.cadence.reminders_enabled() is False


def test_a_schedule_with_no_day_is_refused_in_place(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    window.edit_schedule()
    dialog = window.schedule_dialog
    for box in dialog.day_boxes:
        box.setChecked(False)
    dialog.save()
    assert dialog.isVisible() and "at least one posting day" in dialog.problem.text()
    assert planner.cadence.schedule().days == (1, 2, 3)


@pytest.fixture
def reminding_window(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    window.start_reminders()
    return window


def test_a_due_reminder_shows_once_and_its_click_opens_the_planned_draft(
    qtbot, reminding_window, planner, clock
):
    window = reminding_window
    draft = planner.drafting.new_draft([], text="Planned one.")
    planner.cadence.plan_draft(draft.id, planner.cadence.slots()[0].at)
    clock.advance(timedelta(hours=23))  # Tuesday 09:00 Berlin
    shown = []
    window.reminders.timer.due.connect(shown.append)
    window.reminders.timer.check_now()
    window.reminders.timer.check_now()
    assert [r.draft_id for r in shown] == [draft.id]
    # No tray offscreen: the reminder is said in the window instead.
    assert "is planned for now" in window.statusBar().currentMessage()
    window.nav.setCurrentRow(INBOX)
    window.reminders.follow(shown[0])
    assert window.nav.currentRow() == DRAFTS
    assert window.drafts.composer.draft.id == draft.id


def test_a_reminder_for_a_deleted_draft_opens_the_inbox(qtbot, reminding_window):
    window = reminding_window
    window.nav.setCurrentRow(CADENCE)
    window.reminders.follow(Reminder(datetime.now(UTC), 999, "Planned post", "gone"))
    assert window.nav.currentRow() == INBOX


def test_snoozing_from_the_tray_puts_the_reminder_off(qtbot, reminding_window, planner, clock):
    window = reminding_window
    clock.advance(timedelta(hours=23))
    reminder = window.reminders.timer.check_now()
    assert reminder is not None and reminder.draft_id is None
    window.reminders.tray.show_reminder(reminder)
    window.reminders.tray.snooze_hour_action.trigger()
    assert "snoozed until 10:00" in window.statusBar().currentMessage()
    clock.advance(timedelta(minutes=30))
    assert window.reminders.timer.check_now() is None
    clock.advance(timedelta(minutes=31))
    assert window.reminders.timer.check_now() is not None


def test_closing_quits_unless_the_tray_keeps_it(qtbot, reminding_window, planner):
    window = reminding_window
    planner.cadence.set_preferences(reminders=True, close_to_tray=True)
    assert not window.reminders.keeps_running()  # no tray on this desktop: closing quits
    window.reminders.tray.tray_icon.isVisible = lambda: True  # a desktop with a tray
    assert window.reminders.keeps_running()
    window.close()
    assert window.isHidden() and window.reminders.timer.is_active()
    window.bring_to_front()
    assert window.isVisible()
    window.reminders.tray.quit_action.trigger()
    assert window.isHidden() and not window.reminders.timer.is_active()


def _log_rows(window, page) -> int:
    """The posts log's rows as the user sees them: it reads the log when shown."""
    window.nav.setCurrentRow(CADENCE)
    page.tabs.setCurrentIndex(LOG)
    return page.log.model.rowCount()


def test_marking_posted_and_undoing_reach_the_log_and_the_figures(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    page = _page(window)
    assert _log_rows(window, page) == 0
    draft = planner.drafting.new_draft([], text="A thought of my own.")
    window.open_draft(draft.id)
    window.drafts.composer.posted_button.click()
    qtbot.waitUntil(lambda: page.report.total_posts == 1)
    assert _log_rows(window, page) == 1
    window.open_draft(draft.id)
    window.drafts.composer.undo_button.click()
    qtbot.waitUntil(lambda: page.report.total_posts == 0)
    assert _log_rows(window, page) == 0


def test_deleting_a_draft_post_in_the_log_reopens_it_in_the_composer(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    draft = planner.drafting.new_draft([], text="Posted, then deleted from the log.")
    window.open_draft(draft.id)
    window.drafts.composer.posted_button.click()
    assert window.drafts.composer.editor.isReadOnly()
    page = _page(window)
    _log_rows(window, page)
    page.log.table.selectRow(0)
    page.log.delete_button.click()
    assert planner.drafting.draft(draft.id).state == "draft"
    qtbot.waitUntil(lambda: window.drafts.composer.draft.state == "draft")
    assert not window.drafts.composer.editor.isReadOnly()
