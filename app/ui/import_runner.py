"""Runs an import command (`digwell people import`, `digwell import`) in its own process
and follows its `--json-progress` lines: reading and matching a large export is seconds of
Python, which in the window's process would stall it (docs/ARCHITECTURE.md, "Where long
work runs")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.i18n import _
from app.ui.process_runner import End, ProcessRunner

# An import still running after this long hung: it is stopped (30,000 rows take seconds).
WATCHDOG_MS = 10 * 60 * 1000


class ImportRunner(ProcessRunner):
    """One import at a time, a dry run (what it would do, nothing written) or the real
    one. Signals: `planned(total)` once the child counted what to read, `progressed(done,
    total)`, `finished(result)` with the command's result, `failed(message)`. Subclasses
    say which command runs (`arguments`)."""

    planned = Signal(int)
    progressed = Signal(int, int)
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
        self._result: dict | None = None
        self.dry_run = True  # what the running (or last) child was asked to do

    def arguments(self, path: Path, *, dry_run: bool, **options: bool) -> list[str]:
        """The command's arguments before `--data-dir` (`path` is absolute)."""
        raise NotImplementedError

    def start(self, path: Path, *, dry_run: bool, **options: bool) -> bool:
        """Read `path` (a dry run writes nothing); False if an import already runs."""
        if self.is_running():
            return False
        self._result = None
        self.dry_run = dry_run
        # Absolute, so a file name starting with "-" is never read as an option.
        args = self.arguments(Path(path).absolute(), dry_run=dry_run, **options)
        return self.start_command(*args, "--data-dir", str(self._data_dir))

    def on_event(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "start":
            self.planned.emit(int(event.get("total", 0)))
        elif kind == "progress":
            self.progressed.emit(int(event.get("done", 0)), int(event.get("total", 0)))
        elif kind == "done" and isinstance(event.get("result"), dict):
            self._result = event["result"]

    def on_end(self, end: End) -> None:
        result, self._result = self._result, None
        if result is not None and end.exit_code == 0 and not end.crashed:
            self.finished.emit(result)
        elif end.stopped:
            self.failed.emit(_("The import was stopped."))
        else:
            self.failed.emit(explain(end))

    def not_started(self, reason: str) -> str:
        return _(
            "The import could not start ({reason}). Reinstall Digwell if this keeps happening."
        ).format(reason=reason)


def explain(end: End) -> str:
    """'The import failed: the file is over 20 MB.' (the command's own words)"""
    if end.crashed:
        if end.detail:
            return _("The import stopped unexpectedly: {detail}").format(detail=end.detail)
        return _("The import stopped unexpectedly.")
    if end.detail:
        return _("The import failed: {detail}").format(detail=end.detail)
    return _("The import failed (exit code {code}).").format(code=end.exit_code)
