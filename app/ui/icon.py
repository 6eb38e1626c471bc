"""Digwell's icons, loaded once, when first needed: QIcon costs ~4 ms of start-up to load
into PySide6, so the window shows it just after its first paint.

The window's icon comes from the icon theme by the application ID (where `digwell
desktop install` or a package put it), else from the bundled hicolor files; the tray's
is the one-colour symbolic icon on desktops whose panels expect one (docs/DESKTOP.md)."""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING

from app.desktop.layout import (
    ICON_NAME,
    PNG_SIZES,
    SYMBOLIC_ICON_NAME,
    SYMBOLIC_INK,
    wants_symbolic_tray,
)
from app.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QIcon

SYMBOLIC_SIZES = (16, 22, 24, 32, 48, 64)


def bundled_icon() -> QIcon:
    """The colour icon from the bundled files, every size the hicolor folders have."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in PNG_SIZES:
        path = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{ICON_NAME}.png")
        if path.is_file():
            icon.addFile(str(path))
    if icon.isNull():  # an older resources folder
        for name in ("digwell-32.png", "digwell.png"):
            path = resource_path("icons", name)
            if path.is_file():
                icon.addFile(str(path))
    return icon


@functools.cache
def app_icon() -> QIcon:
    """Digwell's icon: the theme's by the application ID, else the bundled one."""
    from PySide6.QtGui import QIcon

    return QIcon.fromTheme(ICON_NAME, bundled_icon())


def symbolic_icon(ink: QColor | None = None) -> QIcon:
    """The bundled symbolic icon drawn in `ink` (default: the palette's window text, so
    it reads on the panel of a light or a dark scheme)."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    if ink is None:
        ink = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    path = resource_path("icons", "hicolor", "symbolic", "apps", f"{SYMBOLIC_ICON_NAME}.svg")
    svg = path.read_text(encoding="utf-8").replace(SYMBOLIC_INK, ink.name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for size in SYMBOLIC_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def tray_icon(colour: QIcon, *, platform: str | None = None, desktop: str | None = None) -> QIcon:
    """The tray's icon: on GNOME, KDE and their kin the symbolic one (from the theme,
    so the panel can recolour it, else the bundled one), elsewhere `colour`.
    `platform` and `desktop` ($XDG_CURRENT_DESKTOP) default to this system's."""
    from PySide6.QtGui import QIcon

    platform = sys.platform if platform is None else platform
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "") if desktop is None else desktop
    if not wants_symbolic_tray(platform, desktop):
        return colour
    return QIcon.fromTheme(SYMBOLIC_ICON_NAME, symbolic_icon())
