"""Runs one `digwell COMMAND ... --json` in its own process and hands back what it printed:
work that reads the whole database (a backup, a restore) stays out of the window's
process, whose SQLite connection belongs to its GUI thread."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QProcess, Signal

from app.ui.launch import digwell_command


class CommandRunner(QObject):
    """One command at a time. Signals: finished(dict) with the command's JSON output,
    failed(str) with its message (the last line it wrote to stderr)."""

    finished = Signal(dict)
    failed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, command: tuple[str, list[str]] | None = None
    ) -> None:
        super().__init__(parent)
        self._command = command
        self._process: QProcess | None = None

    def is_running(self) -> bool:
        return self._process is not None

    def start(self, *args: str) -> bool:
        """Run `digwell ARGS`; False (and nothing started) while another one runs."""
        if self._process is not None:
            return False
        program, prefix = self._command or digwell_command()
        process = QProcess(self)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._not_started)
        self._process = process
        process.start(program, [*prefix, *args])
        return True

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the command ends (for scripts and tests, not the window)."""
        return self._process is None or self._process.waitForFinished(msecs)

    def _not_started(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            process, self._process = self._process, None
            process.deleteLater()
            self.failed.emit("Digwell could not start its helper process.")

    def _ended(self, exit_code: int, _status) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        process.deleteLater()
        try:
            result = json.loads(out) if exit_code == 0 else None
        except ValueError:
            result = None
        if isinstance(result, dict):
            self.finished.emit(result)
            return
        lines = err.strip().splitlines()
        if lines:
            self.failed.emit(lines[-1].removeprefix("digwell: "))
        else:
            self.failed.emit(f"Its helper process ended without an answer (exit code {exit_code}).")
