"""packaging/screenshots.py drives the demo offscreen and writes the guide's screenshots
(resources/guide/guide.html shows them; guide.de.html shows those in images/de/)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.packaging.scripts import PACKAGING, ROOT, load_script


def test_the_script_writes_every_screenshot_small(tmp_path):
    out = tmp_path / "images"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, str(PACKAGING / "screenshots.py"), "--out", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    names = load_script("screenshots").SHOTS
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    sizes = set()
    for name in names:
        path = out / name
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1180, 760), name
        assert 5_000 < path.stat().st_size < 120_000, name
        sizes.add(path.stat().st_size)
    assert len(sizes) == len(names)  # five different pages, not one picture five times
    assert not (tmp_path / "data").exists()  # the demo's data stayed in its sandbox


@pytest.mark.parametrize(
    ("page", "folder"), [("guide.html", "images"), ("guide.de.html", "images/de")]
)
def test_the_guide_shows_the_committed_screenshots(page, folder):
    """Each guide shows the screenshots in its language (`--language de` writes
    images/de/, which guide.de.html shows)."""
    names = load_script("screenshots").SHOTS
    guide = (ROOT / "resources" / "guide" / page).read_text(encoding="utf-8")
    for name in names:
        assert f'src="{folder}/{name}"' in guide
        assert (ROOT / "resources" / "guide" / folder / name).is_file()
