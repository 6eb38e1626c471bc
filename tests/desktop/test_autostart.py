"""The login entry for each platform, written into temporary folders and a fake registry
(docs/DESKTOP.md, "Start at login")."""

from __future__ import annotations

import configparser
import plistlib
import sys
from pathlib import Path

import pytest

from app.desktop.autostart import (
    APP_ID,
    RUN_KEY,
    RUN_VALUE,
    Autostart,
    for_this_system,
    login_command,
)
from app.errors import DigwellError

COMMAND = ["/opt/Digwell/digwell", "--tray"]


class FakeRegistry:
    """HKEY_CURRENT_USER as a dict of (key, name) -> value."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_value(self, key: str, name: str) -> str | None:
        return self.values.get((key, name))

    def set_value(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete_value(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


def read_desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_linux_writes_an_xdg_autostart_entry_and_removes_it(tmp_path):
    entry = Autostart("linux", COMMAND, config_dir=tmp_path / "config")
    assert not entry.is_enabled()
    entry.apply(True)
    path = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert entry.path == path and entry.is_enabled()
    fields = read_desktop(path)
    assert fields["Type"] == "Application"
    assert fields["Name"] == "Digwell"
    assert fields["Exec"] == "/opt/Digwell/digwell --tray"
    assert fields["Icon"] == APP_ID
    assert fields["X-GNOME-Autostart-enabled"] == "true"
    assert fields["Hidden"] == "false"
    assert not list(path.parent.glob("*.partial"))

    entry.apply(False)
    assert not path.exists() and not entry.is_enabled()
    entry.apply(False)  # removing what is not there is no error


def test_linux_quotes_an_exec_argument_with_spaces(tmp_path):
    command = ["/home/sam/My Apps/bin/digwell", "--tray"]
    entry = Autostart("linux", command, config_dir=tmp_path)
    entry.apply(True)
    assert read_desktop(entry.path)["Exec"] == '"/home/sam/My Apps/bin/digwell" --tray'


def test_an_unwritable_folder_is_a_message_and_writes_nothing(tmp_path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    entry = Autostart("linux", COMMAND, config_dir=blocker)
    with pytest.raises(DigwellError, match="could not add its login entry"):
        entry.apply(True)
    assert blocker.read_text() == "a file where the folder should be"


def test_windows_sets_the_run_value_with_a_quoted_command():
    registry = FakeRegistry()
    command = [r"C:\Program Files\Digwell\Digwell.exe", "--tray"]
    entry = Autostart("win32", command, registry=registry)
    assert entry.path is None and not entry.is_enabled()
    entry.apply(True)
    assert registry.values == {
        (RUN_KEY, RUN_VALUE): r'"C:\Program Files\Digwell\Digwell.exe" --tray'
    }
    assert RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"
    assert entry.is_enabled()
    entry.apply(False)
    assert registry.values == {} and not entry.is_enabled()


def test_macos_writes_a_launch_agent_that_reads_back(tmp_path):
    agents = tmp_path / "Library" / "LaunchAgents"
    command = ["/Applications/Digwell.app/Contents/MacOS/Digwell", "--tray"]
    entry = Autostart("darwin", command, launch_agents_dir=agents)
    entry.apply(True)
    path = agents / f"{APP_ID}.plist"
    assert entry.path == path and entry.is_enabled()
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    assert agent["KeepAlive"] is False
    entry.apply(False)
    assert not path.exists()


def test_the_command_is_the_bundle_the_script_or_python():
    frozen = login_command(frozen=True, executable="/opt/Digwell/digwell", script=None)
    assert frozen == ["/opt/Digwell/digwell", "--tray"]
    script = login_command(frozen=False, executable="/usr/bin/python3", script="/v/bin/digwell")
    assert script == ["/v/bin/digwell", "--tray"]
    bare = login_command(frozen=False, executable="/usr/bin/python3", script=None)
    assert bare == ["/usr/bin/python3", "-m", "app", "--tray"]


def test_this_system_writes_under_the_folders_it_is_given(tmp_path, monkeypatch):
    # $XDG_CONFIG_HOME and $HOME point into temporary folders (tests/conftest.py).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    entry = for_this_system()
    assert entry.command[-1] == "--tray"
    expected = {
        "win32": None,
        "darwin": tmp_path / "home" / "Library" / "LaunchAgents" / f"{APP_ID}.plist",
    }.get(sys.platform, tmp_path / "xdg" / "autostart" / f"{APP_ID}.desktop")
    assert entry.path == expected


def test_the_linux_entry_passes_desktop_file_validate(tmp_path):
    import shutil
    import subprocess

    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is missing: install the package desktop-file-utils")
    entry = Autostart("linux", ["/home/sam/My Apps/bin/digwell", "--tray"], config_dir=tmp_path)
    entry.apply(True)
    result = subprocess.run([validator, str(entry.path)], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
