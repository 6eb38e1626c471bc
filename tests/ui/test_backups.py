"""File › Back up now, Restore a backup, weekly backups, and Help › Report a problem."""

import sqlite3
from datetime import timedelta

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from app.backup.schedule import backups_folder, list_backups


def _window(open_window, planner):
    return open_window(planner, demo=False)


def test_back_up_now_writes_the_chosen_file(
    qtbot, open_window, demo_planner, tmp_path, monkeypatch
):
    window = _window(open_window, demo_planner)
    target = tmp_path / "mine.zip"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    backups = window.backups
    with qtbot.waitSignal(backups.runner.finished, timeout=60_000):
        assert backups.back_up_now()
    assert target.is_file()
    assert f"Backed up to {target}: 5 feeds" in window.statusBar().currentMessage()


def test_restore_goes_into_an_empty_folder_and_offers_to_open_it(
    qtbot, open_window, demo_planner, tmp_path
):
    window = _window(open_window, demo_planner)
    archive = tmp_path / "b.zip"

    demo_planner.backups.back_up(archive)
    folder = tmp_path / "restored"
    backups = window.backups
    with qtbot.waitSignal(backups.runner.finished, timeout=60_000):
        assert backups.restore(archive, folder)
    db = sqlite3.connect(folder / "digwell.sqlite3")
    assert db.execute("SELECT count(*) FROM feeds").fetchone()[0] == 5
    assert "restored into" in window.statusBar().currentMessage()
    assert backups.restored_box.isVisible()


def test_restoring_over_the_folder_in_use_is_refused(
    db, qtbot, open_window, demo_planner, tmp_path
):
    window = _window(open_window, demo_planner)
    archive = tmp_path / "b.zip"

    demo_planner.backups.back_up(archive)
    failures = []
    window.backups.failed.connect(failures.append)
    assert not window.backups.restore(archive, db.path.parent)
    assert failures and not window.backups.runner.is_running()


def test_a_file_that_is_not_a_backup_is_refused_before_asking_for_a_folder(
    qtbot, open_window, planner, tmp_path
):
    window = _window(open_window, planner)
    bogus = tmp_path / "notes.zip"
    bogus.write_text("not a zip")
    failures = []
    window.backups.failed.connect(failures.append)
    assert not window.backups.restore(bogus)
    assert failures


def test_the_weekly_backup_runs_when_due_and_not_again(
    db, qtbot, open_window, planner, clock, refresh_clock
):
    window = _window(open_window, planner)
    backups = window.backups
    planner.backups.set_auto(True)
    with qtbot.waitSignal(backups.runner.finished, timeout=60_000):
        assert backups.back_up_if_due()
    folder = backups_folder(db.path.parent)
    assert len(list_backups(folder, clock.tz())) == 1
    assert "This week's backup is in" in window.statusBar().currentMessage()
    assert not backups.back_up_if_due()  # made today: due again in a week
    clock.advance(timedelta(days=7))
    with qtbot.waitSignal(backups.runner.finished, timeout=60_000):
        assert backups.back_up_if_due()
    planner.backups.set_auto(False)
    assert not backups.back_up_if_due()


def test_the_file_menu_shows_whether_weekly_backups_are_on(qtbot, open_window, planner):
    window = _window(open_window, planner)
    planner.backups.set_auto(False)
    window.sync_file_menu()
    assert not window.auto_backup_action.isChecked()
    window.auto_backup_action.setChecked(True)
    assert window.backups.auto_enabled()


def test_report_a_problem_shows_the_log_and_copies_it(qtbot, open_window, planner):
    from app.log_file import log_file
    from app.logs import get_logger, setup_logging, stop_logging

    setup_logging(process="app")
    try:
        get_logger("app.test").info("a line worth reporting")
        window = _window(open_window, planner)
        window.report_problem()
        dialog = window.problem_dialog
        assert dialog.path == log_file()
        assert "a line worth reporting" in dialog.recent.toPlainText()
        dialog.copy()
        assert str(log_file()) in QGuiApplication.clipboard().text()
    finally:
        stop_logging()
