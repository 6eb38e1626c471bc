"""The lift for items by the user's people, beside the other ranking preferences in the
strategy editor (docs/PEOPLE.md, "In the inbox")."""

from __future__ import annotations

from app.types import Changes, Theme
from app.ui.dialogs.strategy_dialog import StrategyDialog


def _forget_edits(dialog: StrategyDialog) -> None:
    """Closing asks before dropping unsaved edits: the tests' teardown has none to keep."""
    dialog.stack.setClean()
    dialog.people_lift.setCurrentIndex(dialog.people_lift.findData(dialog._lift))


def _open(qtbot, planner) -> StrategyDialog:
    dialog = StrategyDialog(planner)
    qtbot.addWidget(dialog, before_close_func=_forget_edits)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_lift_shows_the_setting_and_saving_changes_only_it(qtbot, planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    version = planner.strategy.version()
    dialog = _open(qtbot, planner)
    lift = dialog.people_lift
    assert lift.currentData() == 1.0  # twice as relevant, the default
    assert [lift.itemText(i) for i in range(lift.count())] == [
        "Rank them like any other item",
        "Rank them as if twice as relevant",
        "Rank them as if four times as relevant",
    ]
    assert not dialog.has_changes()
    lift.setCurrentIndex(lift.findData(2.0))
    assert dialog.has_changes()
    with qtbot.assertNotEmitted(dialog.saved):  # the strategy is unchanged: no re-ranking
        dialog.save_button.click()
    assert planner.people.rank_boost() == 2.0
    assert planner.strategy.version() == version
    assert seen == [Changes(items=True, settings=True)]


def test_the_lift_is_saved_with_the_strategy(qtbot, planner):
    strategy = planner.strategy.load()
    planner.strategy.save(strategy._replace(themes=(Theme(0, "Platform", ("kubernetes",)),)))
    dialog = _open(qtbot, planner)
    dialog.weekly_target.setValue(dialog.weekly_target.value() + 1)
    dialog.people_lift.setCurrentIndex(dialog.people_lift.findData(0.0))
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert dialog.error.isHidden()
    assert planner.people.rank_boost() == 0.0
