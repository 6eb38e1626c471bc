"""Runs `digwell refresh --json-progress` in its own process and follows its progress.

Fetching and parsing hundreds of feeds in the GUI process (even in a thread) stalls the
window; in a child process the window only reads one short JSON line per feed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.i18n import _
from app.ui.process_runner import End, ProcessRunner

# A refresh that has not finished after this long is stopped (the fetcher's own total
# timeout per feed is 60 s; this only catches a hung child).
WATCHDOG_MS = 30 * 60 * 1000


class RefreshRunner(ProcessRunner):
    """One refresh at a time.

    Signals: `started()` when the process starts, `planned(total)` once it knows how
    many feeds are due, `progressed(done, total, outcome)` per feed (outcome is the
    command's JSON object: feed_id, url, title, status, added, updated, error),
    `finished(report)` with the command's final report, `failed(message)` when the
    refresh could not run or stopped early.
    """

    started = Signal()
    planned = Signal(int)
    progressed = Signal(int, int, dict)
    finished = Signal(dict)

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__(parent, command=command, watchdog_ms=WATCHDOG_MS)
        self._data_dir = Path(data_dir)
        self._report: dict | None = None

    def start(self, *, every_feed: bool = False) -> bool:
        """Start a refresh of the due feeds (or of every unpaused feed); False if one
        is already running."""
        if self.is_running():
            return False
        self._report = None
        args = ["refresh", "--json-progress", "--background", "--data-dir", str(self._data_dir)]
        self.start_command(*args, *(["--all"] if every_feed else []))
        self.started.emit()
        return True

    def on_event(self, event: dict) -> None:
        kind = event.pop("event", None)
        if kind == "start":
            self.planned.emit(int(event.get("total", 0)))
        elif kind == "feed":
            done, total = int(event.pop("done", 0)), int(event.pop("total", 0))
            self.progressed.emit(done, total, event)
        elif kind == "done":
            self._report = event

    def on_end(self, end: End) -> None:
        report, self._report = self._report, None
        if report is not None:
            self.finished.emit(report)
        elif end.stopped:
            self.failed.emit(_("The refresh was stopped; the feeds fetched so far are kept."))
        else:
            self.failed.emit(explain(end))

    def not_started(self, reason: str) -> str:
        return _(
            "The refresh could not start ({reason}). Reinstall Digwell if this keeps happening."
        ).format(reason=reason)


def explain(end: End) -> str:
    """'The refresh failed (exit code 2): The database is damaged.'"""
    if end.crashed:
        if end.detail:
            return _("The refresh stopped unexpectedly: {detail}").format(detail=end.detail)
        return _("The refresh stopped unexpectedly.")
    if end.detail:
        return _("The refresh failed (exit code {code}): {detail}").format(
            code=end.exit_code, detail=end.detail
        )
    return _("The refresh failed (exit code {code}).").format(code=end.exit_code)
