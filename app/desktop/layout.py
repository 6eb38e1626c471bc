"""Which desktop files Digwell ships and where each goes under an XDG data folder
(docs/DESKTOP.md, "Linux"). One application ID names them all, and the window's desktop
file name (app/ui/app.py) is the same ID, so the desktop matches window and menu entry."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import NamedTuple

APP_ID = "io.github.digwell.Digwell"
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_NAME = APP_ID
SYMBOLIC_ICON_NAME = f"{APP_ID}-symbolic"
# The sizes the hicolor theme's apps folders hold (packaging/make_icons.py renders them).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The one colour the symbolic SVG is drawn in (the window recolours it: app/ui/icon.py).
SYMBOLIC_INK = "#2e3436"


class DesktopFile(NamedTuple):
    """One shipped file: where it is under the resources folder, and where it goes under
    the XDG data folder (both relative, with forward slashes)."""

    source: PurePosixPath
    target: PurePosixPath


def icon_files() -> list[PurePosixPath]:
    """The icon files, relative to the hicolor theme's folder."""
    files = [PurePosixPath(f"{size}x{size}/apps/{ICON_NAME}.png") for size in PNG_SIZES]
    files.append(PurePosixPath(f"scalable/apps/{ICON_NAME}.svg"))
    files.append(PurePosixPath(f"symbolic/apps/{SYMBOLIC_ICON_NAME}.svg"))
    return files


def desktop_files() -> list[DesktopFile]:
    """Every file `digwell desktop install` puts in place, the menu entry first."""
    files = [
        DesktopFile(
            PurePosixPath("desktop", DESKTOP_FILE), PurePosixPath("applications", DESKTOP_FILE)
        ),
        DesktopFile(
            PurePosixPath("desktop", METAINFO_FILE), PurePosixPath("metainfo", METAINFO_FILE)
        ),
    ]
    hicolor = PurePosixPath("icons", "hicolor")  # the same place in both
    files += [DesktopFile(hicolor / icon, hicolor / icon) for icon in icon_files()]
    return files


def data_home(environ: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """The user's XDG data folder: $XDG_DATA_HOME when set to an absolute path (the
    specification says to ignore a relative one), else ~/.local/share."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return (home if home is not None else Path.home()) / ".local" / "share"


# Desktops whose panels draw one-colour status icons: the tray shows the symbolic icon there.
SYMBOLIC_TRAY_DESKTOPS = frozenset({"gnome", "kde", "unity", "budgie", "pantheon", "ubuntu"})


def wants_symbolic_tray(platform: str, current_desktop: str) -> bool:
    """Whether the tray icon should be the symbolic one: on Linux and the BSDs, when
    $XDG_CURRENT_DESKTOP (a colon-separated list, e.g. "ubuntu:GNOME") names a desktop
    whose panel expects one colour. Elsewhere (Windows, macOS, other panels) the
    colour icon."""
    if platform in ("win32", "darwin", "cygwin"):
        return False
    names = {part.strip().casefold() for part in current_desktop.split(":")}
    return not SYMBOLIC_TRAY_DESKTOPS.isdisjoint(names)
