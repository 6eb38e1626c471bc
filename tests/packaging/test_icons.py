"""The committed digwell.ico / digwell.icns and the script that makes them from the SVG
(packaging/make_icons.py; packaging/README.md, "Icons")."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.scripts import PACKAGING, load_script

ICONS = PACKAGING / "icons"


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    return load_script("make_icons")


def tiny_png(size: int) -> bytes:
    """A valid size x size transparent RGBA PNG, written by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x00" * 4 * size for _ in range(size))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def read_ico(data: bytes) -> list[tuple[int, int, bytes]]:
    """(width, height, image) of each entry, checking the container as Windows reads it."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        fields = struct.unpack("<BBBBHHII", data[6 + 16 * index : 22 + 16 * index])
        width, height, _, _, planes, bits, length, offset = fields
        assert (planes, bits) == (1, 32)
        entries.append((width or 256, height or 256, data[offset : offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[str, bytes]]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    chunks, position = [], 8
    while position < len(data):
        kind = data[position : position + 4].decode("ascii")
        (length,) = struct.unpack(">I", data[position + 4 : position + 8])
        chunks.append((kind, data[position + 8 : position + length]))
        position += length
    assert position == len(data)
    return chunks


def check_ico(make_icons: ModuleType, path: Path) -> None:
    entries = read_ico(path.read_bytes())
    assert [width for width, _, _ in entries] == list(make_icons.ICO_SIZES)
    for width, height, png in entries:
        assert make_icons.png_size(png) == (width, height)


def check_icns(make_icons: ModuleType, path: Path) -> None:
    chunks = read_icns(path.read_bytes())
    assert [kind for kind, _ in chunks] == list(make_icons.ICNS_TYPES)
    for kind, png in chunks:
        size = make_icons.ICNS_TYPES[kind]
        assert make_icons.png_size(png) == (size, size)


def test_committed_ico_holds_every_size_from_16_to_256(make_icons: ModuleType) -> None:
    check_ico(make_icons, ICONS / "digwell.ico")


def test_committed_icns_holds_png_chunks_up_to_1024(make_icons: ModuleType) -> None:
    check_icns(make_icons, ICONS / "digwell.icns")
    assert max(make_icons.ICNS_TYPES.values()) == 1024


def test_ico_writes_256_as_zero_and_refuses_larger_images(make_icons: ModuleType) -> None:
    data = make_icons.build_ico([tiny_png(16), tiny_png(256)])
    assert data[6 + 16] == 0  # width byte of the second entry: 0 means 256
    assert [(w, h) for w, h, _ in read_ico(data)] == [(16, 16), (256, 256)]
    with pytest.raises(ValueError, match="at most 256"):
        make_icons.build_ico([tiny_png(512)])


def test_icns_chunks_round_trip(make_icons: ModuleType) -> None:
    pngs = [("icp4", tiny_png(16)), ("ic07", tiny_png(128))]
    assert read_icns(make_icons.build_icns(pngs)) == pngs


def test_png_size_refuses_other_files(make_icons: ModuleType) -> None:
    with pytest.raises(ValueError, match="not a PNG"):
        make_icons.png_size(b"GIF89a" + b"\x00" * 30)


def _run_script(out: Path, *extra: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "digwell.ico" in result.stdout and "digwell.icns" in result.stdout


def test_script_renders_the_svg_with_qt(make_icons: ModuleType, tmp_path: Path) -> None:
    _run_script(tmp_path)
    check_ico(make_icons, tmp_path / "digwell.ico")
    check_icns(make_icons, tmp_path / "digwell.icns")
    # Rendered, not blank: the 256 px image of the SVG is far larger than an empty PNG.
    largest = read_ico((tmp_path / "digwell.ico").read_bytes())[-1][2]
    assert len(largest) > 5 * len(tiny_png(256))


@pytest.mark.skipif(
    shutil.which("convert") is None, reason="ImageMagick's convert is not installed"
)
def test_script_falls_back_to_imagemagick(make_icons: ModuleType, tmp_path: Path) -> None:
    _run_script(tmp_path, "--imagemagick")
    check_ico(make_icons, tmp_path / "digwell.ico")
    check_icns(make_icons, tmp_path / "digwell.icns")
