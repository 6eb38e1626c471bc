"""Every dialog and tool window of Digwell, made on the demo: the accessibility and the
pseudo-locale tests walk them all (docs/TRANSLATION.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMenuBar, QWidget

# An import preview as `digwell people import --dry-run --json` reports one.
PEOPLE_PREVIEW = {
    "added": 2,
    "updated": 1,
    "duplicates": 1,
    "preview": {
        "added": [{"name": "Ada Example", "company": "Example GmbH", "line": 4}],
        "updated": [{"name": "Ben Sample", "company": "", "line": 5}],
        "duplicates": [{"name": "Ben Sample", "line": 6}],
    },
    "errors": [{"line": 7, "message": "the date is not a date: 31 Febtember"}],
    "errors_total": 1,
}
# A history preview as `digwell import --dry-run --json` reports one.
HISTORY_PREVIEW = {
    "platform": "x",
    "posts_added": 120,
    "posts_skipped": 3,
    "engagement_added": 40,
    "people_added": 0,
    "first": "2019-03-02T10:00:00+00:00",
    "last": "2026-11-20T10:00:00+00:00",
    "errors": [{"where": "tweets.js, item 7", "message": "no date"}],
    "preview": {
        "by_platform": {"x": 120},
        "by_kind": {"original": 70, "share": 40, "credit": 10},
        "by_year": {"2025": 60, "2026": 60},
        "score": 91,
        "streak": {"current": 9, "longest": 22},
        "score_now": 80,
        "streak_now": {"current": 2, "longest": 5},
    },
}


def every_dialog(planner, today: date, menu_bar: QMenuBar) -> dict[str, Callable[[], QWidget]]:
    """Each dialog's key and how to make it."""
    from app.ui.dialogs.about_dialog import AboutDialog
    from app.ui.dialogs.add_feed_dialog import AddFeedDialog
    from app.ui.dialogs.break_dialog import BreakDialog
    from app.ui.dialogs.circles_dialog import CirclesDialog
    from app.ui.dialogs.guide_window import GuideWindow
    from app.ui.dialogs.history_preview_dialog import HistoryPreviewDialog
    from app.ui.dialogs.import_preview_dialog import ImportPreviewDialog
    from app.ui.dialogs.mastodon_dialog import MastodonDialog
    from app.ui.dialogs.merge_dialog import MergeDialog
    from app.ui.dialogs.person_dialog import PersonDialog
    from app.ui.dialogs.person_picker import PersonPicker
    from app.ui.dialogs.post_dialog import PostDialog
    from app.ui.dialogs.problem_dialog import ProblemDialog
    from app.ui.dialogs.review_dialog import ReviewDialog
    from app.ui.dialogs.schedule_dialog import ScheduleDialog
    from app.ui.dialogs.search_feeds_dialog import SearchFeedsDialog
    from app.ui.dialogs.shortcuts_dialog import ShortcutsDialog, page_rows, shortcut_rows
    from app.ui.dialogs.strategy_dialog import StrategyDialog
    from app.ui.dialogs.touch_dialog import TouchDialog

    people = planner.people
    someone = people.due()[0]
    log = planner.cadence.log
    return {
        "add": lambda: AddFeedDialog(planner),
        "break": lambda: BreakDialog(planner.cadence, today),
        "circles": lambda: CirclesDialog(people),
        "strategy": lambda: StrategyDialog(planner),
        "search": lambda: SearchFeedsDialog(planner),
        "mastodon": lambda: MastodonDialog(planner),
        "problem": lambda: ProblemDialog(),
        "review": lambda: ReviewDialog(people),
        "about": lambda: AboutDialog(),
        "shortcuts": lambda: ShortcutsDialog(shortcut_rows(menu_bar) + page_rows()),
        "guide": lambda: GuideWindow(),
        "people import": lambda: ImportPreviewDialog("Connections.csv", PEOPLE_PREVIEW),
        "history import": lambda: HistoryPreviewDialog("twitter.zip", HISTORY_PREVIEW),
        "merge": lambda: MergeDialog(people, someone),
        "add person": lambda: PersonDialog(people),
        "edit person": lambda: PersonDialog(people, person=someone),
        "mention": lambda: PersonPicker(planner, "x"),
        "post": lambda: PostDialog(log, planner.strategy.themes()),
        "edit post": lambda: PostDialog(log, planner.strategy.themes(), post=log.list(1)[0]),
        "schedule": lambda: ScheduleDialog(planner.cadence, tray_available=True),
        "touch": lambda: TouchDialog(people, someone, log.list(10)),
    }
