"""The composer: edit a draft, copy it, mark it posted. Saves itself as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.compose.context import TAKE_PLACEHOLDER
from app.compose.platforms import PLATFORMS, platform
from app.errors import DigwellError
from app.planner import Planner
from app.types import Draft, Post
from app.ui.formatting import local_datetime
from app.ui.look import quiet

AUTOSAVE_MS = 800


class Composer(QWidget):
    """One draft at a time; `posted` fires after a successful 'mark posted'."""

    posted = Signal(object)  # Post
    saved = Signal(int)  # draft id
    message = Signal(str)
    failed = Signal(object)  # DigwellError

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._draft: Draft | None = None
        self._dirty = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)

        self.origin = QLabel()
        self.origin.setObjectName("composerOrigin")
        quiet(self.origin)
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)

        self.platform_box = QComboBox()
        self.platform_box.setObjectName("platformBox")
        for p in PLATFORMS.values():
            self.platform_box.addItem(p.name, p.key)
        self.platform_box.currentIndexChanged.connect(self._platform_changed)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("draftEditor")
        self.editor.setPlaceholderText("Write your post here.")
        editor_font = self.editor.font()
        editor_font.setPointSizeF(editor_font.pointSizeF() * 1.1)
        self.editor.setFont(editor_font)
        self.editor.textChanged.connect(self._text_changed)

        self.count = QLabel()
        self.count.setObjectName("charCount")
        quiet(self.count)
        self.status = QLabel()
        self.status.setObjectName("draftStatus")
        quiet(self.status)

        self.post_url = QLineEdit()
        self.post_url.setObjectName("postUrl")
        self.post_url.setPlaceholderText("Link to your post (optional)")
        self.copy_button = QPushButton("Copy to clipboard")
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip("Copy the draft as plain text (Ctrl+Shift+C)")
        self.copy_button.clicked.connect(self.copy)
        self.posted_button = QPushButton("Mark as posted")
        self.posted_button.setObjectName("markPostedButton")
        self.posted_button.setToolTip(
            "After you have posted it yourself: log it for your cadence (Ctrl+Shift+M)"
        )
        self.posted_button.clicked.connect(self.mark_posted)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Platform", self.platform_box)

        meter = QHBoxLayout()
        meter.addWidget(self.status)
        meter.addStretch(1)
        meter.addWidget(self.count)

        share = QHBoxLayout()
        share.addWidget(self.copy_button)
        share.addWidget(self.post_url, 1)
        share.addWidget(self.posted_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.origin)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        layout.addLayout(meter)
        layout.addLayout(share)
        self.show_draft(None)

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def show_draft(self, draft: Draft | None) -> None:
        """Show a draft (saving the one on screen first)."""
        self.save_now()
        self._draft = draft
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft.text if draft else "")
        self.editor.blockSignals(False)
        # Typing replaces the placeholder: the user's take is the first thing to write.
        found = self.editor.document().find(TAKE_PLACEHOLDER)
        if not found.isNull():
            self.editor.setTextCursor(found)
        self.platform_box.blockSignals(True)
        index = self.platform_box.findData(draft.platform if draft else "linkedin")
        self.platform_box.setCurrentIndex(max(0, index))
        self.platform_box.blockSignals(False)
        self.post_url.clear()
        editable = draft is not None and draft.state in ("draft", "planned")
        self.editor.setReadOnly(not editable)
        for widget in (self.platform_box, self.post_url, self.posted_button):
            widget.setEnabled(editable)
        self.copy_button.setEnabled(draft is not None)
        if draft is None:
            self.origin.setText(
                "No draft selected. Pick an item in the inbox and choose “Draft a post”."
            )
        else:
            self.origin.setText(f"From: {draft.title}")
        self._show_status()
        self._update_count()

    def _show_status(self) -> None:
        draft = self._draft
        if draft is None:
            self.status.setText("")
        elif draft.state == "posted":
            tz = self._planner.clock.tz()
            self.status.setText(
                f"Posted on {platform(draft.platform).name} · {local_datetime(draft.updated, tz)}"
            )
        elif self._dirty:
            self.status.setText("Editing…")
        else:
            self.status.setText("Saved")

    def _text_changed(self) -> None:
        self._dirty = True
        self._autosave.start()
        self._show_status()
        self._update_count()

    def _platform_changed(self) -> None:
        if self._draft is not None:
            self._save(platform_key=self.platform_box.currentData())

    def _update_count(self) -> None:
        # Characters as written, not a platform's limit check: X, Mastodon and Bluesky
        # count links, emoji and graphemes their own way.
        self.count.setText(f"{len(self.editor.toPlainText()):,} characters")

    def save_now(self) -> None:
        """Write pending edits at once (used on switch, copy, post and quit)."""
        self._autosave.stop()
        if self._draft is not None and self._dirty:
            self._save(text=self.editor.toPlainText())

    def _save(self, *, text: str | None = None, platform_key: str | None = None) -> None:
        assert self._draft is not None
        try:
            self._planner.save_draft(self._draft.id, text=text, platform_key=platform_key)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self._dirty = False
        self._draft = self._planner.draft(self._draft.id)
        self._show_status()
        self.saved.emit(self._draft.id)

    def copy(self) -> None:
        """Put the draft on the clipboard as plain text."""
        if self._draft is None:
            return
        self.save_now()
        text = self.editor.toPlainText()
        QGuiApplication.clipboard().setText(text)
        if TAKE_PLACEHOLDER in text:
            self.message.emit(
                "Copied, but it still has the placeholder for your take: "
                "replace it before you post."
            )
        else:
            self.message.emit("Copied. Paste it into the platform, then mark it as posted.")

    def mark_posted(self) -> None:
        """Log the draft as posted on the chosen platform."""
        if self._draft is None or self._draft.state not in ("draft", "planned"):
            return
        self.save_now()
        try:
            post: Post = self._planner.mark_posted(
                self._draft.id, self.platform_box.currentData(), self.post_url.text().strip()
            )
        except DigwellError as err:
            self.failed.emit(err)
            return
        self.show_draft(self._planner.draft(self._draft.id))
        self.posted.emit(post)
