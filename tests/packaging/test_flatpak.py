"""The Flatpak manifest (packaging/flatpak/io.github.digwell.Digwell.yml). No runtime can be
downloaded here to build it; this checks that it parses, uses the application ID, and that
every file it names exists (packaging/README.md, "Flatpak")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.desktop.layout import APP_ID, desktop_files
from tests.packaging.scripts import PACKAGING, ROOT

MANIFEST = PACKAGING / "flatpak" / f"{APP_ID}.yml"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_manifest_names_the_app_its_runtime_and_command(manifest: dict[str, Any]) -> None:
    assert manifest["app-id"] == APP_ID
    assert manifest["runtime"] == "org.freedesktop.Platform"
    assert manifest["sdk"] == "org.freedesktop.Sdk"
    assert re.fullmatch(r"\d\d\.08", manifest["runtime-version"])
    assert manifest["command"] == "digwell"
    assert "--socket=wayland" in manifest["finish-args"]


def test_source_is_this_checkout(manifest: dict[str, Any]) -> None:
    (module,) = manifest["modules"]
    (source,) = module["sources"]
    assert source["type"] == "dir"
    assert (MANIFEST.parent / source["path"]).resolve() == ROOT
    assert ".venv" in source["skip"]


def test_every_installed_file_exists_and_lands_where_the_desktop_expects(
    manifest: dict[str, Any],
) -> None:
    installs: dict[str, str] = {}
    for command in manifest["modules"][0]["build-commands"]:
        if command.startswith("install "):
            *_, source, target = command.split()
            installs[source] = target
    for item in desktop_files():
        source = f"resources/{item.source}"
        assert (ROOT / source).is_file(), source
        assert installs.get(source) == f"/app/share/{item.target}", source
    assert all(Path(ROOT / source).is_file() for source in installs)
