"""The pages built when first shown (app/ui/lazy_page.py), each wired to the window: its
messages to the status bar, its requests to the window's navigation, and the Changes
record to it (docs/ARCHITECTURE.md, "Adding a page")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.ui.sidebar import INBOX

if TYPE_CHECKING:
    from app.ui.views.cadence_page import CadencePage
    from app.ui.views.drafts_page import DraftsPage
    from app.ui.views.feeds_page import FeedsPage
    from app.ui.views.people_page import PeoplePage

# The main window (app.ui.main_window.MainWindow), which builds its pages with this
# module: naming its class here, even for type checkers only, would be an import loop.
MainWindow = Any


def drafts_page(window: MainWindow) -> DraftsPage:
    """The drafts page with its composer."""
    from app.ui.views.drafts_page import DraftsPage

    page = DraftsPage(window.planner)
    page.composer.message.connect(window.messages.info)
    page.composer.failed.connect(window.messages.error)
    page.composer.posted.connect(window.posted)
    page.drafted.connect(window.open_draft)
    window.changes.add_receiver(page.apply_changes)
    return page


def feeds_page(window: MainWindow) -> FeedsPage:
    """The feeds page, following the refresh's progress."""
    from app.ui.views.feeds_page import FeedsPage

    page = FeedsPage(window.planner)
    page.refresh_requested.connect(window.work.refresh_now)
    page.message.connect(window.messages.info)
    page.failed.connect(window.messages.error)
    page.interval_changed.connect(window.work.set_interval)
    window.work.progressed.connect(lambda _done, _total, outcome: page.show_outcome(outcome))
    window.changes.add_receiver(page.apply_changes)
    return page


def cadence_page(window: MainWindow) -> CadencePage:
    """The cadence page: overview, plan and posts log."""
    from app.ui.views.cadence_page import CadencePage

    page = CadencePage(window.planner)
    page.open_draft.connect(window.open_draft)
    page.inbox_requested.connect(lambda: window.nav.setCurrentRow(INBOX))
    page.schedule_requested.connect(window.edit_schedule)
    page.history_requested.connect(lambda: _import_history(window))
    page.message.connect(window.messages.info)
    page.failed.connect(window.messages.error)
    window.changes.add_receiver(page.apply_changes)
    return page


def people_page(window: MainWindow) -> PeoplePage:
    """The people page: who is due, everyone, a person's timeline (docs/PEOPLE.md)."""
    from app.ui.views.people_page import PeoplePage

    page = PeoplePage(window.planner)
    page.draft_requested.connect(window.draft_item)
    page.import_requested.connect(lambda: _import_people(window))
    page.message.connect(window.messages.info)
    page.failed.connect(window.messages.error)
    window.changes.add_receiver(page.apply_changes)
    return page


def _import_people(window: MainWindow) -> None:
    """The window's one import flow (also File › Import people…)."""
    from app.ui.people_import import import_people

    import_people(window)


def _import_history(window: MainWindow) -> None:
    """The window's one history import (also File › Import history…)."""
    from app.ui.history_import import import_history

    import_history(window)
