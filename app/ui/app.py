"""Starting the window: the planner and what the first paint reads, then Qt, demo
seeding, the window and its first paint.

Qt is imported only once the planner is open and its services loaded: from then on
PySide6 reads the source of every module imported (its __feature__ import hook), ~6 ms
for the ~70 modules of the core and the standard library the first paint uses."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__
from app.desktop.layout import APP_ID
from app.errors import DigwellError
from app.i18n import _
from app.planner import Planner
from app.ui.icon import app_icon

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow
    from app.ui.tray_start import TrayStart

# Benchmarks set this to time start-up: print a line at first paint, then quit.
EXIT_ON_PAINT_ENV = "DIGWELL_BENCH_EXIT_ON_PAINT"
PAINTED_MARKER = "digwell: painted"
LISTEN_AFTER_MS = 300


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with Digwell's name (its icon comes with the first
    paint: see show_icon)."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The application ID: Wayland and the desktops match the window to its menu entry
    # (resources/desktop/io.github.digwell.Digwell.desktop) and icon by it.
    app.setDesktopFileName(APP_ID)
    if existing is not app:
        from app.ui.translation import install_translations

        install_translations(app)  # Qt's own words and date widgets in the user's language
    return app


def show_icon() -> None:
    """Give every window Digwell's icon (once the first one has painted)."""
    from PySide6.QtWidgets import QApplication

    QApplication.setWindowIcon(app_icon())


def read_ahead(planner: Planner) -> None:
    """Load, before Qt, the services the first paint reads: the inbox and its themes (the
    counts, the week's posts and the preview come after it)."""
    for service in ("inbox", "strategy"):
        getattr(planner, service)


def open_planner(data_dir: Path, *, demo: bool) -> Planner:
    """Open the data folder; on first demo start, seed it from the bundled feeds (with
    a QApplication made, for the wait cursor)."""
    planner = Planner.open(data_dir)
    read_ahead(planner)
    if demo and planner.feeds.count() == 0:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        make_application()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # seeding takes a moment
        try:
            planner.seed_demo()
        finally:
            QGuiApplication.restoreOverrideCursor()
    return planner


def show_startup_error(err: DigwellError) -> None:
    """A dialog for people who started Digwell from a menu and see no terminal."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return  # nobody could see or close it
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, err.message)
    box.setInformativeText(err.hint)
    box.exec()


def apply_language(planner: Planner, app: QApplication) -> None:
    """View › Language's remembered choice, before any widget exists; following the
    system (the default) changes nothing."""
    language = planner.strategy.language()
    if language != "system":
        from app.ui.translation import install_translations

        install_translations(app, language)


def apply_appearance(planner: Planner) -> None:
    """View › Appearance's remembered choice, before any widget exists (so no repaint).
    Following the system, the default, costs one settings read: app.ui.appearance
    (~2 ms to import once Qt is loaded) only for a forced light or dark."""
    appearance = planner.strategy.appearance()
    if appearance != "system":
        from app.ui.appearance import apply

        apply(appearance)


def build_window(planner: Planner, *, demo: bool) -> MainWindow:
    """The main window, its "Open the demo" starting a demo process."""
    from app.ui.main_window import MainWindow

    window = MainWindow(planner, demo=demo)
    window.demo_requested.connect(launch_demo)
    return window


def launch_demo() -> None:
    """Start a second Digwell on demo data (its own process and data folder)."""
    from PySide6.QtCore import QProcess

    from app.ui.launch import digwell_command

    QProcess.startDetached(*digwell_command("--demo"))


def _settle(
    instance: str,
    owner: QObject,
    bring_to_front: Callable[[], None],
    data_dir: Path,
    follow: Callable[[str], None] | None = None,
    request: str = "",
) -> None:
    """Once the window (or the tray) is up: the log file, and becoming the instance
    later starts on this data folder find and raise, or ask to `follow` a request of the
    menu entry's actions (docs/DESKTOP.md), as this start's own `request` is."""
    from app.logs import get_logger, setup_logging
    from app.ui.single_instance import SingleInstance

    setup_logging(process="app")
    get_logger(__name__).info("Digwell %s opened %s", __version__, data_dir)
    guard = SingleInstance(instance, owner)
    guard.raise_requested.connect(bring_to_front)
    if follow is not None:
        guard.requested.connect(follow)
        if request:
            follow(request)
    guard.listen()


def start_in_tray(planner: Planner, *, demo: bool) -> TrayStart:
    """`--tray` (start at login): the tray icon and the reminders, the window built only
    when the user opens it, so nothing paints (app/ui/tray_start.py). With no tray on
    the desktop, the window opens after a short wait, or Digwell would be unreachable."""
    from app.ui.first_paint import resume_gc
    from app.ui.tray_start import TrayStart

    show_icon()  # normally set at the first paint
    start = TrayStart(planner, app_icon(), lambda: build_window(planner, demo=demo))
    start.start()
    resume_gc()  # no first paint is coming to turn collection back on
    return start


def run_gui(data_dir: Path, *, demo: bool = False, tray: bool = False, request: str = "") -> int:
    """Open the main window on `data_dir` and run until it closes; with `tray`, only
    the tray icon until the user opens the window from it; `request` ("refresh",
    "new-post": --refresh, --new-post) is sent to a running instance, else done here."""
    from app.running_instance import ask_running, server_name_for

    instance = server_name_for(Path(data_dir))
    if ask_running(instance, request=(request or "raise").encode("ascii")):
        if request == "refresh":
            said = _("digwell: already running on this data folder; it refreshes its feeds.")
        else:
            said = _("digwell: already running on this data folder; its window is raised.")
        print(said, flush=True)
        return 0
    try:
        planner = open_planner(data_dir, demo=demo)
    except DigwellError as err:
        print(f"digwell: {err}", file=sys.stderr, flush=True)
        make_application()
        show_startup_error(err)
        return 2
    try:
        app = make_application()
        apply_language(planner, app)
        apply_appearance(planner)
        from PySide6.QtCore import QTimer

        in_tray = start_in_tray(planner, demo=demo) if tray else None
        if in_tray is not None:
            # A menu entry's action builds the window (a refresh there too: it shows progress).
            settle_tray = (
                instance,
                in_tray,
                in_tray.open_window,
                data_dir,
                lambda asked: _follow(in_tray.window(), asked),
                request,
            )
            QTimer.singleShot(LISTEN_AFTER_MS, lambda: _settle(*settle_tray))
            return app.exec()
        window = build_window(planner, demo=demo)
        from app.ui.first_paint import FirstPaint

        exit_after = bool(os.environ.get(EXIT_ON_PAINT_ENV))
        FirstPaint(window, exit_after=exit_after, marker=PAINTED_MARKER, then=show_icon)
        window.show()
        # Listening needs QtNetwork (~4 ms to import) and logging ~5 ms: after the
        # first paint.
        follow = lambda asked: _follow(window, asked)  # noqa: E731
        settle = (instance, window, window.bring_to_front, data_dir, follow, request)
        QTimer.singleShot(LISTEN_AFTER_MS, lambda: _settle(*settle))
        return app.exec()
    finally:
        planner.close()


def _follow(window: MainWindow, request: str) -> None:
    """A menu entry's action (app/ui/desktop_requests.py), imported when one comes."""
    from app.ui.desktop_requests import follow_request

    follow_request(window, request)
