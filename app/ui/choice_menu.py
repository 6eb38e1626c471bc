"""A submenu of exclusive choices, the remembered one checked (View › Appearance, View ›
Language): each action named `prefix + choice`, so tests and callers find it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget


def add_choices(
    window: QWidget,
    submenu: QMenu,
    choices: Sequence[tuple[str, str]],
    chosen: str,
    prefix: str,
    choose: Callable[[str], None],
) -> None:
    """One checkable action per (choice, shown text), `chosen` checked; `choose(choice)`
    when one is picked."""
    from PySide6.QtGui import QAction, QActionGroup

    group = QActionGroup(window)
    group.setExclusive(True)
    for choice, text in choices:
        action = QAction(text, group)
        action.setObjectName(prefix + choice)
        action.setCheckable(True)
        action.setChecked(choice == chosen)
        action.triggered.connect(lambda _checked=False, c=choice: choose(c))
        submenu.addAction(action)
