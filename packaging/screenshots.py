"""Make the user guide's screenshots by driving the demo offscreen.

    python packaging/screenshots.py [--out FOLDER] [--language de|pseudo]

Seeds a fresh temporary data folder with the bundled demo (app.planner.Planner.open with
demo=True), opens the real main window offscreen and saves one PNG per step of the main loop
into FOLDER (default resources/guide/images/, where they are committed; the guide in
resources/guide/guide.html shows them). Re-run it after changing the window so the guide
stays current. Each image is 1180x760, reduced to 256 colours to stay small.

With --language, the window speaks that language (docs/TRANSLATION.md) and the default
folder is resources/guide/images/<language>/, which the guide in that language shows;
`pseudo` shows the pseudo-locale, for looking for clipped text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "guide" / "images"
SIZE = (1180, 760)
# The file names, in the order they are taken; the guide and its tests use them.
SHOTS = ("inbox.png", "draft.png", "cadence.png", "people.png", "feeds.png")
INBOX, DRAFTS, FEEDS, CADENCE, PEOPLE = range(5)  # the sidebar's rows (app/ui/menus.py, Go)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="where to write the PNGs")
    parser.add_argument("--language", default="en", help="en (the default), de or pseudo")
    args = parser.parse_args(argv)
    out = args.out or (DEFAULT_OUT if args.language == "en" else DEFAULT_OUT / args.language)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Chosen before the application starts, which reads it (app/i18n/choice.py).
    os.environ["DIGWELL_LANGUAGE"] = "en_GB" if args.language == "en" else args.language
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="digwell-shots-") as home:
        # Settings, logs and data all go into the sandbox, never the user's folders.
        os.environ["DIGWELL_HOME"] = home
        written = take_screenshots(Path(home) / "data", out)
    for path in written:
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


def take_screenshots(data_dir: Path, out: Path) -> list[Path]:
    """Open the demo in `data_dir` and save SHOTS into `out`; the files written."""
    from app.planner import Planner
    from app.ui.app import app_icon, make_application
    from app.ui.main_window import MainWindow

    app = make_application()
    planner = Planner.open(data_dir, demo=True)
    window = MainWindow(planner, app_icon(), demo=True, auto_refresh=False)
    window.resize(*SIZE)
    settled: list[bool] = []
    window.settled.connect(lambda: settled.append(True))
    window.show()
    _wait(app, lambda: bool(settled))
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(name: str, row: int | None = None) -> None:
        if row is not None:
            window.nav.setCurrentRow(row)
        _wait(app, lambda: False, seconds=0.4)  # lazy pages build and lay out
        written.append(_save(window, out / name))

    inbox = window.inbox
    inbox.view.setCurrentIndex(inbox.model.index(2, 0))  # an item in the preview
    shot(SHOTS[0], INBOX)
    item_id = inbox.selected_item_id()
    window.draft_selected()  # rendered off the GUI thread: wait for the composer

    def drafted() -> bool:
        draft = window.drafts.composer.draft
        return draft is not None and draft.item_ids == (item_id,)

    _wait(app, drafted)
    shot(SHOTS[1])
    shot(SHOTS[2], CADENCE)
    shot(SHOTS[3], PEOPLE)
    shot(SHOTS[4], FEEDS)
    window.close()
    planner.close()
    return written


def _wait(app: object, done: Callable[[], bool], seconds: float = 15.0) -> None:
    """Run the event loop until `done()` or `seconds` have passed."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _save(window: object, path: Path) -> Path:
    """The window as a 256-colour PNG (about a third of the full-colour size)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    image = (
        window.grab()
        .toImage()
        .scaled(
            *SIZE,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    # The 256 colours the window uses most: Qt's own choice for a picture with more (a
    # chart's gradient) is a fixed colour cube, which turns blues purple.
    small = image.convertToFormat(
        QImage.Format.Format_Indexed8, _palette(image), Qt.ImageConversionFlag.ThresholdDither
    )
    if not small.save(str(path), "PNG", 0):  # 0: the strongest zlib compression
        raise OSError(f"Could not write {path}")
    return path


def _palette(image: object) -> list[int]:
    """256 colours for the image, as QRgb values: the 192 it uses most (the window's
    flat colours), then the most used of the rest by coarse hue and lightness, so a few
    red or green words still find a colour of their own."""
    from collections import Counter

    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    data = bytes(image.constBits())[: image.sizeInBytes()]
    pixels = Counter(data[i : i + 4] for i in range(0, len(data), 4))
    common = [rgb for rgb, _n in pixels.most_common(192)]
    taken = set(common)
    buckets: dict[tuple[int, int, int], tuple[int, bytes]] = {}
    for rgb, count in pixels.items():
        if rgb in taken:
            continue
        key = (rgb[0] >> 5, rgb[1] >> 5, rgb[2] >> 5)
        total, best = buckets.get(key, (0, rgb))
        buckets[key] = (total + count, best if pixels[best] >= count else rgb)
    rest = sorted(buckets.values(), reverse=True)[: 256 - len(common)]
    return [int.from_bytes(rgb, "little") | 0xFF000000 for rgb in common + [b for _n, b in rest]]


if __name__ == "__main__":
    sys.exit(main())
