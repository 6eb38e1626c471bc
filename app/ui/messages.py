"""The one path for user-facing messages: status bar for news, a dialog for errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from app.errors import DigwellError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

STATUS_MS = 8000


class Messenger:
    """Says things to the user in one consistent voice."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.last_error: QMessageBox | None = None

    def info(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    def error(self, err: Exception | str) -> None:
        """Show an error without blocking the event loop (window-modal)."""
        from PySide6.QtWidgets import QMessageBox  # only when needed: it is slow to load

        if isinstance(err, DigwellError):
            text, hint = err.message, err.hint
        else:
            text, hint = str(err), ""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Digwell", text, QMessageBox.StandardButton.Ok, self._window
        )
        if hint:
            box.setInformativeText(hint)
        box.open()
        self.last_error = box
        self._window.statusBar().showMessage(text, STATUS_MS)
