"""The selected item: title, source, date, why it ranks, whether you shared it, and its
summary as safe rich text (app/text/preview_html.py; nothing is ever fetched)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, formats, ngettext
from app.text.links import safe_link
from app.types import Item
from app.ui.formatting import escape_html
from app.ui.look import heading, quiet
from app.ui.qt_values import PLAIN_TEXT
from app.ui.views.flow_layout import FlowLayout

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
    command = Signal(str)  # "star", "read" or "dismiss" for the item shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: Item | None = None
        self.setObjectName("previewPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        for label in self._build_labels():
            layout.addWidget(label)
        layout.addWidget(self._build_body(), 1)
        layout.addLayout(self._build_buttons())
        self.show_item(None, "")

    def _build_labels(self) -> tuple[QLabel, ...]:
        """Title, 'source · by · when', why it ranks, and whether it was shared."""
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        heading(self.title, 1.6)
        self.meta = QLabel()
        self.meta.setObjectName("previewMeta")
        quiet(self.meta)
        self.reason = QLabel()
        self.reason.setObjectName("previewReason")
        self.shared = QLabel()
        self.shared.setObjectName("previewShared")
        labels = (self.title, self.meta, self.reason, self.shared)
        for label in labels:
            label.setWordWrap(True)
            label.setProperty("textFormat", PLAIN_TEXT)  # feed text, shown literally
        return labels

    def _build_body(self) -> SafeTextBrowser:
        self.body = SafeTextBrowser()
        self.body.setObjectName("previewBody")
        self.body.setAccessibleName(_("Preview"))
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        body_font = self.body.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        self.body.setFont(body_font)
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.anchorClicked.connect(self._open_url)
        return self.body

    def _build_buttons(self) -> FlowLayout:
        """Draft, open, star, read and dismiss; on more lines when the pane is narrow (a
        longer language), so the buttons never squeeze the lists beside it."""
        self.draft_button = QPushButton(_("Draft a post"))
        self.draft_button.setObjectName("draftButton")
        self.draft_button.setDefault(True)
        self.draft_button.setToolTip(_("Write a post about this item (Ctrl+D)"))
        self.draft_button.clicked.connect(self._request_draft)
        self.open_button = QPushButton(_("Open in browser"))
        self.open_button.setToolTip(_("Open the item's page in your browser (O or Enter)"))
        self.open_button.clicked.connect(self.open_link)
        self.star_button = QPushButton(_("Star"))
        self.star_button.setToolTip(_("Keep it at hand under “Starred” (S)"))
        self.star_button.clicked.connect(lambda: self.command.emit("star"))
        self.read_button = QPushButton(_("Mark unread"))
        self.read_button.setToolTip(_("Mark read or unread (M)"))
        self.read_button.clicked.connect(lambda: self.command.emit("read"))
        self.dismiss_button = QPushButton(_("Dismiss"))
        self.dismiss_button.setToolTip(_("Hide it from the inbox; it stays under “Dismissed” (D)"))
        self.dismiss_button.clicked.connect(lambda: self.command.emit("dismiss"))
        buttons = FlowLayout()
        for button in (
            self.draft_button,
            self.open_button,
            self.star_button,
            self.read_button,
            self.dismiss_button,
        ):
            buttons.addWidget(button)
        return buttons

    @property
    def item(self) -> Item | None:
        return self._item

    def show_item(self, item: Item | None, when: str) -> None:
        """Show `item`, or a hint when nothing is selected."""
        self._item = item
        if item is None:
            self.title.setText(_("Pick an item"))
            self.meta.setText(_("Select something from the inbox to read its summary here."))
            self.reason.clear()
            self.shared.clear()
            self.body.clear()
        else:
            self.title.setText(item.title)
            by = " · " + _("by {author}").format(author=item.author) if item.author else ""
            self.meta.setText(f"{item.source}{by} · {when}")
            why = _("Why it ranks: {reason}").format(reason=item.reason) if item.reason else ""
            self.reason.setText(why)
            self.shared.setText(_shared_text(item))
            self.body.setHtml(_summary_html(item))
        self.reason.setVisible(bool(item and item.reason))
        self.shared.setVisible(bool(item and item.shared))
        for button in (self.draft_button, self.star_button, self.read_button):
            button.setEnabled(item is not None)
        self.dismiss_button.setEnabled(item is not None)
        self.open_button.setEnabled(item is not None and bool(item.link))
        if item is not None:
            self.star_button.setText(_("Unstar") if item.starred else _("Star"))
            self.read_button.setText(_("Mark unread") if item.read else _("Mark read"))
            self.dismiss_button.setText(_("Bring back") if item.dismissed else _("Dismiss"))

    def changeEvent(self, event: QEvent) -> None:
        # Links take the palette's colour when the HTML is set: set it again when the
        # palette changes (View › Appearance, or the system's light or dark).
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._item is not None:
            self.body.setHtml(_summary_html(self._item))

    def _request_draft(self) -> None:
        if self._item is not None:
            self.draft_requested.emit(self._item.id)

    def open_link(self) -> None:
        """Open the item's link in the browser (http and https only)."""
        if self._item is not None:
            self._open(self._item.link)  # none (a feed's javascript: link was dropped): refused

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
    """The feed's HTML made safe (only our allow-list of tags, links showing their real
    target, no image or anything else that could load), with the matched terms marked."""
    if item.summary_html:
        from app.text.preview_html import preview_html

        body = preview_html(item.summary_html, highlight=item.terms)
    else:  # plain text (JSON Feed's content_text, or none): shown literally
        paragraphs = [p for p in item.summary_text.split("\n\n") if p.strip()]
        body = "".join(f"<p>{escape_html(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    if not body:
        none = escape_html(_("This item has no summary."))
        body = f"<p><i>{none}</i></p>"
    if item.link:
        link = escape_html(item.link)
        body += f'<p style="margin-top:14px"><a href="{link}">{link}</a></p>'
    return f'<div style="line-height:145%">{body}</div>'


def _shared_text(item: Item) -> str:
    if not item.shared:
        return ""
    when, platform = item.shared[0]
    day = formats.day_month_year(when)
    more = len(item.shared) - 1
    if not more:
        # Translators: {platform} is where it was posted ("LinkedIn").
        text = _("Already shared: you posted this link on {date} ({platform}).")
    else:
        text = ngettext(
            "Already shared: you posted this link on {date} ({platform}) and {count} more time.",
            "Already shared: you posted this link on {date} ({platform}) and {count} more times.",
            more,
        )
    return text.format(date=day, platform=platform, count=more)
