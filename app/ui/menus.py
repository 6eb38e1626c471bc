"""The menu bar, as one table: every action's name, text, shortcut and what it does in the
window. The window keeps the actions by name (`window.actions`), so a list of keyboard
shortcuts can be made from them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app import APP_NAME
from app.i18n import N_, _

if TYPE_CHECKING:  # QAction and QKeySequence cost ~3 ms to load: after the first paint
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QMenu

# The main window (app.ui.main_window.MainWindow), which builds its menus with this
# module: naming its class here, even for type checkers only, would be an import loop.
MainWindow = Any


class Entry:
    """One action of a menu. `keys`: its shortcut ("Ctrl+D"); `standard_key`: the
    platform's own instead (a QKeySequence.StandardKey name); `checkable`: `run` when
    toggled."""

    __slots__ = ("checkable", "keys", "name", "run", "standard_key", "text", "tip")

    def __init__(
        self,
        name: str,
        text: str,
        run: Callable[[MainWindow], object],
        keys: str = "",
        *,
        standard_key: str = "",
        tip: str = "",
        checkable: bool = False,
    ) -> None:
        self.name, self.text, self.run, self.keys = name, text, run, keys
        self.standard_key, self.tip, self.checkable = standard_key, tip, checkable


SEPARATOR = None
FILE = N_("&File")
VIEW = N_("&View")  # its entries: the Appearance and Language submenus (app/ui/appearance.py,
# app/ui/language_menu.py)
# fmt: off
MENUS: tuple[tuple[str, tuple[Entry | None, ...]], ...] = (
    (FILE, (
        Entry("open_demo", N_("Open the &demo"), lambda w: w.demo_requested.emit()),
        Entry("strategy", N_("Career &strategy…"), lambda w: w.edit_strategy(), "Ctrl+Shift+S"),
        Entry("import_people", N_("&Import people…"), lambda w: import_people(w)),
        Entry(
            "import_history",
            N_("Import &history…"),
            lambda w: import_history(w),
            tip=N_("Your posts from a LinkedIn, X, Mastodon or Bluesky export"),
        ),
        SEPARATOR,
        Entry("back_up", N_("&Back up now…"), lambda w: w.backups.back_up_now()),
        Entry("restore", N_("&Restore a backup…"), lambda w: w.backups.restore()),
        Entry(
            "auto_backup",
            N_("Back up &every week"),
            lambda w: w.backups.set_auto(w.menu_actions["auto_backup"].isChecked()),
            tip=N_("Into the data folder's backups folder; the newest 8"),
            checkable=True,
        ),
        SEPARATOR,
        Entry("quit", N_("&Quit"), lambda w: w.quit(), standard_key="Quit"),
    )),
    (VIEW, ()),
    (N_("&Go"), (
        Entry("go_inbox", N_("&Inbox"), lambda w: w.nav.setCurrentRow(0), "Ctrl+1"),
        Entry("go_drafts", N_("&Drafts"), lambda w: w.nav.setCurrentRow(1), "Ctrl+2"),
        Entry("go_feeds", N_("&Feeds"), lambda w: w.nav.setCurrentRow(2), "Ctrl+3"),
        Entry("go_cadence", N_("&Cadence"), lambda w: w.nav.setCurrentRow(3), "Ctrl+4"),
        Entry("go_people", N_("&People"), lambda w: w.nav.setCurrentRow(4), "Ctrl+5"),
    )),
    (N_("Fee&ds"), (
        Entry("refresh", N_("&Refresh now"), lambda w: w.work.refresh_now(), "F5"),
        SEPARATOR,
        Entry(
            "add_feed",
            N_("&Add a feed…"),
            lambda w: w.on_feeds_page(lambda: w.feeds.add_feed()),
            "Ctrl+Shift+N",
        ),
        Entry(
            "search_feeds",
            N_("&Search feeds for a theme…"),
            lambda w: w.on_feeds_page(lambda: w.feeds.search_feeds()),
        ),
        Entry(
            "import_opml",
            N_("&Import OPML…"),
            lambda w: w.on_feeds_page(lambda: w.feeds.import_opml()),
        ),
        Entry(
            "export_opml",
            N_("&Export OPML…"),
            lambda w: w.on_feeds_page(lambda: w.feeds.export_opml()),
        ),
    )),
    (N_("&Item"), (
        Entry("draft", N_("&Draft a post"), lambda w: w.draft_selected(), "Ctrl+D"),
        Entry(
            "roundup",
            N_("Draft a &weekly roundup"),
            lambda w: w.draft_roundup(),
            "Ctrl+Shift+D",
            tip=N_("A roundup of your starred items (or the top unread)"),
        ),
    )),
    (N_("D&raft"), (
        Entry(
            "copy",
            N_("&Copy to clipboard"),
            lambda w: w.with_open_draft(lambda composer: composer.copy()),
            "Ctrl+Shift+C",
        ),
        Entry(
            "posted",
            N_("&Mark as posted"),
            lambda w: w.with_open_draft(lambda composer: composer.mark_posted()),
            "Ctrl+Shift+M",
        ),
        Entry(
            "mention",
            N_("Mention a &person…"),
            lambda w: w.with_open_draft(lambda composer: composer.mention_person()),
            "Ctrl+Shift+P",
            tip=N_("Write one of your people's mention for the draft's platform"),
        ),
        SEPARATOR,
        Entry("mastodon", N_("Ma&stodon server…"), lambda w: w.edit_mastodon()),
    )),
    (N_("&Cadence"), (
        Entry("add_post", N_("&Add a post you made…"), lambda w: w.add_post()),
        Entry("schedule", N_("Posting &schedule and reminders…"), lambda w: w.edit_schedule()),
        Entry(
            "export_plan",
            N_("&Export the plan to a calendar…"),
            lambda w: w.cadence_page.plan.export(),
        ),
    )),
    (N_("&Help"), (
        Entry("guide", N_("&User guide"), lambda w: show_guide(w), "F1"),
        Entry("report_problem", N_("&Report a problem…"), lambda w: w.report_problem()),
        Entry("shortcuts", N_("&Keyboard shortcuts"), lambda w: show_shortcuts(w), "Ctrl+/"),
        Entry("about", N_("&About Digwell"), lambda w: show_about(w)),
    )),
)
# fmt: on


def window_title(demo: bool) -> str:
    """The main window's title: "Digwell", or "Demo data — Digwell" on the demo.

    It ends with the application display name (app.ui.app.make_application), so the
    platforms that append that name to every title (X11, Windows, Wayland) leave it as is;
    "Digwell — demo data" came out as "Digwell — demo data — Digwell"."""
    return _("Demo data — {name}").format(name=APP_NAME) if demo else APP_NAME


def add_menus(window: MainWindow) -> list[QMenu]:
    """The menu bar's menus, empty: their titles are all the first paint shows."""
    bar = window.menuBar()
    return [bar.addMenu(_(title)) for title, _entries in MENUS]


def fill_menus(window: MainWindow, menus: list[QMenu]) -> dict[str, QAction]:
    """Fill the menus `add_menus` made from MENUS; returns every action by its name."""
    actions: dict[str, QAction] = {}
    for menu, (title, entries) in zip(menus, MENUS, strict=True):
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            actions[entry.name] = action = _action(window, entry)
            menu.addAction(action)
        if title == FILE:  # its check mark shows whether weekly backups are on
            menu.aboutToShow.connect(window.sync_file_menu)
        if title == VIEW:
            from app.ui.appearance import add_appearance_menu
            from app.ui.language_menu import add_language_menu

            add_appearance_menu(window, menu)
            add_language_menu(window, menu)
    return actions


def _action(window: MainWindow, entry: Entry) -> QAction:
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(_(entry.text), window)
    # setShortcuts([...]), not setShortcut: its overloads make PySide6 build the
    # whole `Qt` namespace, ~35 ms of start-up (see app.ui.qt_values).
    if entry.standard_key:
        action.setShortcuts(getattr(QKeySequence.StandardKey, entry.standard_key))
    elif entry.keys:
        action.setShortcuts([QKeySequence(entry.keys)])
    if entry.tip:
        action.setToolTip(_(entry.tip))
    if entry.checkable:
        action.setCheckable(True)
        action.toggled.connect(lambda _on: entry.run(window))
    else:
        action.triggered.connect(lambda _checked=False: entry.run(window))
    return action


def import_people(window: MainWindow) -> None:
    """File › Import people…: LinkedIn's Connections.csv or export, or a vCard file."""
    from app.ui.people_import import import_people

    import_people(window)


def show_guide(window: MainWindow) -> None:
    """Help › User guide: the guide bundled with Digwell, in a window beside this one."""
    from app.ui.dialogs.guide_window import show_guide

    show_guide(window)


def import_history(window: MainWindow) -> None:
    """File › Import history…: posts from a LinkedIn, X, Mastodon or Bluesky export."""
    from app.ui.history_import import import_history

    import_history(window)


def show_shortcuts(window: MainWindow) -> QDialog:
    """Help › Keyboard shortcuts: the list made from the menus' actions themselves."""
    from app.ui.dialogs.shortcuts_dialog import show_shortcuts as show_list

    return show_list(window, window.menuBar())


def show_about(window: MainWindow) -> QDialog:
    """Help › About: the version, licence, credits, the data folder and the log file."""
    from PySide6.QtCore import Qt

    from app.logs import log_file
    from app.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(window, data_dir=window.planner.data_dir, log_file=log_file())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()  # window-modal, as QMessageBox.about was, without a nested loop
    return dialog
