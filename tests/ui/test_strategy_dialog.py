"""The strategy editor: fields, themes, one undo history, checking on save."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QColorDialog, QMessageBox

from app.store import feeds as feeds_q
from app.strategy.stored import strategy_version
from app.strategy.strategy import ContentMix, Strategy
from app.types import Profile, Theme
from app.ui.dialogs.strategy_dialog import StrategyDialog
from tests.conftest import NOW

STRATEGY = Strategy(
    Profile("Alex Morgan", "Platform engineer", "Lead a platform team", "Platform engineers"),
    (
        Theme(0, "Platform", ("kubernetes", "golden path"), ("sponsored",), ("#SRE",), "#2f80ed"),
        Theme(0, "AI", ("llm",), (), (), "#27a27b"),
        Theme(0, "Hiring", ("hiring",), (), (), "#e07a3f"),
    ),
    weekly_target=4,
    mix=ContentMix(40, 40, 20),
    half_life_days=2.5,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _open(qtbot, planner) -> StrategyDialog:
    dialog = StrategyDialog(planner)
    # Closing asks before dropping unsaved edits: the tests' teardown has none to keep.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.stack.setClean())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts need the active window
    return dialog


@pytest.fixture
def dialog(qtbot, planner):
    planner.strategy.save(STRATEGY)
    return _open(qtbot, planner)


def _names(dialog) -> list[str]:
    themes = dialog.theme_editor
    return [themes.theme_list.item(n).text() for n in range(themes.theme_list.count())]


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_it_shows_the_stored_strategy(dialog):
    themes = dialog.theme_editor
    assert dialog.findChild(type(themes.theme_name), "profile_goal").text() == (
        "Lead a platform team"
    )
    assert _names(dialog) == ["Platform", "AI", "Hiring"]
    assert themes.theme_list.currentRow() == 0
    assert themes.theme_name.text() == "Platform"
    assert themes.keywords.toPlainText() == "kubernetes\ngolden path"
    assert themes.excluded.toPlainText() == "sponsored"
    assert themes.hashtags.text() == "#SRE"
    assert themes.color_button.text() == "#2f80ed"
    assert dialog.weekly_target.value() == 4
    assert [dialog.mix[k].value() for k in ("share", "original", "credit")] == [40, 40, 20]
    assert dialog.half_life.value() == 2.5
    assert dialog.edit.strategy().themes[1] == STRATEGY.themes[1]._replace(
        id=dialog.edit.themes[1].id
    )
    assert not dialog.has_changes() and not dialog.undo_action.isEnabled()


def test_a_first_run_starts_with_one_empty_theme_and_the_defaults(qtbot, planner):
    dialog = _open(qtbot, planner)
    themes = dialog.theme_editor
    assert _names(dialog) == ["(unnamed theme)"]
    assert not themes.remove_button.isEnabled()
    assert dialog.weekly_target.value() == 3 and dialog.half_life.value() == 3.0
    assert dialog.mix_hint.text() == "Sums to 100%."
    assert not dialog.has_changes()


def test_typing_is_one_undo_step_per_field_and_the_keys_undo_and_redo(qtbot, dialog):
    themes = dialog.theme_editor
    goal = dialog.findChild(type(themes.theme_name), "profile_goal")
    goal.clear()
    _type(qtbot, goal, "Lead SRE")
    _type(qtbot, themes.theme_name, " eng")
    assert dialog.stack.count() == 2 and _names(dialog)[0] == "Platform eng"
    assert dialog.undo_action.text() == "Undo theme name"

    qtbot.keyClick(themes.theme_name, Qt.Key.Key_Z, CTRL)  # the dialog's undo, not the field's
    assert themes.theme_name.text() == "Platform" and _names(dialog)[0] == "Platform"
    assert goal.text() == "Lead SRE"
    qtbot.keyClick(themes.theme_name, Qt.Key.Key_Z, CTRL)
    assert goal.text() == "Lead a platform team"
    assert not dialog.has_changes()
    qtbot.keyClick(goal, Qt.Key.Key_Z, CTRL_SHIFT)
    qtbot.keyClick(goal, Qt.Key.Key_Z, CTRL_SHIFT)
    assert goal.text() == "Lead SRE" and themes.theme_name.text() == "Platform eng"
    assert dialog.edit.strategy().profile.goal == "Lead SRE"


def test_a_field_s_own_undo_never_runs_behind_the_dialog_s_back(qtbot, dialog):
    themes = dialog.theme_editor
    _type(qtbot, themes.theme_name, "x")
    qtbot.keyClick(themes.theme_name, Qt.Key.Key_Backspace)
    assert dialog.stack.count() == 0  # typed and erased: nothing to undo
    qtbot.keyClick(themes.theme_name, Qt.Key.Key_Z, CTRL)
    assert themes.theme_name.text() == "Platform" and dialog.stack.count() == 0


def test_undoing_a_theme_edit_shows_that_theme_again(qtbot, dialog):
    themes = dialog.theme_editor
    themes.theme_list.setCurrentRow(1)
    themes.keywords.setFocus()
    themes.keywords.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(themes.keywords, Qt.Key.Key_Return)
    qtbot.keyClicks(themes.keywords, "agents")
    themes.theme_list.setCurrentRow(2)
    assert themes.theme_name.text() == "Hiring"
    dialog.undo_action.trigger()
    assert themes.theme_list.currentRow() == 1
    assert themes.keywords.toPlainText() == "llm"
    dialog.redo_action.trigger()
    assert themes.keywords.toPlainText() == "llm\nagents"
    assert dialog.edit.strategy().themes[1].keywords == ("llm", "agents")


def test_spin_boxes_and_the_mix_hint_follow_edits_and_undo(qtbot, dialog):
    dialog.mix["share"].setValue(50)
    assert dialog.mix_hint.text() == "Sums to 110%: make it 100%."
    dialog.mix["original"].setValue(30)
    assert dialog.mix_hint.text() == "Sums to 100%."
    dialog.weekly_target.setValue(6)
    dialog.half_life.setValue(5.0)
    assert dialog.edit.strategy()[2:] == (6, ContentMix(50, 30, 20), 5.0)
    for _ in range(4):
        dialog.undo_action.trigger()
    assert dialog.edit.strategy()[2:] == (4, ContentMix(40, 40, 20), 2.5)
    assert dialog.weekly_target.value() == 4 and dialog.mix["share"].value() == 40
    assert dialog.mix_hint.text() == "Sums to 100%."


def test_adding_removing_and_moving_themes_are_undoable(qtbot, dialog):
    themes = dialog.theme_editor
    themes.theme_list.setCurrentRow(0)
    qtbot.mouseClick(themes.add_button, Qt.MouseButton.LeftButton)
    assert _names(dialog) == ["Platform", "(unnamed theme)", "AI", "Hiring"]
    assert themes.theme_list.currentRow() == 1 and themes.theme_name.text() == ""
    _type(qtbot, themes.theme_name, "Leadership")
    assert _names(dialog)[1] == "Leadership"

    themes.theme_list.setCurrentRow(2)  # AI
    qtbot.mouseClick(themes.remove_button, Qt.MouseButton.LeftButton)
    assert _names(dialog) == ["Platform", "Leadership", "Hiring"]
    themes.theme_list.setCurrentRow(2)  # Hiring
    qtbot.mouseClick(themes.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(themes.up_button, Qt.MouseButton.LeftButton)
    assert _names(dialog) == ["Hiring", "Platform", "Leadership"]
    assert themes.theme_list.currentRow() == 0 and not themes.up_button.isEnabled()

    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    assert _names(dialog) == ["Platform", "Leadership", "Hiring"]
    dialog.undo_action.trigger()
    assert _names(dialog) == ["Platform", "Leadership", "AI", "Hiring"]
    assert themes.theme_list.currentRow() == 2 and themes.keywords.toPlainText() == "llm"
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    assert _names(dialog) == ["Platform", "AI", "Hiring"]
    assert not dialog.has_changes()
    for _ in range(5):
        dialog.redo_action.trigger()
    assert _names(dialog) == ["Hiring", "Platform", "Leadership"]


def test_there_are_never_fewer_than_one_nor_more_than_eight_themes(qtbot, dialog):
    themes = dialog.theme_editor
    for _ in range(5):
        qtbot.mouseClick(themes.add_button, Qt.MouseButton.LeftButton)
    assert len(dialog.edit.themes) == 8 and not themes.add_button.isEnabled()
    assert len({d.color for d in dialog.edit.themes}) == 8  # each new theme its own colour
    while themes.remove_button.isEnabled():
        qtbot.mouseClick(themes.remove_button, Qt.MouseButton.LeftButton)
    assert len(dialog.edit.themes) == 1


def test_the_colour_comes_from_the_colour_dialog_and_is_undoable(qtbot, dialog, monkeypatch):
    themes = dialog.theme_editor
    asked = []

    def get_color(initial, parent, title):
        asked.append(initial.name())
        return QColor("#123456")

    monkeypatch.setattr(QColorDialog, "getColor", get_color)
    themes.theme_list.setCurrentRow(1)
    qtbot.mouseClick(themes.color_button, Qt.MouseButton.LeftButton)
    assert asked == ["#27a27b"]
    assert themes.color_button.text() == "#123456"
    assert dialog.edit.strategy().themes[1].color == "#123456"
    dialog.undo_action.trigger()
    assert themes.color_button.text() == "#27a27b"


def test_invalid_input_is_shown_in_the_dialog_and_nothing_is_saved(db, qtbot, dialog, planner):
    themes = dialog.theme_editor
    themes.theme_list.setCurrentRow(2)
    themes.keywords.selectAll()
    qtbot.keyClick(themes.keywords, Qt.Key.Key_Delete)
    themes.theme_list.setCurrentRow(0)
    saved = []
    dialog.saved.connect(saved.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and saved == []
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        "Theme 3 (“Hiring”): it has no keywords. "
        "Add at least one word or phrase that items on this theme contain."
    )
    assert themes.theme_list.currentRow() == 2  # the theme at fault is shown
    assert themes.keywords.hasFocus()
    assert strategy_version(db) == 1
    assert planner.strategy.load().themes[2].keywords == ("hiring",)


def test_a_duplicate_name_is_refused(qtbot, dialog, planner):
    themes = dialog.theme_editor
    themes.theme_list.setCurrentRow(1)
    themes.theme_name.setText("platform")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "already used by theme 1" in dialog.error.text()
    assert [t.name for t in planner.strategy.themes()] == ["Platform", "AI", "Hiring"]


def test_save_stores_the_strategy_emits_the_version_and_keeps_feed_links(
    db, qtbot, dialog, planner
):
    themes = dialog.theme_editor
    ai = planner.strategy.themes()[1]
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://ai.example/feed", "AI news", NOW)
        feeds_q.set_feed_themes(conn, feed_id, [ai.id])
    themes.theme_list.setCurrentRow(1)
    themes.theme_name.setText("Applied AI")
    themes.hashtags.setText("responsible ai, #MLOps")
    dialog.weekly_target.setValue(2)
    dialog.findChild(type(themes.theme_name), "profile_name").setText("  Alex M. ")

    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [2] and strategy_version(db) == 2
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    strategy = planner.strategy.load()
    assert strategy.profile.name == "Alex M."
    assert strategy.weekly_target == 2 and planner.strategy.weekly_target() == 2
    assert [(t.id, t.name) for t in strategy.themes][1] == (ai.id, "Applied AI")
    assert strategy.themes[1].hashtags == ("#responsible", "#ai", "#MLOps")
    assert planner.feeds.list_feeds()[0].themes == ("Applied AI",)


def test_cancel_with_changes_asks_before_discarding(qtbot, dialog, planner, monkeypatch):
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    asked = []

    def question(*args):
        asked.append(args[2])
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.weekly_target.setValue(9)
    dialog.reject()
    assert dialog.isVisible() and len(asked) == 1 and "not saved" in asked[0]
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert not dialog.isVisible() and planner.strategy.weekly_target() == 4


def test_cancel_without_changes_closes_at_once(qtbot, dialog, monkeypatch):
    themes = dialog.theme_editor
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked"))
    dialog.weekly_target.setValue(9)
    dialog.undo_action.trigger()  # back where it started: nothing to lose
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(themes.theme_list, Qt.Key.Key_Escape)
