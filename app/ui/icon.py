"""Digwell's icon, loaded once, when first needed: QIcon costs ~4 ms of start-up to load
into PySide6, so the window shows it just after its first paint."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from app.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


@functools.cache
def app_icon() -> QIcon:
    """Digwell's icon in the sizes the bundle has."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for name in ("digwell-32.png", "digwell.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon
