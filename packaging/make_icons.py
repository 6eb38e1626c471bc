"""Make the Windows .ico and the macOS .icns from resources/icons/digwell.svg.

    python packaging/make_icons.py [--out FOLDER]

Writes FOLDER/digwell.ico and FOLDER/digwell.icns (default packaging/icons/, where the results
are committed; packaging/digwell.spec uses them). Each size is rendered from the SVG, with
PySide6's QSvgRenderer when QtSvg is importable, else with ImageMagick's `convert`. Both
containers are written here by hand, so Pillow is not needed:

- ICO: a 6-byte header, one 16-byte directory entry per image, then the images. Since Windows
  Vista an entry may be a whole PNG file, which every size here is (16 to 256).
- ICNS: "icns" + total length, then typed chunks (type + length + PNG data). The PNG types
  are icp4/icp5 (16, 32), ic07/ic08/ic09 (128, 256, 512), ic10 (1024, 512@2x) and
  ic11-ic14 (the @2x of 16, 32, 128 and 256).
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SVG = ROOT / "resources" / "icons" / "digwell.svg"
DEFAULT_OUT = ROOT / "packaging" / "icons"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk type -> pixel size of its PNG.
ICNS_TYPES = {
    "icp4": 16,
    "icp5": 32,
    "ic11": 32,
    "ic12": 64,
    "ic07": 128,
    "ic13": 256,
    "ic08": 256,
    "ic14": 512,
    "ic09": 512,
    "ic10": 1024,
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

Renderer = Callable[[Path, int], bytes]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which always comes first)."""
    if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def build_ico(pngs: Iterable[bytes]) -> bytes:
    """An ICO file holding the given PNG images (each at most 256 px square)."""
    images = list(pngs)
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, data = [], []
    for png in images:
        width, height = png_size(png)
        if width > 256 or height > 256:
            raise ValueError(f"an ICO image is at most 256 px, not {width}x{height}")
        # Width/height 0 means 256; 0 colours (no palette), 1 plane, 32 bits per pixel.
        entries.append(
            struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), offset)
        )
        data.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(data)


def build_icns(chunks: Iterable[tuple[str, bytes]]) -> bytes:
    """An ICNS file of (type, PNG data) chunks."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(png)) + png for kind, png in chunks
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_with_qt(svg: Path, size: int) -> bytes:
    """Render the SVG to a size x size PNG with QtSvg (no display needed)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        _keep_app.append(QGuiApplication(["make_icons", "-platform", "offscreen"]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"Qt cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


_keep_app: list[object] = []  # the QGuiApplication must outlive the renders


def render_with_imagemagick(svg: Path, size: int) -> bytes:
    """Render with ImageMagick's `convert` (used when QtSvg is missing)."""
    convert = shutil.which("convert") or shutil.which("magick")
    if convert is None:
        raise RuntimeError("neither PySide6.QtSvg nor ImageMagick's convert is available")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "icon.png"
        subprocess.run(
            [convert, "-background", "none", "-density", "384", str(svg),
             "-resize", f"{size}x{size}", f"PNG32:{out}"],
            check=True,
            capture_output=True,
        )  # fmt: skip
        return out.read_bytes()


def pick_renderer() -> Renderer:
    try:
        import PySide6.QtSvg  # noqa: F401
    except ImportError:
        return render_with_imagemagick
    return render_with_qt


def make_icons(svg: Path, out: Path, render: Renderer) -> list[Path]:
    """Render every size once and write digwell.ico and digwell.icns into `out`."""
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES.values()))
    pngs = {size: render(svg, size) for size in sizes}
    for size, png in pngs.items():
        if png_size(png) != (size, size):
            raise ValueError(f"rendering at {size} px gave {png_size(png)}")
    out.mkdir(parents=True, exist_ok=True)
    ico, icns = out / "digwell.ico", out / "digwell.icns"
    ico.write_bytes(build_ico(pngs[size] for size in ICO_SIZES))
    icns.write_bytes(build_icns((kind, pngs[size]) for kind, size in ICNS_TYPES.items()))
    return [ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make digwell.ico and digwell.icns.")
    parser.add_argument("--svg", type=Path, default=SOURCE_SVG, help="source SVG")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--imagemagick", action="store_true", help="render with ImageMagick even if Qt can"
    )
    args = parser.parse_args(argv)
    render = render_with_imagemagick if args.imagemagick else pick_renderer()
    for path in make_icons(args.svg, args.out, render):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
