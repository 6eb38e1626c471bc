"""The composer's text field: the part over the platform's limit marked, the placeholder
to fill selected, and whole-text replacements that one Ctrl+Z takes back."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.compose.context import first_placeholder
from app.compose.utf16 import utf16_offset
from app.i18n import _
from app.ui.status_colours import ERROR, status_colour

OVERFLOW = QColor(198, 40, 40, 70)


class DraftEditor(QPlainTextEdit):
    """A plain-text field a little larger than the window's text. Tab and Shift+Tab move
    on to the next and previous control, never trapping the keyboard in the text (a post
    has no use for tab characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setAccessibleName(_("Draft text"))
        self.setPlaceholderText(_("Write your post here."))
        self.setTabChangesFocus(True)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)

    def select_placeholder(self) -> None:
        """Select the user's take (or the template's first "[Your …]" gap, in any language
        Digwell speaks), so typing replaces it: it is the first thing to write."""
        first = first_placeholder(self.toPlainText())
        found = self.document().find(first) if first else None
        if found is not None and not found.isNull():
            self.setTextCursor(found)

    def replace_all(self, text: str) -> QTextCursor:
        """Put `text` in place of the whole text as one undoable edit; the cursor that
        did it is returned, at the end of the new text."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        return cursor

    def mark_overflow(self, text: str, over_at: int | None) -> None:
        """Shade `text` from character `over_at` on (nothing when None): what the
        platform would not take, left in place rather than cut."""
        if over_at is None:
            self.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(OVERFLOW)
        # Not by colour alone: a wavy underline, as a spelling checker marks a word.
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(status_colour(ERROR, self.palette()))
        fmt.setToolTip(_("Over the limit: the platform would not take this part"))
        selection.format = fmt
        cursor = QTextCursor(self.document())
        # Qt's positions count UTF-16 units, and a paragraph break is one of them.
        cursor.setPosition(utf16_offset(text, over_at))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])
