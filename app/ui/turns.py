"""Work split over turns of the event loop, so the window paints and answers input in
between: after a refresh of tens of thousands of items, reloading the inbox at once
stalled the window ~30 ms; one step per turn keeps each stall under ~12 ms."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

Step = Callable[[], object]


class Turns(QObject):
    """Runs steps one per turn of the event loop, first added first run. Steps a step
    adds while it runs come next, before those already waiting: a step can be split
    further without the steps queued after it overtaking its parts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[Step] = deque()
        self._added: list[Step] | None = None  # steps added by the step running
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_one)

    def add(self, *steps: Step) -> None:
        """Run `steps` on the coming turns, in order."""
        if self._added is not None:
            self._added.extend(steps)
            return
        self._queue.extend(steps)
        if self._queue and not self._timer.isActive():
            self._timer.start()

    def waiting(self) -> int:
        """How many steps are still to run."""
        return len(self._queue)

    def clear(self) -> None:
        """Drop the steps still waiting (the window closes)."""
        self._queue.clear()
        self._timer.stop()

    def _run_one(self) -> None:
        if not self._queue:
            return
        step = self._queue.popleft()
        self._added = []
        try:
            step()
        finally:
            added, self._added = self._added, None
            self._queue.extendleft(reversed(added))
            if self._queue:
                self._timer.start()
