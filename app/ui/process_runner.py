"""A child `digwell` command run by the window: a refresh, a re-ranking, a backup or a
restore. Work that reads or writes the whole database stays out of the window's process
(whose SQLite connection belongs to its GUI thread), which only reads the JSON lines the
child prints (app/ui/json_lines.py) and the last line it writes to stderr when it fails.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from app.i18n import _
from app.ui.json_lines import JsonLines
from app.ui.launch import digwell_command

# Enough of the child's stderr to explain a failure; the rest is dropped.
STDERR_KEEP = 16 * 1024
# Enough of its whole output for a command answering with one JSON document.
OUTPUT_KEEP = 1024 * 1024


class End(NamedTuple):
    """How a child ended."""

    exit_code: int
    crashed: bool  # killed by a signal or crashed, rather than exiting
    stopped: bool  # stop() ended it
    detail: str  # its last line on stderr, without "digwell: " ("" if none)
    output: str  # all it printed, when the runner keeps it (keep_output)


class ProcessRunner(QObject):
    """One child at a time: `start_command(*args)` runs `digwell ARGS` (or `command`, a
    stand-in speaking the same lines); each JSON object it prints goes to `on_event`, its
    end to `on_end`; `failed(message)` when it could not start. Subclasses give the
    events and the end their meaning, and their own signals."""

    failed = Signal(str)
    # Whether stop() asks the child to end (SIGTERM, its work so far kept) before killing.
    gentle_stop = True

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        command: tuple[str, list[str]] | None = None,
        watchdog_ms: int = 0,
        keep_output: bool = False,
    ) -> None:
        super().__init__(parent)
        self._command = command  # tests may run another program speaking the same lines
        self._keep_output = keep_output
        self._process: QProcess | None = None
        self._lines = JsonLines()
        self._stderr = b""
        self._output = b""
        self._stopping = False
        self._watchdog_ms = watchdog_ms
        self._watchdog: QTimer | None = None

    def is_running(self) -> bool:
        """Whether a child runs (from start until its end is reported)."""
        return self._process is not None

    def start_command(self, *args: str) -> bool:
        """Start `digwell ARGS`; False (and nothing started) while another one runs."""
        if self._process is not None:
            return False
        program, prefix = self._command or digwell_command()
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process = process
        self._lines, self._stderr, self._output, self._stopping = JsonLines(), b"", b"", False
        process.start(program, [*prefix, *args])
        if self._watchdog_ms:
            self._start_watchdog()
        return True

    def stop(self, *, quiet: bool = False) -> None:
        """End the running child and wait briefly for it; `quiet`: report nothing."""
        process = self._process
        if process is None:
            return
        self._stopping = True
        if quiet:
            process.finished.disconnect(self._finished)
        if self.gentle_stop:
            process.terminate()
        if not (self.gentle_stop and process.waitForFinished(3000)):
            process.kill()
            process.waitForFinished(3000)
        if quiet:
            self._forget(process)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the child ends (for scripts and tests, not the window)."""
        return self._process is None or self._process.waitForFinished(msecs)

    # What subclasses say -----------------------------------------------------------

    def on_event(self, event: dict) -> None:
        """One JSON object the child printed."""

    def on_end(self, end: End) -> None:
        """The child ended (it is no longer running)."""

    def not_started(self, reason: str) -> str:
        """The message for a child that could not start."""
        return _("Digwell could not start its helper process ({reason}).").format(reason=reason)

    # -------------------------------------------------------------------------------

    def _start_watchdog(self) -> None:
        # A child still running after this long is stopped: it hung.
        if self._watchdog is None:
            self._watchdog = QTimer(self)
            self._watchdog.setSingleShot(True)
            self._watchdog.timeout.connect(self.stop)
        self._watchdog.start(self._watchdog_ms)

    def _read_stdout(self) -> None:
        if self._process is None:
            return
        data = bytes(self._process.readAllStandardOutput().data())
        if self._keep_output:
            self._output = (self._output + data)[-OUTPUT_KEEP:]
        for event in self._lines.feed(data):
            self.on_event(event)

    def _read_stderr(self) -> None:
        if self._process is None:
            return
        data = bytes(self._process.readAllStandardError().data())
        self._stderr = (self._stderr + data)[-STDERR_KEEP:]

    def _finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        for event in self._lines.finish():
            self.on_event(event)
        lines = [ln.strip() for ln in self._stderr.decode("utf-8", "replace").splitlines()]
        lines = [ln for ln in lines if ln]
        end = End(
            exit_code,
            exit_status == QProcess.ExitStatus.CrashExit,
            self._stopping,
            # The command says what went wrong on its last line, "digwell: <message>".
            lines[-1].removeprefix("digwell: ") if lines else "",
            self._output.decode("utf-8", "replace"),
        )
        if self._process is not None:
            self._forget(self._process)
        self.on_end(end)

    def _error(self, error: QProcess.ProcessError) -> None:
        process = self._process
        if error == QProcess.ProcessError.FailedToStart and process is not None:
            reason = process.errorString()
            self._forget(process)
            self.failed.emit(self.not_started(reason))
        # Other errors (a crash, a read error) end in `finished`, which reports them.

    def _forget(self, process: QProcess) -> None:
        if self._watchdog is not None:
            self._watchdog.stop()
        if self._process is process:
            self._process = None
        process.deleteLater()
