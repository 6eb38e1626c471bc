"""The Windows version resource and the macOS Info.plist (packaging/bundle_meta.py), and that
packaging/digwell.spec hands them, with the committed icons, to PyInstaller on each platform
(packaging/README.md, "Windows and macOS metadata"). PyInstaller itself does not run here: the
spec is executed with recording stand-ins for its Analysis/EXE/COLLECT/BUNDLE."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import app
from tests.packaging.scripts import PACKAGING, ROOT, load_script

SPEC = PACKAGING / "digwell.spec"


@pytest.fixture(scope="module")
def meta() -> ModuleType:
    return load_script("bundle_meta")


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.10.3.7", (2, 10, 3, 7)),
        ("1.2.0rc1", (1, 2, 0, 0)),
        ("3", (3, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_version_tuple_has_four_numbers(
    meta: ModuleType, version: str, expected: tuple[int, ...]
) -> None:
    assert meta.version_tuple(version) == expected


def test_version_is_read_from_the_app_package(meta: ModuleType) -> None:
    assert meta.read_version(ROOT) == app.__version__
    assert meta.plist_version("1.4.0rc2") == "1.4.0"


class Recorder:
    """Stands in for PyInstaller's constructors: keeps the arguments of every call."""

    def __init__(self, name: str, calls: dict[str, dict[str, Any]]) -> None:
        self.name, self.calls = name, calls
        self.scripts = self.pure = self.binaries = self.datas = []

    def __call__(self, *args: Any, **kwargs: Any) -> Recorder:
        self.calls[self.name] = {"args": args, **kwargs}
        return self


def _version_info_namespace() -> dict[str, Any]:
    """Evaluates a version file as PyInstaller's loader does, into plain dicts and lists."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    return {name: record(name) for name in names}


def test_windows_version_text_names_product_and_versions(meta: ModuleType) -> None:
    info = eval(meta.windows_version_text("1.2.3"), _version_info_namespace())
    fixed = info["ffi"]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    table = info["kids"][0]["args"][0][0]
    assert table["args"][0] == "040904B0"
    strings = dict(struct["args"] for struct in table["args"][1])
    assert strings["ProductName"] == "Digwell"
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.3"
    assert strings["CompanyName"] and strings["FileDescription"]
    assert strings["OriginalFilename"] == "digwell.exe"


def test_info_plist_serialises_with_the_real_version(meta: ModuleType) -> None:
    plist = plistlib.loads(plistlib.dumps(meta.info_plist("0.7.1")))
    assert plist["CFBundleIdentifier"] == "io.github.digwell.Digwell"
    assert plist["CFBundleShortVersionString"] == "0.7.1"
    assert plist["CFBundleVersion"] == "0.7.1"
    assert plist["LSUIElement"] is False
    assert plist["NSHighResolutionCapable"] is True


def run_spec(platform: str, workpath: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Execute the spec as PyInstaller would on `platform`; return the recorded calls."""
    import PyInstaller.utils.hooks as hooks

    calls: dict[str, dict[str, Any]] = {}
    # collect_* would import every app module in a subprocess; their results are not checked.
    monkeypatch.setattr(hooks, "collect_submodules", lambda *a, **k: [])
    monkeypatch.setattr(hooks, "collect_data_files", lambda *a, **k: [])
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec inserts into it
    namespace: dict[str, Any] = {
        "SPECPATH": str(PACKAGING),
        "workpath": str(workpath),
        **{name: Recorder(name, calls) for name in ("Analysis", "PYZ", "EXE", "COLLECT")},
        "BUNDLE": Recorder("BUNDLE", calls),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return calls


def test_spec_gives_windows_the_ico_and_a_version_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = run_spec("win32", tmp_path, monkeypatch)
    exe = calls["EXE"]
    assert Path(exe["icon"]) == PACKAGING / "icons" / "digwell.ico"
    version_file = Path(exe["version"])
    assert version_file.parent == tmp_path
    info = eval(version_file.read_text(encoding="utf-8"), _version_info_namespace())
    table = info["kids"][0]["args"][0][0]
    assert dict(struct["args"] for struct in table["args"][1])["ProductVersion"] == app.__version__
    assert "BUNDLE" not in calls


def test_spec_gives_macos_an_app_with_info_plist_and_icns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = run_spec("darwin", tmp_path, monkeypatch)
    bundle = calls["BUNDLE"]
    assert bundle["name"] == "Digwell.app"
    assert bundle["bundle_identifier"] == "io.github.digwell.Digwell"
    assert Path(bundle["icon"]) == PACKAGING / "icons" / "digwell.icns"
    assert bundle["info_plist"]["CFBundleShortVersionString"] == app.__version__
    assert bundle["info_plist"]["CFBundleVersion"] == app.__version__
    assert bundle["info_plist"]["LSUIElement"] is False
    assert calls["EXE"]["version"] is None


def test_spec_on_linux_embeds_neither_icon_nor_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = run_spec("linux", tmp_path, monkeypatch)
    assert calls["EXE"]["icon"] is None and calls["EXE"]["version"] is None
    assert calls["EXE"]["strip"] is True
    assert list(tmp_path.iterdir()) == []
