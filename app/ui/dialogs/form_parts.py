"""What the small forms share: a line saying what is wrong, Save/Cancel buttons, and
showing a value in a field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.ui.status_colours import ERROR, status_style


def problem_style(widget: QWidget) -> str:
    """The text colour of what is wrong: a red with 4.5:1 on the widget's palette."""
    return status_style(ERROR, widget.palette())


def problem_label(name: str) -> QLabel:
    """A hidden, wrapping label for what is wrong with the input (show_problem fills it)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(problem_style(label))
    label.hide()
    return label


def show_problem(label: QLabel, err: Exception) -> None:
    label.setText(str(err))
    label.show()


def save_cancel(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save runs `save` (which accepts the dialog only when the input is good)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_value(widget: QWidget, value: object) -> None:
    """Show `value` in a field, leaving it alone (and its cursor) when it already does."""
    if isinstance(widget, QLineEdit):
        if widget.text() != value:
            widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(str(value))
            widget.moveCursor(QTextCursor.MoveOperation.End)
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)) and widget.value() != value:
        widget.setValue(value)
