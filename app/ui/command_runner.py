"""Runs one `digwell COMMAND ... --json` in its own process and hands back the JSON
document it printed: a backup or a restore reads the whole database, which stays out of
the window's process."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Signal

from app.i18n import _
from app.ui.process_runner import End, ProcessRunner


class CommandRunner(ProcessRunner):
    """One command at a time. Signals: finished(dict) with the command's JSON output,
    failed(str) with its message (the last line it wrote to stderr)."""

    finished = Signal(dict)

    def __init__(
        self, parent: QObject | None = None, *, command: tuple[str, list[str]] | None = None
    ) -> None:
        super().__init__(parent, command=command, keep_output=True)

    def start(self, *args: str) -> bool:
        """Run `digwell ARGS`; False (and nothing started) while another one runs."""
        return self.start_command(*args)

    def on_end(self, end: End) -> None:
        try:
            result = json.loads(end.output) if end.exit_code == 0 else None
        except ValueError:
            result = None
        if isinstance(result, dict):
            self.finished.emit(result)
        elif end.detail:
            self.failed.emit(end.detail)
        else:
            self.failed.emit(
                _("Its helper process ended without an answer (exit code {code}).").format(
                    code=end.exit_code
                )
            )

    def not_started(self, reason: str) -> str:
        return _("Digwell could not start its helper process.")
