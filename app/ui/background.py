"""One short blocking call (a web page lookup) off the GUI thread, its result as a signal.

Refreshing is a separate process (see refresh_runner); this is for single requests a
dialog waits on, such as autodiscovery, which would freeze the window for seconds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundCall(QObject):
    """Runs `work()` in a daemon thread; emits `done(result)` or `failed(exception)` in
    the GUI thread. Create it in the GUI thread without a parent and keep a reference:
    the thread keeps it alive until it has emitted, and Qt drops the signal if the
    widget connected to it was closed meanwhile.

    It counts as running until its result has reached the GUI thread, not just until
    its thread ends: in between, the result is still queued and no slot has seen it."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self._thread: threading.Thread | None = None
        self._waiting = False
        # Connected first, so these run before any other slot, which sees the call ended.
        self.done.connect(self._ended)
        self.failed.connect(self._ended)

    def start(self) -> None:
        self._waiting = True
        self._thread = threading.Thread(target=self._run, name="digwell-call", daemon=True)
        self._thread.start()

    def is_running(self) -> bool:
        return self._waiting

    def _ended(self, _value: object) -> None:
        self._waiting = False

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as err:  # handed to the GUI thread, which shows it
            self._emit(self.failed, err)
        else:
            self._emit(self.done, result)

    def _emit(self, signal, value: object) -> None:
        signal.emit(value)  # queued to the GUI thread, where this object lives
