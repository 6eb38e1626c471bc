"""Help › User guide (F1): the guide that ships with Digwell (resources/guide/guide.html,
its screenshots made by packaging/screenshots.py), in a window of its own beside the main
one. A language with a guide of its own (guide.de.html, its screenshots in images/de/)
gets that one. Links inside the guide move within it; web links open in the browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app import APP_NAME
from app.i18n import _, language
from app.paths import resources_dir

GUIDE_FOLDER = Path("guide")
GUIDE_FILE = GUIDE_FOLDER / "guide.html"
WEB_SCHEMES = ("http", "https")


def guide_path() -> Path:
    """The bundled guide in the current language (guide.<language>.html) when it has one,
    else the English guide, wherever Digwell was installed from (app.paths)."""
    folder = resources_dir() / GUIDE_FOLDER
    code = language()
    # Only a plain language code names a file: never a path, whatever the code says.
    if code.isalpha():
        translated = folder / f"guide.{code}.html"
        if translated.is_file():
            return translated
    return resources_dir() / GUIDE_FILE


class GuideWindow(QWidget):
    """A non-modal window showing the guide; one per main window (see `show_guide`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("{app} user guide").format(app=APP_NAME))
        self.setAccessibleName(_("User guide"))
        self.resize(760, 720)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("User guide text"))
        # Anchors and the guide's own pages are followed here; every other link comes to
        # `_open_link`, which sends only web links on to the browser.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
            return
        if url.isRelative() and url.path() == "" and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
            return
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and _in_guide(Path(target.toLocalFile())):
            self.browser.setSource(target)  # another page of the guide
        # Anything else (other files, mailto:…) is ignored: the guide links to none.


def _in_guide(path: Path) -> bool:
    """Whether `path` is an HTML page of the bundled guide (never any other file)."""
    folder = guide_path().parent.resolve()
    resolved = path.resolve()
    return resolved.suffix == ".html" and resolved.is_file() and folder in resolved.parents


def show_guide(parent: QWidget) -> GuideWindow:
    """Show the guide beside `parent`, reusing the window it already has."""
    window = parent.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
