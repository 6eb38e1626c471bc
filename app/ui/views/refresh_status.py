"""The status bar's refresh corner: "Last refreshed 5 minutes ago", or a progress bar."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.i18n import _, formats, ngettext
from app.ui.formatting import relative_time
from app.ui.qt_values import PLAIN_TEXT
from app.ui.status_colours import ERROR, status_hex


def idle_text(last: datetime | None, now: datetime, tz: tzinfo) -> str:
    """'Last refreshed 5 minutes ago', or 'Not refreshed yet'."""
    if last is None:
        return _("Not refreshed yet")
    # Translators: {when} is "just now", "5 minutes ago", "yesterday" or a date.
    return _("Last refreshed {when}").format(when=relative_time(last, now, tz))


# Progress is drawn at most this often: QProgressBar.setValue repaints at once, which
# cost 3-13 ms per feed here, and a refresh reports hundreds of feeds a second.
PROGRESS_EVERY_MS = 100


def running_text(done: int, total: int) -> str:
    if total <= 0:
        return _("Refreshing…")
    return ngettext(
        "Refreshing {done} of {total} feed…", "Refreshing {done} of {total} feeds…", total
    ).format(done=formats.number(done), total=formats.number(total))


class RefreshStatus(QWidget):
    """Shows the last refresh while idle and the progress while running; its button
    starts a refresh or, while one runs, stops it. `errors_clicked` asks to show the
    feeds with errors."""

    refresh_clicked = Signal()
    stop_clicked = Signal()
    errors_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refreshStatus")
        self.label = QLabel()
        self.label.setObjectName("refreshLabel")
        self.label.setProperty("textFormat", PLAIN_TEXT)
        self.errors = QPushButton()
        self.errors.setObjectName("refreshErrors")
        self.errors.setFlat(True)
        self.errors.setToolTip(_("Show the feeds with problems"))
        self.errors.hide()
        self.errors.clicked.connect(self.errors_clicked)
        self.bar: QProgressBar | None = None  # made at the first refresh
        self.button = QPushButton(_("Refresh"))
        self.button.setObjectName("refreshButton")
        self.button.setToolTip(_("Fetch new items from your feeds (F5)"))
        self.button.clicked.connect(self._clicked)
        self._running = False
        self._progress = (0, 0)
        self._shown_progress: tuple[int, int] | None = None
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self._draw_progress)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.errors)
        layout.addWidget(self.button)

    def show_idle(self, last: datetime | None, now: datetime, tz: tzinfo, errors: int) -> None:
        self._running = False
        self._throttle.stop()
        if self.bar is not None:
            self.bar.hide()
        self.label.setText(idle_text(last, now, tz))
        if errors and not self.errors.styleSheet():
            # Reads as a link to the feeds that need attention. Set only when first
            # shown: a style sheet at start-up costs time for a button rarely seen.
            colour = status_hex(ERROR, self.palette())
            self.errors.setStyleSheet(
                f"QPushButton {{ color: {colour}; text-decoration: underline; border: none; }}"
            )
        self.errors.setVisible(errors > 0)
        self.errors.setText(
            ngettext("{count} feed with errors", "{count} feeds with errors", errors).format(
                count=formats.number(errors)
            )
        )
        self.button.setText(_("Refresh"))
        self.button.setToolTip(_("Fetch new items from your feeds (F5)"))

    def show_running(self, done: int, total: int) -> None:
        """Show a refresh's progress: at once the first time, then at most every
        PROGRESS_EVERY_MS (the last figures always end up on screen)."""
        self._progress = (done, total)
        if not self._running:
            self._running = True
            self._shown_progress = None
            self.errors.hide()
            self.button.setText(_("Stop"))
            self.button.setToolTip(_("Stop refreshing; what was fetched so far is kept"))
        if not self._throttle.isActive():
            self._draw_progress()
            self._throttle.start(PROGRESS_EVERY_MS)

    def _draw_progress(self) -> None:
        if not self._running or self._progress == self._shown_progress:
            return
        done, total = self._shown_progress = self._progress
        if self.bar is None:
            self.bar = QProgressBar()
            self.bar.setObjectName("refreshBar")
            self.bar.setFixedWidth(160)
            self.bar.setTextVisible(False)
            self.layout().insertWidget(1, self.bar)
        self.bar.show()
        self.bar.setRange(0, max(total, 0))  # 0..0: busy until the total is known
        self.bar.setValue(done)
        self.label.setText(running_text(done, total))

    def is_running(self) -> bool:
        return self._running

    def _clicked(self) -> None:
        (self.stop_clicked if self._running else self.refresh_clicked).emit()
