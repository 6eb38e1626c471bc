"""Starting Digwell at login, into the tray (docs/DESKTOP.md, "Start at login"): an XDG
autostart entry on Linux, a value under the `HKCU\\...\\Run` key on Windows, a
LaunchAgent on macOS.

The platform and every folder are passed in, so tests write into a temporary folder and
a fake registry, never the user's own; `for_this_system()` builds the real one."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from app.errors import DigwellError
from app.i18n import _

APP_ID = "io.github.digwell.Digwell"
TRAY_OPTION = "--tray"
DESKTOP_FILE = f"{APP_ID}.desktop"
PLIST_FILE = f"{APP_ID}.plist"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Digwell"
# Characters that make an Exec argument need quotes (the Desktop Entry spec, "Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class RegistryWriter(Protocol):
    """The few registry calls the Run key needs (HKEY_CURRENT_USER only)."""

    def get_value(self, key: str, name: str) -> str | None: ...

    def set_value(self, key: str, name: str, value: str) -> None: ...

    def delete_value(self, key: str, name: str) -> None: ...


def login_command(
    *, frozen: bool, executable: str, script: str | None, tray: bool = True
) -> list[str]:
    """What starts Digwell: the bundle's executable, else the installed `digwell`
    script (absolute, as a login session's PATH may lack the user's folders), else this
    Python with `-m app`; then `--tray`."""
    if frozen:
        program = [executable]
    elif script:
        program = [script]
    else:
        program = [executable, "-m", "app"]
    return [*program, TRAY_OPTION] if tray else program


def _exec_argument(arg: str) -> str:
    if not arg or any(c in _EXEC_RESERVED for c in arg):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        # In a desktop file's string value a backslash is itself escaped.
        return '"' + escaped.replace("\\", "\\\\") + '"'
    return arg


def desktop_entry(command: Sequence[str]) -> str:
    """The XDG autostart entry (Desktop Entry spec; the Autostart spec's `Hidden`)."""
    exec_line = " ".join(_exec_argument(a) for a in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Digwell\n"
        "Comment=Reminders to post, from the tray\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Hidden=false\n"
        "NoDisplay=false\n"
    )


def windows_run_value(command: Sequence[str]) -> str:
    """The Run value: the program quoted (its path may hold spaces), then its options."""
    import subprocess

    program, *rest = command
    return " ".join([f'"{program}"', subprocess.list2cmdline(rest)]).strip()


def launch_agent(command: Sequence[str]) -> bytes:
    """The LaunchAgent property list: run at load, never kept alive (quitting stays
    quitting)."""
    import plistlib

    agent = {
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "KeepAlive": False,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML)


class Autostart:
    """The login entry for one platform (`sys.platform` values: linux, win32, darwin;
    any other is treated as an XDG desktop)."""

    def __init__(
        self,
        platform: str,
        command: Sequence[str],
        *,
        config_dir: Path | None = None,
        launch_agents_dir: Path | None = None,
        registry: RegistryWriter | None = None,
    ) -> None:
        self.platform = platform
        self.command = list(command)
        self._config_dir = config_dir
        self._agents_dir = launch_agents_dir
        self._registry = registry

    @property
    def path(self) -> Path | None:
        """The file written (None on Windows, where it is a registry value)."""
        if self.platform == "win32":
            return None
        if self.platform == "darwin":
            return _needed(self._agents_dir, "LaunchAgents") / PLIST_FILE
        return _needed(self._config_dir, "config") / "autostart" / DESKTOP_FILE

    def content(self) -> str | bytes:
        """What `enable` writes."""
        if self.platform == "win32":
            return windows_run_value(self.command)
        if self.platform == "darwin":
            return launch_agent(self.command)
        return desktop_entry(self.command)

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._reg().get_value(RUN_KEY, RUN_VALUE) is not None
        path = self.path
        return path is not None and path.is_file()

    def apply(self, on: bool) -> None:
        """Write the entry (on) or take it away (off); an OS error becomes a message and
        leaves things as they were."""
        try:
            if self.platform == "win32":
                self._apply_registry(on)
            else:
                self._apply_file(on)
        except OSError as err:
            where = self.path or f"HKEY_CURRENT_USER\\{RUN_KEY}"
            reason = err.strerror or err
            if on:
                message = _("Digwell could not add its login entry ({where}): {reason}.")
            else:
                message = _("Digwell could not remove its login entry ({where}): {reason}.")
            raise DigwellError(
                message.format(where=where, reason=reason),
                _("Check that this folder is yours and writable, then try again."),
            ) from err

    def _apply_registry(self, on: bool) -> None:
        registry = self._reg()
        if on:
            registry.set_value(RUN_KEY, RUN_VALUE, windows_run_value(self.command))
        else:
            registry.delete_value(RUN_KEY, RUN_VALUE)

    def _apply_file(self, on: bool) -> None:
        path = self.path
        assert path is not None
        if not on:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        content = self.content()
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(data)  # never half an entry: a session reading it now
        os.replace(partial, path)

    def _reg(self) -> RegistryWriter:
        if self._registry is None:
            raise DigwellError(_("No registry to write the login entry to."), _("This is a bug."))
        return self._registry


def _needed(folder: Path | None, which: str) -> Path:
    if folder is None:
        if which == "LaunchAgents":
            message = _("No LaunchAgents folder to write the login entry to.")
        else:
            message = _("No config folder to write the login entry to.")
        raise DigwellError(message, _("This is a bug."))
    return folder


if sys.platform == "win32":

    class WindowsRegistry:
        """HKEY_CURRENT_USER through winreg."""

        def get_value(self, key: str, name: str) -> str | None:
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                    value, _kind = winreg.QueryValueEx(handle, name)
            except FileNotFoundError:
                return None
            return str(value)

        def set_value(self, key: str, name: str, value: str) -> None:
            import winreg

            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:
                winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

        def delete_value(self, key: str, name: str) -> None:
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as h:
                    winreg.DeleteValue(h, name)
            except FileNotFoundError:
                pass


def for_this_system() -> Autostart:
    """The entry for the system Digwell runs on, starting this installation."""
    command = login_command(
        frozen=bool(getattr(sys, "frozen", False)),
        executable=sys.executable,
        script=shutil.which("digwell"),
    )
    if sys.platform == "win32":
        return Autostart(sys.platform, command, registry=WindowsRegistry())
    else:  # an else, so the type checker reads each branch on its own system
        home = Path.home()
        # The XDG spec: a relative $XDG_CONFIG_HOME is to be ignored.
        config = os.environ.get("XDG_CONFIG_HOME", "")
        config_dir = Path(config) if os.path.isabs(config) else home / ".config"
        return Autostart(
            sys.platform,
            command,
            config_dir=config_dir,
            launch_agents_dir=home / "Library" / "LaunchAgents",
        )
