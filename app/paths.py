"""Where Digwell keeps things: user folders (platformdirs) and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import APP_NAME

DB_FILENAME = "digwell.sqlite3"
TEMPLATES_FOLDER = "templates"
# Set by tests and scripts to keep every default folder inside a sandbox.
HOME_OVERRIDE_ENV = "DIGWELL_HOME"


def user_data_dir(demo: bool = False) -> Path:
    """The folder holding the user's database; demo data lives in a sibling folder."""
    name = f"{APP_NAME}-demo" if demo else APP_NAME
    override = os.environ.get(HOME_OVERRIDE_ENV)
    if override:
        return Path(override) / "data" / name
    import platformdirs  # ~9 ms: not paid when --data-dir is given

    return platformdirs.user_data_path(name, appauthor=False)


def user_config_dir() -> Path:
    """The folder for settings and the user's own templates."""
    override = os.environ.get(HOME_OVERRIDE_ENV)
    if override:
        return Path(override) / "config" / APP_NAME
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def user_cache_dir() -> Path:
    """The folder for what Digwell can make again (the locale formats it looked up):
    ~/.cache/Digwell, ~/Library/Caches/Digwell, %LOCALAPPDATA%\\Digwell\\Cache.

    Found by hand, as platformdirs would, because the window's first paint asks for it
    and importing platformdirs costs ~9 ms of start-up."""
    override = os.environ.get(HOME_OVERRIDE_ENV)
    if override:
        return Path(override) / "cache" / APP_NAME
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / APP_NAME


def user_templates_dir(config_dir: Path | None = None) -> Path:
    """The user's own draft templates (looked in before the bundled ones); `config_dir`:
    another config folder than the user's (restoring a backup elsewhere)."""
    return (config_dir if config_dir is not None else user_config_dir()) / TEMPLATES_FOLDER


def user_log_dir() -> Path:
    """The folder for the log files (app.logs): ~/.local/state/Digwell/log, ~/Library/Logs/
    Digwell, %LOCALAPPDATA%\\Digwell\\Logs."""
    override = os.environ.get(HOME_OVERRIDE_ENV)
    if override:
        return Path(override) / "log" / APP_NAME
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def _resource_roots() -> list[Path]:
    here = Path(__file__).resolve().parent
    roots = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller bundle
        roots.append(Path(frozen_root) / "resources")
    roots.append(here / "resources")  # installed wheel: resources/ is packed into app/
    roots.append(here.parent / "resources")  # source checkout or editable install
    return roots


def resources_dir() -> Path:
    """The bundled resources folder, wherever Digwell was installed from."""
    for root in _resource_roots():
        if (root / "templates").is_dir():
            return root
    searched = ", ".join(str(r) for r in _resource_roots())
    raise FileNotFoundError(f"Digwell's resources are missing (looked in {searched}); reinstall.")


def resource_path(*parts: str) -> Path:
    """A file or folder under the bundled resources."""
    return resources_dir().joinpath(*parts)
