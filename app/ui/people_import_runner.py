"""Runs `digwell people import FILE --json-progress` in its own process and follows its
progress: reading and matching 30,000 LinkedIn connections is seconds of Python, which
in the window's process would stall it (docs/PEOPLE.md, "Import")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.ui.process_runner import End, ProcessRunner

# An import still running after this long hung: it is stopped (30,000 rows take seconds).
WATCHDOG_MS = 10 * 60 * 1000


class PeopleImportRunner(ProcessRunner):
    """One import at a time, a dry run (what it would do, nothing written) or the real
    one. Signals: `planned(total)` once the child counted the rows, `progressed(done,
    total)`, `finished(result)` with the command's result (added, updated, skipped,
    merged, errors, preview), `failed(message)`."""

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

    def start(self, path: Path, *, dry_run: bool, keep_emails: bool = False) -> bool:
        """Read `path` (a dry run writes nothing); False if an import already runs."""
        if self.is_running():
            return False
        self._result = None
        self.dry_run = dry_run
        # Absolute, so a file name starting with "-" is never read as an option.
        args = ["people", "import", str(Path(path).absolute())]
        args += ["--dry-run"] * dry_run + ["--json-progress"] + ["--keep-emails"] * keep_emails
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
            self.failed.emit("The import was stopped.")
        else:
            self.failed.emit(explain(end))

    def not_started(self, reason: str) -> str:
        return f"The import could not start ({reason}). Reinstall Digwell if this keeps happening."


def explain(end: End) -> str:
    """'The import failed: the file is over 20 MB.' (the command's own words)"""
    head = "The import stopped unexpectedly" if end.crashed else "The import failed"
    if end.detail:
        return f"{head}: {end.detail}"
    return f"{head} (exit code {end.exit_code})." if not end.crashed else f"{head}."
