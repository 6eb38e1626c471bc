"""Putting the desktop files under an XDG data folder, and taking them back
(`digwell desktop install` / `uninstall`; docs/DESKTOP.md). Every path is passed in:
tests use a temporary folder, never the user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from app.desktop.layout import DESKTOP_FILE, desktop_files
from app.errors import DigwellError
from app.i18n import _

# Plain `digwell`, as the shipped .desktop file says: rewritten when it is not on PATH.
SHIPPED_COMMAND = "digwell"
# Characters the Desktop Entry specification reserves in Exec: quote an argument with them.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
CACHE_TIMEOUT_S = 30

Which = Callable[[str], "str | None"]


class DesktopReport(NamedTuple):
    """What install or uninstall did: the data folder, the files written or removed,
    the command the menu entry runs, and the cache tools run and those not found."""

    data_dir: Path
    files: list[Path]
    command: str
    caches_updated: list[str]
    caches_missing: list[str]


def check_platform(platform: str) -> None:
    """Windows and macOS have no XDG menu: say what they use instead."""
    if platform == "win32" or platform == "darwin":
        raise DigwellError(
            _("Desktop files are for Linux and other freedesktop systems."),
            _("On Windows and macOS, install the bundle instead (packaging/README.md)."),
        )


def exec_argument(path: str) -> str:
    """One Exec argument, quoted as the Desktop Entry specification asks when needed."""
    text = path.replace("%", "%%")
    if not any(ch in _RESERVED for ch in text):
        return text
    for ch in ("\\", '"', "`", "$"):
        text = text.replace(ch, "\\" + ch)
    # The value is a desktop string too: its backslashes are escaped once more.
    return '"' + text.replace("\\", "\\\\") + '"'


def with_command(entry: str, command: list[str]) -> str:
    """The .desktop text with every `Exec=digwell …` running `command` instead."""
    if command == [SHIPPED_COMMAND]:
        return entry
    quoted = " ".join(exec_argument(part) for part in command)
    lines = []
    for line in entry.splitlines(keepends=True):
        if line.startswith(f"Exec={SHIPPED_COMMAND}"):
            line = f"Exec={quoted}" + line[len(f"Exec={SHIPPED_COMMAND}") :]
        lines.append(line)
    return "".join(lines)


def install(
    data_dir: Path,
    resources: Path,
    *,
    command: list[str] | None = None,
    platform: str = sys.platform,
    which: Which = shutil.which,
) -> DesktopReport:
    """Copy the menu entry, metainfo and icons under `data_dir` (the XDG data folder);
    `command`: what the menu entry runs when `digwell` is not on PATH. Every source is
    checked before anything is written."""
    check_platform(platform)
    command = command or [SHIPPED_COMMAND]
    files = desktop_files()
    missing = [str(f.source) for f in files if not (resources / f.source).is_file()]
    if missing:
        raise DigwellError(
            _("Digwell's desktop files are missing from {folder}: {files}.").format(
                folder=resources, files=", ".join(missing)
            ),
            _("Reinstall Digwell."),
        )
    _check_folder(data_dir)
    written = []
    for f in files:
        target = data_dir / f.target
        data = (resources / f.source).read_bytes()
        if f.target.name == DESKTOP_FILE:
            data = with_command(data.decode("utf-8"), command).encode("utf-8")
        _write(target, data)
        written.append(target)
    updated, not_found = update_caches(data_dir, which)
    return DesktopReport(data_dir, written, " ".join(command), updated, not_found)


def uninstall(
    data_dir: Path, *, platform: str = sys.platform, which: Which = shutil.which
) -> DesktopReport:
    """Remove the files install() put under `data_dir` (nothing else); the report lists
    those that were there."""
    check_platform(platform)
    _check_folder(data_dir)
    removed = []
    for f in desktop_files():
        target = data_dir / f.target
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(target)
    updated, not_found = update_caches(data_dir, which) if removed else ([], [])
    return DesktopReport(data_dir, removed, "", updated, not_found)


def update_caches(data_dir: Path, which: Which = shutil.which) -> tuple[list[str], list[str]]:
    """Keep fresh the caches the user's data folder already has, with the tools the
    desktop has. A cache that is not there is not made: desktops read the folders
    themselves, and a cache nobody else keeps up to date would hide other apps' icons
    and menu entries once it went stale. A missing tool is skipped."""
    jobs = [
        (
            "update-desktop-database",
            data_dir / "applications" / "mimeinfo.cache",
            ["-q", str(data_dir / "applications")],
        ),
        (
            "gtk-update-icon-cache",
            data_dir / "icons" / "hicolor" / "icon-theme.cache",
            ["-q", "-t", "-f", str(data_dir / "icons" / "hicolor")],
        ),
    ]
    updated, not_found = [], []
    for tool, cache, arguments in jobs:
        if not cache.is_file():
            continue
        path = which(tool)
        if path is None:
            not_found.append(tool)
            continue
        # A cache that fails to update is not worth failing the install for.
        subprocess.run(
            [path, *arguments], capture_output=True, timeout=CACHE_TIMEOUT_S, check=False
        )
        updated.append(tool)
    return updated, not_found


def _check_folder(data_dir: Path) -> None:
    if not data_dir.is_absolute():
        raise DigwellError(
            _("The data folder {folder} is not an absolute path.").format(folder=data_dir),
            _("Give a full path."),
        )
    if data_dir.exists() and not data_dir.is_dir():
        raise DigwellError(
            _("{path} is a file, not a folder.").format(path=data_dir), _("Choose a folder.")
        )


def _write(target: Path, data: bytes) -> None:
    """Write through a temporary file, so a desktop never reads half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)
