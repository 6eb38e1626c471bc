"""Runs `digwell rescore --json-progress` in its own process and follows its progress:
ranking 100k items is seconds of Python, which in the window's process would stall it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.i18n import _
from app.ui.process_runner import End, ProcessRunner


class RescoreRunner(ProcessRunner):
    """One re-ranking at a time; `start` while one runs queues one more (the strategy
    changed again meanwhile). Signals: progressed(done, total), finished(items),
    failed(message)."""

    progressed = Signal(int, int)
    finished = Signal(int)
    # Its new scores replace the old ones in one transaction at its very end, so killing
    # it leaves the old ones, whole: no need to ask it first.
    gentle_stop = False

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__(parent, command=command)
        self._data_dir = Path(data_dir)
        self._again = False
        self._items: int | None = None

    def start(self) -> None:
        """Rank every item by the strategy as saved, now or after the one running."""
        if self.is_running():
            self._again = True
            return
        self._items = None
        self.start_command("rescore", "--json-progress", "--data-dir", str(self._data_dir))

    def stop(self, *, quiet: bool = True) -> None:
        """Stop a running one, saying nothing: the next start ranks again."""
        self._again = False
        super().stop(quiet=quiet)

    def on_event(self, event: dict) -> None:
        if event.get("event") == "progress":
            self.progressed.emit(int(event["done"]), int(event["total"]))
        elif event.get("event") == "done":
            self._items = int(event.get("items", 0))

    def on_end(self, end: End) -> None:
        if self._items is None:
            detail = end.detail or _("exit code {code}").format(code=end.exit_code)
            self.failed.emit(_("Ranking by your strategy failed: {detail}").format(detail=detail))
        else:
            self.finished.emit(self._items)
        if self._again:
            self._again = False
            self.start()

    def not_started(self, reason: str) -> str:
        return _("Ranking by your strategy could not start ({reason}).").format(reason=reason)
