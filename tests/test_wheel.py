"""An installed wheel carries the resources where app.paths finds them."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    (path,) = out.glob("digwell-*.whl")
    return path


def test_wheel_holds_resources_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "app/resources/templates/quick-share.j2",
        "app/resources/demo/demo.json",
        "app/resources/icons/digwell.png",
        "app/resources/desktop/io.github.digwell.Digwell.desktop",
        "app/resources/desktop/io.github.digwell.Digwell.metainfo.xml",
        "app/resources/icons/hicolor/512x512/apps/io.github.digwell.Digwell.png",
        "app/resources/icons/hicolor/symbolic/apps/io.github.digwell.Digwell-symbolic.svg",
        "app/resources/guide/guide.html",  # Help › User guide (app/ui/dialogs/guide_window.py)
        "app/resources/guide/images/inbox.png",
        # Translations (docs/TRANSLATION.md): the compiled catalogue, the German guide
        # with its pictures, and the German drafting templates.
        "app/resources/locale/de/LC_MESSAGES/digwell.mo",
        "app/resources/guide/guide.de.html",
        "app/resources/guide/images/de/inbox.png",
        "app/resources/templates/de/quick-share.j2",
        "app/cli.py",
        "app/ui/main_window.py",
    ):
        assert needed in names
    assert not any(n.startswith(("tests/", "resources/")) for n in names)


def test_unpacked_wheel_finds_its_resources(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = "from app.paths import resources_dir; print(resources_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert Path(out.stdout.strip()) == tmp_path / "app" / "resources"
