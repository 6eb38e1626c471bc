"""The shipped desktop files (docs/DESKTOP.md): the .desktop entry and the AppStream
metainfo pass their validators, name the same application ID, and every icon exists at
the size its folder says."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import app
from app.cli import WindowArgs, window_args
from app.commands.parser import build_parser
from app.desktop.layout import (
    APP_ID,
    DESKTOP_FILE,
    ICON_NAME,
    METAINFO_FILE,
    PNG_SIZES,
    SYMBOLIC_INK,
    desktop_files,
)

ROOT = Path(__file__).parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "desktop" / DESKTOP_FILE
METAINFO = RESOURCES / "desktop" / METAINFO_FILE
# Where the metainfo's screenshots are published: the guide's, made by
# packaging/screenshots.py (so they stay current), on the main branch.
SCREENSHOT_BASE = "https://raw.githubusercontent.com/digwell/digwell/main/resources/guide/images/"


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(
            f"{name} is not installed (Debian: apt-get install desktop-file-utils appstream; "
            ".ci/run installs them where it can)"
        )
    return path


def _entry() -> configparser.RawConfigParser:
    entry = configparser.RawConfigParser(interpolation=None, delimiters=("=",))
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    entry.read(DESKTOP, encoding="utf-8")
    return entry


def test_desktop_file_validate_passes():
    result = subprocess.run(
        [_validator("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "", result.stdout  # not even a hint


def test_appstreamcli_validate_passes():
    result = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Warnings and errors fail it; infos (e.g. an older appstreamcli not knowing
    # <developer>) do not.
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_desktop_entry_names_the_application():
    main = _entry()["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == app.APP_NAME
    assert main["Icon"] == ICON_NAME
    assert main["Exec"] == "digwell"
    assert main["Terminal"] == "false"
    # Qt's X11 WM_CLASS class is the application name (app/ui/app.py sets it).
    assert main["StartupWMClass"] == app.APP_NAME
    assert main["Categories"].split(";")[:2] == ["Network", "News"]
    assert "RSS" in main["Keywords"].split(";")


def test_every_action_asks_the_window_for_it():
    entry = _entry()
    actions = [a for a in entry["Desktop Entry"]["Actions"].split(";") if a]
    assert actions == ["refresh", "new-post"]
    for action in actions:
        section = entry[f"Desktop Action {action}"]
        assert section["Name"]
        command = shlex.split(section["Exec"])
        assert command[0] == "digwell"
        # The window's fast start reads it, and so does the full parser (for --help).
        assert window_args(command[1:]) == WindowArgs(request=action)
        assert build_parser().parse_args(command[1:]).request == action


def test_metainfo_matches_the_desktop_entry_and_the_project():
    component = ET.parse(METAINFO).getroot()
    # tomllib is 3.11+: the two lines needed, read as text.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (license_,) = re.findall(r'^license = "(.+)"$', pyproject, re.MULTILINE)
    (script,) = re.findall(r'^(\w+) = "app\.cli:main"$', pyproject, re.MULTILINE)
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license") == license_
    assert component.findtext("name") == app.APP_NAME
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE
    assert component.findtext("provides/binary") == script
    assert component.find("content_rating").get("type") == "oars-1.1"
    versions = [r.get("version") for r in component.iterfind("releases/release")]
    assert versions[0] == app.__version__


def test_screenshots_are_the_generated_ones():
    from tests.packaging.scripts import load_script

    component = ET.parse(METAINFO).getroot()
    images = [i.text or "" for i in component.iterfind("screenshots/screenshot/image")]
    assert images
    made = load_script("screenshots").SHOTS
    for url in images:
        assert url.startswith(SCREENSHOT_BASE), url
        name = url.removeprefix(SCREENSHOT_BASE)
        assert name in made and (ROOT / "resources" / "guide" / "images" / name).is_file()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_shipped_file_exists_and_each_png_has_its_size():
    for f in desktop_files():
        assert (RESOURCES / f.source).is_file(), f.source
    for size in PNG_SIZES:
        path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        assert _png_size(path) == (size, size)


def test_symbolic_icon_is_one_colour():
    (symbolic,) = [f for f in desktop_files() if "symbolic" in f.source.name]
    root = ET.parse(RESOURCES / symbolic.source).getroot()
    colours = {el.get(attr) for el in root.iter() for attr in ("fill", "stroke") if el.get(attr)}
    assert colours == {SYMBOLIC_INK}
