"""One undo history for a whole dialog: Undo and Redo actions over the strategy's edit
model (app.strategy.editing), and Ctrl+Z kept from the fields' own histories."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget

from app.i18n import _

if TYPE_CHECKING:
    from app.strategy.editing import StrategyEdit


class EditHistory(QObject):
    """The model's undo and redo as actions named after the edit ("Undo theme name").
    `stepped(where)` after an undo or redo, with what it changed to show.

    count(), isClean() and setClean() read as QUndoStack's, which this replaced."""

    stepped = Signal(object)  # app.strategy.editing.Where

    def __init__(self, edit: StrategyEdit, window: QWidget) -> None:
        super().__init__(window)
        self._edit = edit
        self.undo_action = QAction(_("Undo"), window)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(_("Redo"), window)
        self.redo_action.setShortcuts(redo_keys())
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.refresh()

    def undo(self) -> None:
        self._step(self._edit.undo())

    def redo(self) -> None:
        self._step(self._edit.redo())

    def _step(self, where: object) -> None:
        if where is not None:
            self.stepped.emit(where)
        self.refresh()

    def refresh(self) -> None:
        """Name and enable the actions after the model changed."""
        undo, redo = self._edit.undo_text(), self._edit.redo_text()
        # Translators: {edit} names what is undone or redone, e.g. "theme name".
        self.undo_action.setText(_("Undo {edit}").format(edit=undo) if undo else _("Undo"))
        self.redo_action.setText(_("Redo {edit}").format(edit=redo) if redo else _("Redo"))
        self.undo_action.setEnabled(self._edit.can_undo())
        self.redo_action.setEnabled(self._edit.can_redo())

    def keep_keys(self, window: QWidget) -> None:
        """Leave the undo and redo keys of every field in `window` to these actions."""
        keys_filter = _UndoKeysToActions([self.undo_action, self.redo_action], self)
        for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox):
            for widget in window.findChildren(kind):
                widget.installEventFilter(keys_filter)

    def count(self) -> int:
        """How many edits can be undone."""
        return self._edit.undo_count

    def isClean(self) -> bool:
        return not self._edit.has_changes()

    def setClean(self) -> None:
        """Take the edits as saved (closing then asks nothing)."""
        self._edit.mark_saved()
        self.refresh()


class _UndoKeysToActions(QObject):
    """Line edits and spin boxes keep their own undo history and claim Ctrl+Z; this
    leaves the keys to the dialog's actions, so one history covers every field."""

    def __init__(self, actions: list[QAction], parent: QObject) -> None:
        super().__init__(parent)
        self._keys = {k.toString() for a in actions for k in a.shortcuts()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            # Override left unaccepted: the shortcut (our action) runs. The key press
            # that follows when there is nothing to undo must not reach the widget.
            return QKeySequence(event.keyCombination()).toString() in self._keys
        return False


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys and Ctrl+Shift+Z, each once (a key listed twice on one
    action is ambiguous, and then neither works)."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
    unique: dict[str, QKeySequence] = {}
    for key in keys:
        unique.setdefault(key.toString(), key)
    return list(unique.values())
