"""Runs `digwell refresh --json-progress` in its own process and follows its progress.

Fetching and parsing hundreds of feeds in the GUI process (even in a thread) stalls the
window; in a child process the window only reads one short JSON line per feed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from app.ui.json_lines import JsonLines
from app.ui.launch import digwell_command

# Enough of the child's stderr to explain a failure; the rest is dropped.
_STDERR_KEEP = 16 * 1024
# A refresh that has not finished after this long is stopped (the fetcher's own total
# timeout per feed is 60 s; this only catches a hung child).
_WATCHDOG_MS = 30 * 60 * 1000


class RefreshRunner(QObject):
    """One refresh at a time, started by hand or every `interval` minutes.

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
    failed = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._command = command  # tests may run another program speaking the same lines
        self._process: QProcess | None = None
        self._lines = JsonLines()
        self._stderr = b""
        self._report: dict | None = None
        self._stopping = False
        self._auto = QTimer(self)
        self._auto.timeout.connect(self._auto_refresh)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._timed_out)

    # Automatic refresh ---------------------------------------------------------

    def set_interval(self, minutes: int) -> None:
        """Refresh every `minutes` while the window is open; 0 turns it off."""
        if minutes <= 0:
            self._auto.stop()
            return
        self._auto.start(minutes * 60 * 1000)

    def interval_minutes(self) -> int:
        return self._auto.interval() // 60000 if self._auto.isActive() else 0

    def _auto_refresh(self) -> None:
        if not self.is_running():
            self.start()

    # One refresh ---------------------------------------------------------------

    def is_running(self) -> bool:
        return self._process is not None

    def start(self, *, every_feed: bool = False) -> bool:
        """Start a refresh of the due feeds (or of every unpaused feed); False if one
        is already running."""
        if self._process is not None:
            return False
        args = ["refresh", "--json-progress", "--background", "--data-dir", str(self._data_dir)]
        if every_feed:
            args.append("--all")
        program, prefix = self._command or digwell_command()
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._process_finished)
        process.errorOccurred.connect(self._process_error)
        self._process = process
        self._lines = JsonLines()
        self._stderr = b""
        self._report = None
        self._stopping = False
        process.start(program, [*prefix, *args])
        self._watchdog.start(_WATCHDOG_MS)
        self.started.emit()
        return True

    def stop(self) -> None:
        """Stop a running refresh (feeds already stored stay stored: one transaction
        per feed) and wait briefly for the process to end."""
        process = self._process
        if process is None:
            return
        self._stopping = True
        process.terminate()
        if not process.waitForFinished(3000):
            process.kill()
            process.waitForFinished(3000)

    def _read_stdout(self) -> None:
        if self._process is None:
            return
        for event in self._lines.feed(bytes(self._process.readAllStandardOutput().data())):
            self._handle_event(event)

    def _read_stderr(self) -> None:
        if self._process is None:
            return
        self._stderr = (self._stderr + bytes(self._process.readAllStandardError().data()))[
            -_STDERR_KEEP:
        ]

    def _handle_event(self, event: dict) -> None:
        kind = event.pop("event", None)
        if kind == "start":
            self.planned.emit(int(event.get("total", 0)))
        elif kind == "feed":
            done, total = int(event.pop("done", 0)), int(event.pop("total", 0))
            self.progressed.emit(done, total, event)
        elif kind == "done":
            self._report = event

    def _process_finished(self, exit_code: int, exit_status) -> None:
        self._read_stdout()
        self._read_stderr()
        for event in self._lines.finish():
            self._handle_event(event)
        report, stopping = self._report, self._stopping
        self._end()
        if report is not None:
            self.finished.emit(report)
        elif stopping:
            self.failed.emit("The refresh was stopped; the feeds fetched so far are kept.")
        else:
            self.failed.emit(self._explain(exit_code, exit_status))

    def _process_error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            message = (
                "The refresh could not start"
                + (f" ({self._process.errorString()})" if self._process else "")
                + ". Reinstall Digwell if this keeps happening."
            )
            self._end()
            self.failed.emit(message)
        # Other errors (crash, read errors) end in `finished`, which reports them.

    def _timed_out(self) -> None:
        if self._process is not None:
            self.stop()

    def _explain(self, exit_code: int, exit_status) -> str:
        lines = [ln.strip() for ln in self._stderr.decode("utf-8", "replace").splitlines()]
        lines = [ln for ln in lines if ln]
        # The command says what went wrong on its last line, "digwell: <message>".
        detail = lines[-1].removeprefix("digwell: ") if lines else ""
        if exit_status == QProcess.ExitStatus.CrashExit:
            head = "The refresh stopped unexpectedly"
        else:
            head = f"The refresh failed (exit code {exit_code})"
        return f"{head}: {detail}" if detail else f"{head}."

    def _end(self) -> None:
        self._watchdog.stop()
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
