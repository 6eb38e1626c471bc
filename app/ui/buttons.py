"""A push button named for tests and style, calling a slot with no arguments (clicked's
`checked` flag dropped), as every page and dialog builds its buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def named_button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _=False: slot())
    return button
