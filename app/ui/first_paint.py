"""The window's first paint: collection back on, and for benchmarks a line and quit."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

# Should no paint come (a window started hidden), collect again after this anyway.
GC_FALLBACK_MS = 3000


def resume_gc() -> None:
    """Keep what start-up built out of future collections, then collect as usual."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class FirstPaint(QObject):
    """At the window's first paint, waits for the whole pass (children paint after
    their parent), then turns the garbage collector back on (see app.cli.main), does
    `then` and, for benchmarks, reports and quits."""

    def __init__(
        self,
        window: QObject,
        *,
        exit_after: bool,
        marker: str = "",
        then: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(window)
        self._exit_after = exit_after
        self._marker = marker  # printed before quitting
        self._then = then  # what waits for the first paint
        window.installEventFilter(self)
        QTimer.singleShot(GC_FALLBACK_MS, resume_gc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        resume_gc()
        if self._exit_after:  # a benchmark: nothing after the first paint is counted
            print(self._marker, flush=True)
            os._exit(0)
        if self._then is not None:
            self._then()
