"""Putting the desktop files under an XDG data folder and taking them back
(docs/DESKTOP.md), always in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.desktop import install
from app.desktop.layout import (
    DESKTOP_FILE,
    data_home,
    desktop_files,
    wants_symbolic_tray,
)
from app.errors import DigwellError

RESOURCES = Path(__file__).parents[2] / "resources"


def _no_tools(_name: str) -> None:
    return None


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_install_puts_every_file_in_its_xdg_place(tmp_path):
    report = install.install(tmp_path, RESOURCES, which=_no_tools)
    expected = {str(f.target) for f in desktop_files()}
    assert _tree(tmp_path) == expected
    assert {str(p.relative_to(tmp_path)) for p in report.files} == expected
    assert "applications/io.github.digwell.Digwell.desktop" in expected
    assert "metainfo/io.github.digwell.Digwell.metainfo.xml" in expected
    assert "icons/hicolor/512x512/apps/io.github.digwell.Digwell.png" in expected
    assert "icons/hicolor/symbolic/apps/io.github.digwell.Digwell-symbolic.svg" in expected
    for f in desktop_files():  # the shipped command: copied byte for byte
        assert (tmp_path / f.target).read_bytes() == (RESOURCES / f.source).read_bytes()
    assert report.command == "digwell"
    assert (report.caches_updated, report.caches_missing) == ([], [])


def test_install_writes_the_command_given_into_every_exec(tmp_path):
    command = ["/home/sam/my apps/venv/bin/python", "-m", "app"]
    install.install(tmp_path, RESOURCES, command=command, which=_no_tools)
    text = (tmp_path / "applications" / DESKTOP_FILE).read_text(encoding="utf-8")
    execs = [line for line in text.splitlines() if line.startswith("Exec=")]
    assert execs == [
        'Exec="/home/sam/my apps/venv/bin/python" -m app',
        'Exec="/home/sam/my apps/venv/bin/python" -m app --refresh',
        'Exec="/home/sam/my apps/venv/bin/python" -m app --new-post',
    ]
    validator = shutil.which("desktop-file-validate")
    if validator:  # the rewritten entry is still valid
        result = subprocess.run(
            [validator, str(tmp_path / "applications" / DESKTOP_FILE)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("path", "written"),
    [
        ("/usr/bin/digwell", "/usr/bin/digwell"),
        ("/opt/a b/digwell", '"/opt/a b/digwell"'),
        ("/opt/100%/digwell", "/opt/100%%/digwell"),
        ("/opt/$x/digwell", '"/opt/\\\\$x/digwell"'),
        ('/opt/say "hi"/digwell', '"/opt/say \\\\"hi\\\\"/digwell"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_specification_asks(path, written):
    assert install.exec_argument(path) == written


def test_uninstall_removes_only_digwells_files(tmp_path):
    install.install(tmp_path, RESOURCES, which=_no_tools)
    other = tmp_path / "applications" / "org.example.Other.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    report = install.uninstall(tmp_path, which=_no_tools)
    assert len(report.files) == len(desktop_files())
    assert _tree(tmp_path) == {"applications/org.example.Other.desktop"}
    again = install.uninstall(tmp_path, which=_no_tools)
    assert again.files == []


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_are_told_to_use_the_bundle(tmp_path, platform):
    with pytest.raises(DigwellError, match="Linux") as err:
        install.install(tmp_path / "share", RESOURCES, platform=platform)
    assert "bundle" in err.value.hint
    with pytest.raises(DigwellError):
        install.uninstall(tmp_path / "share", platform=platform)
    assert not (tmp_path / "share").exists()


def test_missing_resources_change_nothing(tmp_path):
    partial = tmp_path / "resources"
    shutil.copytree(RESOURCES / "desktop", partial / "desktop")
    with pytest.raises(DigwellError, match="missing") as err:
        install.install(tmp_path / "share", partial, which=_no_tools)
    assert "16x16" in err.value.message
    assert not (tmp_path / "share").exists()


def test_a_relative_folder_or_a_file_is_refused(tmp_path):
    with pytest.raises(DigwellError, match="absolute"):
        install.install(Path("share"), RESOURCES, which=_no_tools)
    a_file = tmp_path / "share"
    a_file.write_text("", encoding="utf-8")
    with pytest.raises(DigwellError, match="not a folder"):
        install.install(a_file, RESOURCES, which=_no_tools)


def _recording_tool(folder: Path, name: str) -> Path:
    tool = folder / name
    tool.write_text(f'#!/bin/sh\necho "$@" >> "{folder}/{name}.calls"\n', encoding="utf-8")
    tool.chmod(0o755)
    return tool


def test_caches_already_there_are_kept_fresh_and_none_are_made(tmp_path):
    tools = tmp_path / "tools"
    tools.mkdir()
    icons = _recording_tool(tools, "gtk-update-icon-cache")
    share = tmp_path / "share"
    (share / "icons" / "hicolor").mkdir(parents=True)
    (share / "icons" / "hicolor" / "icon-theme.cache").write_bytes(b"")

    def which(name: str) -> str | None:
        return str(icons) if name == icons.name else None

    report = install.install(share, RESOURCES, which=which)
    # No mimeinfo.cache in applications/: update-desktop-database is not needed.
    assert (report.caches_updated, report.caches_missing) == (["gtk-update-icon-cache"], [])
    calls = (tools / "gtk-update-icon-cache.calls").read_text(encoding="utf-8")
    assert calls == f"-q -t -f {share / 'icons' / 'hicolor'}\n"
    (share / "applications" / "mimeinfo.cache").write_text("", encoding="utf-8")
    report = install.uninstall(share, which=which)
    assert report.caches_missing == ["update-desktop-database"]


def test_data_home_follows_xdg():
    home = Path("/home/sam")
    assert data_home({"XDG_DATA_HOME": "/data/sam"}, home) == Path("/data/sam")
    assert data_home({"XDG_DATA_HOME": "relative/ignored"}, home) == home / ".local/share"
    assert data_home({}, home) == home / ".local/share"


@pytest.mark.parametrize(
    ("platform", "desktop", "symbolic"),
    [
        ("linux", "KDE", True),
        ("linux", "ubuntu:GNOME", True),
        ("linux", "XFCE", False),
        ("linux", "", False),
        ("freebsd14", "KDE", True),
        ("win32", "KDE", False),
        ("darwin", "", False),
    ],
)
def test_the_tray_is_symbolic_where_the_panel_expects_it(platform, desktop, symbolic):
    assert wants_symbolic_tray(platform, desktop) is symbolic
