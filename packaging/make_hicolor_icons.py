"""Make the hicolor icon theme's files from resources/icons/digwell.svg (docs/DESKTOP.md).

    python packaging/make_hicolor_icons.py

Renders the SVG with Qt's own SVG renderer (QtSvg ships with PySide6-Essentials) at each
size the freedesktop icon theme's apps folders hold, and copies it as the scalable icon,
all under resources/icons/hicolor/ where they are committed: run this again after
changing the SVG. The symbolic icon (symbolic/apps/…-symbolic.svg) is drawn by hand in
one colour and left alone. (packaging/make_icons.py makes the .ico and .icns.)
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.desktop.layout import ICON_NAME, PNG_SIZES  # noqa: E402

ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "digwell.svg"


def render(size: int, out: Path) -> None:
    """One PNG of `size` pixels square, transparent around the rounded square."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])  # painting needs one, alive while rendering
    hicolor = ICONS / "hicolor"
    for size in PNG_SIZES:
        out = hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        render(size, out)
        print(f"wrote {out.relative_to(ROOT)}")
    scalable = hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(f"wrote {scalable.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
