"""The CI workflow that builds the bundles (.github/workflows/bundles.yml): it parses, runs on
the three hosted systems, and every script and repository file it names exists
(packaging/README.md, "CI"). It cannot run here; this is what can be checked."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.packaging.scripts import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "bundles.yml"
# Paths into the checkout (build outputs under dist/ are made by the steps themselves).
REPO_PATH = re.compile(r"(?<![\w/.-])((?:packaging|resources|app|tests)/[\w./-]*[\w])")


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def run_text(workflow: dict[Any, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def test_matrix_covers_linux_windows_and_macos_on_python_311(workflow: dict[Any, Any]) -> None:
    (job,) = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["os"] == ["ubuntu-latest", "windows-latest", "macos-latest"]
    assert job["runs-on"] == "${{ matrix.os }}"
    setup = [
        step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python")
    ]
    assert setup and setup[0]["with"]["python-version"] == "3.11"
    # PyYAML reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers and "push" in triggers


def test_every_path_the_steps_name_exists(workflow: dict[Any, Any]) -> None:
    named = set(REPO_PATH.findall(run_text(workflow)))
    assert {"packaging/digwell.spec", "packaging/smoke.py", "packaging/make_tarball.py"} <= named
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_builds_smoke_tests_and_uploads_on_every_system(workflow: dict[Any, Any]) -> None:
    text = run_text(workflow)
    assert "pip install '.[package]'" in text
    assert "pyinstaller --noconfirm --clean packaging/digwell.spec" in text
    smoke_steps = [step for step in steps(workflow) if "packaging/smoke.py" in step.get("run", "")]
    conditions = {step["if"] for step in smoke_steps}
    assert conditions == {"runner.os == 'Linux'", "runner.os == 'Windows'", "runner.os == 'macOS'"}
    uploads = [
        step
        for step in steps(workflow)
        if step.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert uploads and "if" not in uploads[0]


def test_linux_makes_the_tarball_and_runs_the_validators(workflow: dict[Any, Any]) -> None:
    linux = _runs_if(workflow, "runner.os == 'Linux'")
    for tool in ("make_tarball.py", "desktop-file-validate", "appstreamcli validate", "install.sh"):
        assert tool in linux
    assert "--uninstall" in linux


def _runs_if(workflow: dict[Any, Any], condition: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow) if step.get("if") == condition)


def test_windows_and_macos_check_the_metadata(workflow: dict[Any, Any]) -> None:
    windows = _runs_if(workflow, "runner.os == 'Windows'")
    # The windowed build in dist/ is the one shipped, so its resource is the one checked.
    assert "(Get-Item dist/digwell/digwell.exe).VersionInfo" in windows
    assert "ProductVersion" in windows and "ProductName" in windows
    macos = _runs_if(workflow, "runner.os == 'macOS'")
    assert "CFBundleIdentifier" in macos and "LSUIElement" in macos
    assert "dist/Digwell.app/Contents/Resources/digwell.icns" in macos
