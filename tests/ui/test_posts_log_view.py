"""The posts log page and its dialog: add, edit, delete with undo, import CSV."""

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from app.cadence.posts_log import PostsLog
from app.clock import FixedClock
from app.store.themes import save_theme
from app.types import Theme
from app.ui.dialogs.post_dialog import PostDialog
from app.ui.models.posts_model import PostIdRole
from app.ui.views.posts_log_view import EMPTY_TEXT, PostsLogView
from tests.conftest import BERLIN


@pytest.fixture
def log(db, planner) -> PostsLog:
    with db.transaction() as conn:
        save_theme(conn, Theme(0, "Platform engineering"), 0)
        save_theme(conn, Theme(0, "Hiring"), 1)
    return PostsLog(db, planner.clock)


@pytest.fixture
def view(qtbot, log) -> PostsLogView:
    page = PostsLogView(log, log.themes)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _add(
    log,
    date="2026-11-20",
    time="08:15",
    platform="linkedin",
    kind="share",
    theme="Hiring",
    url="https://example.org/p",
    text="Hello",
):
    return log.add(log.parse_input(date, time, platform, kind, theme, url, text))


def _cells(view, row: int) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _choose(box, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, text
    box.setCurrentIndex(index)


def _save(dialog: PostDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _select(view, row: int) -> None:
    view.table.selectRow(row)
    assert view.current_id() == view.model.index(row, 0).data(PostIdRole)


def test_the_empty_log_says_how_posts_get_there(view):
    assert view.empty.isVisible() and not view.table.isVisible()
    assert view.empty.text() == EMPTY_TEXT
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    assert not view.undo_button.isEnabled()


def test_the_table_lists_posts_newest_first(qtbot, log, qtmodeltester):
    _add(log)
    _add(
        log,
        date="2026-11-22",
        time="21:00",
        platform="x",
        kind="help",
        theme="",
        url="",
        text="Answered a question about\nour on-call rota " + "and more " * 20,
    )
    page = PostsLogView(log, log.themes)
    qtbot.addWidget(page)
    assert page.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "Date"
    )
    assert _cells(page, 0)[:4] == ["2026-11-22 21:00", "X", "Helped someone", ""]
    assert _cells(page, 0)[4].startswith("Answered a question about our on-call rota and")
    assert len(_cells(page, 0)[4]) == 80 and _cells(page, 0)[4].endswith("…")
    assert _cells(page, 1) == [
        "2026-11-20 08:15",
        "LinkedIn",
        "Shared someone's work",
        "Hiring",
        "https://example.org/p",
    ]
    qtmodeltester.check(page.model)


def test_the_dialog_defaults_to_today_in_the_users_time_zone(db, qtbot, log, planner):
    # 23:30 UTC on Sunday is already Monday in Berlin.
    late = PostsLog(db, FixedClock(datetime(2026, 11, 22, 23, 30, tzinfo=timezone.utc), BERLIN))
    dialog = PostDialog(late, late.themes())
    qtbot.addWidget(dialog)
    assert dialog.date.date() == QDate(2026, 11, 23)
    assert dialog.time.time() == QTime(0, 30)
    assert dialog.date.calendarPopup()
    assert dialog.theme.itemText(0) == "No theme"
    assert [dialog.kind.itemText(n) for n in range(dialog.kind.count())] == [
        "Shared someone's work",
        "Original thought",
        "Credited someone",
        "Helped someone",
    ]
    assert dialog.post_input().posted_at == datetime(2026, 11, 23, 0, 30, tzinfo=BERLIN)


def test_add_a_post_through_the_dialog(qtbot, view, log):
    changed, messages = [], []
    view.changed.connect(lambda: changed.append(True))
    view.message.connect(messages.append)
    view.add_button.click()
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Add a post"
    dialog.date.setDate(QDate(2026, 11, 20))
    dialog.time.setTime(QTime(8, 15))
    _choose(dialog.platform, "Mastodon")
    _choose(dialog.kind, "Credited someone")
    _choose(dialog.theme, "Platform engineering")
    dialog.url.setText("https://example.social/@me/1")
    dialog.text.setPlainText("Thanks to Sam for the golden path write-up")
    _save(dialog)
    assert not dialog.isVisible()
    [post] = log.list()
    assert log.to_json(post) | {"id": 0} == {
        "id": 0,
        "date": "2026-11-20",
        "time": "08:15",
        "posted_at": "2026-11-20T08:15:00+01:00",
        "platform": "mastodon",
        "kind": "credit",
        "theme": "Platform engineering",
        "url": "https://example.social/@me/1",
        "text": "Thanks to Sam for the golden path write-up",
        "draft_id": None,
    }
    assert changed == [True] and messages == ["Post added."]
    assert view.table.isVisible() and not view.empty.isVisible()
    assert view.current_id() == post.id


def test_bad_input_is_said_in_the_dialog_which_stays_open(qtbot, view, log):
    view.add_button.click()
    dialog = view.dialog
    dialog.url.setText("javascript:alert(1)")
    _save(dialog)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "'javascript:alert(1)' is not a web address. "
        "Give the post's link, starting with https://, or leave it empty."
    )
    dialog.url.setText("")
    dialog.time.setTime(QTime(10, 30))  # later today: still to come
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.problem.text().startswith("2026-11-23 10:30 is in the future.")
    assert log.count() == 0
    dialog.time.setTime(QTime(9, 30))
    _save(dialog)
    assert not dialog.isVisible() and log.count() == 1


def test_edit_a_post_by_double_click(qtbot, view, log):
    post = _add(log)
    view.reload()
    _select(view, 0)
    # The table was hidden while the log was empty: let it be laid out first.
    qtbot.waitUntil(lambda: view.table.viewport().height() > 0)
    rect = view.table.visualRect(view.model.index(0, 1))
    # QTest's double click has no press of its own; item views need one to double-click.
    qtbot.mousePress(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.dialog
    assert dialog is not None and dialog.windowTitle() == "Edit post"
    assert dialog.date.date() == QDate(2026, 11, 20) and dialog.time.time() == QTime(8, 15)
    assert dialog.platform.currentText() == "LinkedIn"
    assert dialog.kind.currentText() == "Shared someone's work"
    assert dialog.theme.currentText() == "Hiring"
    assert dialog.url.text() == "https://example.org/p" and dialog.text.toPlainText() == "Hello"
    _choose(dialog.kind, "Original thought")
    _choose(dialog.theme, "No theme")
    _save(dialog)
    assert log.get(post.id) == post._replace(kind="original", theme_id=None)
    assert _cells(view, 0)[2:4] == ["Original thought", ""]


def test_edit_button_opens_the_selected_post(qtbot, view, log):
    _add(log, date="2026-11-01")
    newest = _add(log, date="2026-11-21", text="Newest")
    view.reload()
    _select(view, 0)
    view.edit_button.click()
    assert view.dialog.post is not None and view.dialog.post.id == newest.id
    view.dialog.reject()
    assert view.dialog is None


def test_delete_then_undo(qtbot, view, log):
    older = _add(log, date="2026-11-01")
    newer = _add(log, date="2026-11-21")
    view.reload()
    messages, changed = [], []
    view.message.connect(messages.append)
    view.changed.connect(lambda: changed.append(True))
    _select(view, 0)
    view.delete_button.click()
    assert log.list() == [older] and messages == ["Post deleted."] and changed == [True]
    assert view.undo_button.isEnabled()
    assert view.current_id() == older.id  # the next row is selected
    view.delete_button.click()
    assert log.list() == [] and view.empty.isVisible()
    view.undo_button.click()
    assert log.list() == [older] and messages[-1] == "Post restored."
    assert view.current_id() == older.id and not view.undo_button.isEnabled()
    view.undo_delete()  # only the last delete is kept
    assert log.list() == [older]
    assert newer.id not in [p.id for p in log.list()]


def test_import_shows_the_bad_rows_and_imports_nothing(qtbot, view, log, tmp_path, monkeypatch):
    path = tmp_path / "posts.csv"
    path.write_text("date,platform\n2026-11-20,linkedin\n2026-13-01,x\n2026-11-21,myspace\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text))
    )
    changed = []
    view.changed.connect(lambda: changed.append(True))
    view.import_button.click()
    [(title, text)] = warnings
    assert title == "Nothing imported"
    assert text.splitlines() == [
        "Nothing was imported from posts.csv: 2 rows have problems. "
        "Fix them, then import the file again.",
        "  line 3: '2026-13-01' is not a date (YYYY-MM-DD)",
        "  line 4: 'myspace' is not a platform Digwell knows",
    ]
    assert log.count() == 0 and changed == [] and view.empty.isVisible()


def test_import_reports_what_it_added(qtbot, view, log, tmp_path, monkeypatch):
    path = tmp_path / "posts.csv"
    path.write_text("date,platform\n2026-11-20,linkedin\n2026-11-21,x\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    infos = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: infos.append(text))
    messages, changed = [], []
    view.message.connect(messages.append)
    view.changed.connect(lambda: changed.append(True))
    view.import_button.click()
    assert infos == ["Imported 2 posts."] and messages == ["Imported 2 posts."]
    assert changed == [True] and view.model.rowCount() == 2
    view.import_button.click()
    assert infos[-1] == "Imported 0 posts (2 already in the log)."
    assert changed == [True]


def test_import_cancelled_does_nothing(qtbot, view, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("no message expected"))
    view.import_button.click()
    assert view.model.rowCount() == 0


def test_editing_keeps_the_seconds_of_an_unchanged_time(db, qtbot, view, log, planner):
    from app.store import posts as posts_q

    marked = datetime(2026, 11, 20, 7, 15, 42, tzinfo=timezone.utc)  # as "mark posted" logs
    with db.transaction() as conn:
        post_id = posts_q.add_post(conn, posted_at=marked, platform="bluesky", draft_id=None)
    view.reload()
    messages = []
    view.message.connect(messages.append)
    _select(view, 0)
    view.edit_button.click()
    _save(view.dialog)
    assert messages == []  # nothing changed, nothing said
    view.edit_button.click()
    _choose(view.dialog.kind, "Helped someone")
    _save(view.dialog)
    post = log.get(post_id)
    assert post.posted_at == marked and post.kind == "help" and messages == ["Post updated."]


def test_a_post_gone_meanwhile_is_a_failure_not_a_crash(qtbot, view, log):
    post = _add(log)
    view.reload()
    _select(view, 0)
    log.delete(post.id)  # e.g. by `digwell posts delete` while the window is open
    failures = []
    view.failed.connect(failures.append)
    view.delete_button.click()
    assert failures == [f"There is no post {post.id}. It may have been deleted."]
    assert view.model.rowCount() == 0 and not view.undo_button.isEnabled()
