"""The selected item: title, source, date, and its summary as escaped plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.feeds.links import safe_link
from app.types import Item
from app.ui.formatting import escape_html
from app.ui.look import heading, quiet
from app.ui.qt_values import PLAIN_TEXT

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl


class SafeTextBrowser(QTextBrowser):
    """Never fetches anything: images, stylesheets and other resources load as nothing."""

    def loadResource(self, type_: int, name: QUrl) -> object:
        return None


class PreviewPane(QWidget):
    """Shows one item and offers to draft a post from it."""

    draft_requested = Signal(int)
    link_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: Item | None = None
        self.setObjectName("previewPane")

        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        heading(self.title, 1.6)
        self.title.setWordWrap(True)
        self.title.setProperty("textFormat", PLAIN_TEXT)
        self.meta = QLabel()
        self.meta.setObjectName("previewMeta")
        quiet(self.meta)
        self.meta.setWordWrap(True)
        self.meta.setProperty("textFormat", PLAIN_TEXT)

        self.body = SafeTextBrowser()
        self.body.setObjectName("previewBody")
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        body_font = self.body.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        self.body.setFont(body_font)
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.anchorClicked.connect(self._open_url)

        self.draft_button = QPushButton("Draft a post")
        self.draft_button.setObjectName("draftButton")
        self.draft_button.setDefault(True)
        self.draft_button.setToolTip("Write a post about this item (Ctrl+D)")
        self.draft_button.clicked.connect(self._request_draft)
        self.open_button = QPushButton("Open in browser")
        self.open_button.clicked.connect(self._open_item_link)

        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.show_item(None, "")

    @property
    def item(self) -> Item | None:
        return self._item

    def show_item(self, item: Item | None, when: str) -> None:
        """Show `item`, or a hint when nothing is selected."""
        self._item = item
        if item is None:
            self.title.setText("Pick an item")
            self.meta.setText("Select something from the inbox to read its summary here.")
            self.body.clear()
        else:
            self.title.setText(item.title)
            by = f" · by {item.author}" if item.author else ""
            self.meta.setText(f"{item.source}{by} · {when}")
            self.body.setHtml(_summary_html(item))
        self.draft_button.setEnabled(item is not None)
        self.open_button.setEnabled(item is not None and bool(item.link))

    def _request_draft(self) -> None:
        if self._item is not None:
            self.draft_requested.emit(self._item.id)

    def _open_item_link(self) -> None:
        if self._item is not None:
            self._open(self._item.link)

    def _open_url(self, url: QUrl) -> None:
        self._open(url.toString())

    def _open(self, link: str) -> None:
        """Open http(s) links in the browser; refuse anything else with a message."""
        target = safe_link(link)
        if not target:
            self.link_refused.emit(link)
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices  # first used on the first click

        QDesktopServices.openUrl(QUrl(target))


def _summary_html(item: Item) -> str:
    """Our own markup around escaped text: nothing from the feed is interpreted."""
    paragraphs = [p for p in item.summary_text.split("\n\n") if p.strip()]
    body = (
        "".join(f"<p>{escape_html(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
        or "<p><i>This item has no summary.</i></p>"
    )
    if item.link:
        link = escape_html(item.link)
        body += f'<p style="margin-top:14px"><a href="{link}">{link}</a></p>'
    return f'<div style="line-height:145%">{body}</div>'
