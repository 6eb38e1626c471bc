"""The dialogs the main window (app/ui/main_window.py) opens from its menus: the strategy,
the Mastodon server, the posting schedule and a problem report. Each is window-modal and
built when asked for: none is on the start-up path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from app.planner import Planner
    from app.ui.dialogs.mastodon_dialog import MastodonDialog
    from app.ui.dialogs.problem_dialog import ProblemDialog
    from app.ui.dialogs.schedule_dialog import ScheduleDialog
    from app.ui.dialogs.strategy_dialog import StrategyDialog


def open_strategy(
    planner: Planner, parent: QWidget, saved: Callable[[int], None]
) -> StrategyDialog:
    """The strategy editor; `saved` hears each version saved."""
    from app.ui.dialogs.strategy_dialog import StrategyDialog

    dialog = StrategyDialog(planner, parent)
    dialog.saved.connect(saved)
    dialog.open()
    return dialog


def open_mastodon(planner: Planner, parent: QWidget, info: Callable[[str], None]) -> MastodonDialog:
    """The user's Mastodon server and its limit; `info` says which server was saved."""
    from app.ui.dialogs.mastodon_dialog import MastodonDialog

    dialog = MastodonDialog(planner, parent)
    dialog.accepted.connect(
        lambda: info(f"Mastodon: {planner.drafting.platforms.mastodon_instance()}.")
    )
    dialog.open()
    return dialog


def open_schedule(planner: Planner, parent: QWidget, info: Callable[[str], None]) -> ScheduleDialog:
    """Posting days and time, reminders, close to tray; `info` says it was saved."""
    from app.ui.dialogs.schedule_dialog import ScheduleDialog
    from app.ui.tray import Tray

    dialog = ScheduleDialog(planner.cadence, tray_available=Tray.available(), parent=parent)
    dialog.accepted.connect(lambda: info(_("Posting schedule saved.")))
    dialog.open()
    return dialog


def open_problem_report(parent: QWidget) -> ProblemDialog:
    """Help › Report a problem: the log's recent lines, to copy."""
    from app.ui.dialogs.problem_dialog import ProblemDialog

    dialog = ProblemDialog(parent)
    dialog.open()
    return dialog
