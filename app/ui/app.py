"""Starting the window: QApplication, the planner, demo seeding, first paint."""

from __future__ import annotations

import functools
import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.errors import DigwellError
from app.paths import resource_path
from app.planner import Planner
from app.ui.main_window import MainWindow

# Benchmarks set this to time start-up: print a line at first paint, then quit.
EXIT_ON_PAINT_ENV = "DIGWELL_BENCH_EXIT_ON_PAINT"
PAINTED_MARKER = "digwell: painted"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with Digwell's name and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("digwell")
    app.setWindowIcon(app_icon())
    return app


@functools.cache
def app_icon() -> QIcon:
    """Digwell's icon, loaded once."""
    icon = QIcon()
    for name in ("digwell-32.png", "digwell.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def open_planner(data_dir: Path, *, demo: bool) -> Planner:
    """Open the data folder; on first demo start, seed it from the bundled feeds."""
    planner = Planner.open(data_dir)
    if demo and planner.feeds.count() == 0:
        from PySide6.QtCore import Qt

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # seeding takes a moment
        try:
            planner.seed_demo()
        finally:
            QGuiApplication.restoreOverrideCursor()
    return planner


def show_startup_error(err: DigwellError) -> None:
    """A dialog for people who started Digwell from a menu and see no terminal."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return  # nobody could see or close it
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, err.message)
    box.setInformativeText(err.hint)
    box.exec()


def build_window(planner: Planner, *, demo: bool) -> MainWindow:
    window = MainWindow(planner, app_icon(), demo=demo)
    window.demo_requested.connect(launch_demo)
    return window


def launch_demo() -> None:
    """Start a second Digwell on demo data (its own process and data folder)."""
    from PySide6.QtCore import QProcess

    from app.ui.launch import digwell_command

    QProcess.startDetached(*digwell_command("--demo"))


class _FirstPaint(QObject):
    """At the window's first paint, waits for the whole pass (children paint after
    their parent), then turns the garbage collector back on (see app.cli.main) and,
    for benchmarks, reports and quits."""

    def __init__(self, window: QObject, *, exit_after: bool) -> None:
        super().__init__(window)
        self._exit_after = exit_after
        window.installEventFilter(self)
        # Should no paint come (a window started hidden), collect again anyway.
        QTimer.singleShot(_GC_FALLBACK_MS, _resume_gc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        _resume_gc()
        if self._exit_after:
            print(PAINTED_MARKER, flush=True)
            QApplication.quit()


_GC_FALLBACK_MS = 3000
LISTEN_AFTER_MS = 300


def _resume_gc() -> None:
    """Keep what start-up built out of future collections, then collect as usual."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _settle(instance: str, window: MainWindow, data_dir: Path) -> None:
    """Once the window is up: the log file, and becoming the instance later starts on
    this data folder find and raise."""
    from app.logs import get_logger, setup_logging
    from app.ui.single_instance import SingleInstance

    setup_logging(process="app")
    get_logger(__name__).info("Digwell %s opened %s", __version__, data_dir)
    guard = SingleInstance(instance, window)
    guard.raise_requested.connect(window.bring_to_front)
    guard.listen()


def run_gui(data_dir: Path, *, demo: bool = False) -> int:
    """Open the main window on `data_dir` and run until it closes."""
    app = make_application()
    from app.running_instance import ask_running, server_name_for

    instance = server_name_for(Path(data_dir))
    if ask_running(instance):
        print("digwell: already running on this data folder; its window is raised.", flush=True)
        return 0
    try:
        planner = open_planner(data_dir, demo=demo)
    except DigwellError as err:
        print(f"digwell: {err}", file=sys.stderr, flush=True)
        show_startup_error(err)
        return 2
    try:
        window = build_window(planner, demo=demo)
        _FirstPaint(window, exit_after=bool(os.environ.get(EXIT_ON_PAINT_ENV)))
        window.show()
        # Listening needs QtNetwork (~4 ms to import) and logging ~5 ms: after the
        # first paint.
        QTimer.singleShot(LISTEN_AFTER_MS, lambda: _settle(instance, window, data_dir))
        return app.exec()
    finally:
        planner.close()
