"""The posts log's corrections of many posts at once: select rows (Shift, Ctrl), then
"Set kind…" or "Set theme…" changes them all in one step (app/ui/views/posts_bulk.py;
docs/HISTORY.md, "Kinds and themes")."""

import pytest
from PySide6.QtCore import Qt

from app.cadence.posts_log import PostsLog
from app.store.themes import save_theme
from app.types import Changes, Theme
from app.ui.models.posts_model import KIND, THEME
from app.ui.views.posts_bulk import NO_THEME
from app.ui.views.posts_log_view import PostsLogView


@pytest.fixture
def heard():
    return []


@pytest.fixture
def log(db, planner, heard) -> PostsLog:
    with db.transaction() as conn:
        save_theme(conn, Theme(0, "Platform engineering"), 0)
        save_theme(conn, Theme(0, "Hiring"), 1)
    log = PostsLog(db, planner.clock, heard.append)
    for day in range(10, 16):  # six posts, 10 to 15 November: newest first in the table
        p = log.parse_input(f"2026-11-{day}", "09:00", "x", "share", "", "", f"post {day}")
        log.add(p)
    heard.clear()
    return log


@pytest.fixture
def view(qtbot, log) -> PostsLogView:
    page = PostsLogView(log, log.themes)
    page.said, page.errors = [], []
    page.message.connect(page.said.append)
    page.failed.connect(page.errors.append)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    qtbot.waitExposed(page)
    return page


def _click(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _column(view, column: int) -> list[str]:
    return [view.model.index(row, column).data() for row in range(view.model.rowCount())]


def _choose(qtbot, dialog, text: str) -> None:
    assert text in dialog.comboBoxItems()
    dialog.setTextValue(text)
    dialog.accept()


def test_shift_and_ctrl_select_many_and_set_kind_changes_them_all(qtbot, view, log, heard):
    assert not view.bulk.kind_button.isEnabled()  # nothing selected yet
    _click(qtbot, view, 0)
    _click(qtbot, view, 2, Qt.KeyboardModifier.ShiftModifier)
    _click(qtbot, view, 4, Qt.KeyboardModifier.ControlModifier)
    picked = view.selected_ids()
    assert len(picked) == 4
    # Edit and Delete act on one post; the corrections on them all.
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    assert view.bulk.kind_button.isEnabled() and view.bulk.theme_button.isEnabled()

    view.bulk.kind_button.click()
    dialog = view.bulk.choice
    assert dialog is not None and dialog.isVisible()
    assert dialog.labelText() == "The kind of 4 posts:"
    assert dialog.textValue() == "Shared someone's work"  # what they all are now
    _choose(qtbot, dialog, "Original thought")

    kinds = {p.id: p.kind for p in log.list()}
    assert sorted(i for i, k in kinds.items() if k == "original") == sorted(picked)
    assert _column(view, KIND) == ["Original thought"] * 3 + ["Shared someone's work"] + [
        "Original thought",
        "Shared someone's work",
    ]
    assert view.said == ["Kind set to “Original thought” for 4 posts."]
    assert heard == [Changes(posts=True)]  # once, for the cadence page and the sidebar
    assert view.selected_ids() == picked  # still selected: a theme may follow
    qtbot.waitUntil(lambda: view.bulk.choice is None)


def test_set_theme_and_no_theme_for_the_selection(qtbot, view, log):
    view.select_ids([p.id for p in log.list()[1:3]])
    view.bulk.theme_button.click()
    dialog = view.bulk.choice
    assert dialog.comboBoxItems() == ["Platform engineering", "Hiring", NO_THEME]
    _choose(qtbot, dialog, "Hiring")
    assert _column(view, THEME) == ["", "Hiring", "Hiring", "", "", ""]
    assert view.said[-1] == "Theme set to “Hiring” for 2 posts."
    qtbot.waitUntil(lambda: view.bulk.choice is None)

    view.select_ids([p.id for p in log.list()[2:4]])
    view.bulk.theme_button.click()
    # Hiring and none: nothing shared, so the list starts at its top…
    assert view.bulk.choice.textValue() == "Platform engineering"
    view.bulk.choice.reject()
    qtbot.waitUntil(lambda: view.bulk.choice is None)
    view.select_ids([p.id for p in log.list()[1:3]])
    view.bulk.theme_button.click()
    assert view.bulk.choice.textValue() == "Hiring"  # …and at what they share
    view.bulk.choice.reject()
    qtbot.waitUntil(lambda: view.bulk.choice is None)
    view.select_ids([p.id for p in log.list()[2:4]])
    view.bulk.theme_button.click()
    _choose(qtbot, view.bulk.choice, NO_THEME)
    assert _column(view, THEME) == ["", "Hiring", "", "", "", ""]
    assert view.said[-1] == "Theme cleared for 2 posts."


def test_cancelling_the_choice_changes_nothing(qtbot, view, log, heard):
    view.select_ids([p.id for p in log.list()])
    view.bulk.kind_button.click()
    view.bulk.choice.reject()
    qtbot.waitUntil(lambda: view.bulk.choice is None)
    assert {p.kind for p in log.list()} == {"share"}
    assert heard == [] and view.said == []


def test_a_post_deleted_meanwhile_changes_none_and_says_so(qtbot, view, log, heard):
    ids = [p.id for p in log.list()[:3]]
    view.select_ids(ids)
    view.bulk.kind_button.click()
    log.delete(ids[1])  # elsewhere, e.g. the command line, while the choice is open
    heard.clear()
    _choose(qtbot, view.bulk.choice, "Credited someone")
    assert view.errors == [f"There is no post {ids[1]}. It may have been deleted."]
    assert {p.kind for p in log.list()} == {"share"} and heard == []


def test_without_themes_only_the_kind_can_be_set(qtbot, db, planner):
    log = PostsLog(db, planner.clock)
    log.add(log.parse_input("2026-11-20", "09:00", "x", "share", "", "", "a post"))
    view = PostsLogView(log, log.themes)
    qtbot.addWidget(view)
    view.select_ids([log.list()[0].id])
    assert view.bulk.kind_button.isEnabled() and not view.bulk.theme_button.isEnabled()
    assert view.edit_button.isEnabled()  # one selected: it can be edited too
