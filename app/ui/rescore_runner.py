"""Runs `digwell rescore --json-progress` in its own process and follows its progress:
ranking 100k items is seconds of Python, which in the window's process would stall it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from app.ui.json_lines import JsonLines
from app.ui.launch import digwell_command


class RescoreRunner(QObject):
    """One re-ranking at a time; `start` while one runs queues one more (the strategy
    changed again meanwhile). Signals: progressed(done, total), finished(items),
    failed(message)."""

    progressed = Signal(int, int)
    finished = Signal(int)
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
        self._command = command
        self._process: QProcess | None = None
        self._again = False
        self._lines = JsonLines()
        self._stderr = b""
        self._items: int | None = None

    def is_running(self) -> bool:
        return self._process is not None

    def start(self) -> None:
        if self._process is not None:
            self._again = True
            return
        program, prefix = self._command or digwell_command()
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(
            lambda: setattr(self, "_stderr", bytes(process.readAllStandardError().data()))
        )
        process.finished.connect(self._ended)
        self._process, self._lines, self._stderr, self._items = process, JsonLines(), b"", None
        process.start(
            program, [*prefix, "rescore", "--json-progress", "--data-dir", str(self._data_dir)]
        )

    def stop(self) -> None:
        """Stop a running one: its new scores replace the old ones in one transaction at
        its very end, so a stopped one leaves the old ones, whole."""
        process = self._process
        if process is None:
            return
        self._again = False
        process.finished.disconnect(self._ended)
        process.kill()
        process.waitForFinished(3000)
        self._process = None
        process.deleteLater()

    def _read(self) -> None:
        if self._process is None:
            return
        for event in self._lines.feed(bytes(self._process.readAllStandardOutput().data())):
            self._handle_event(event)

    def _handle_event(self, event: dict) -> None:
        if event.get("event") == "progress":
            self.progressed.emit(int(event["done"]), int(event["total"]))
        elif event.get("event") == "done":
            self._items = int(event.get("items", 0))

    def _ended(self, exit_code: int, _status) -> None:
        self._read()
        for event in self._lines.finish():
            self._handle_event(event)
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        items = self._items
        if items is None:
            lines = self._stderr.decode("utf-8", "replace").strip().splitlines()
            detail = lines[-1].removeprefix("digwell: ") if lines else f"exit code {exit_code}"
            self.failed.emit(f"Ranking by your strategy failed: {detail}")
        else:
            self.finished.emit(items)
        if self._again:
            self._again = False
            self.start()
