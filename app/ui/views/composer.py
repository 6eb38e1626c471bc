"""The composer: write a draft with live per-platform counts, copy it, mark it posted.

It saves itself within a second of the last keystroke; templates render off the GUI
thread (a runaway user template takes up to two seconds to be stopped).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.compose.context import TAKE_PLACEHOLDER, placeholders
from app.compose.platforms import PLATFORMS, platform
from app.compose.utf16 import utf16_offset
from app.errors import DigwellError
from app.planner import Planner
from app.types import Draft, Post
from app.ui.background import BackgroundCall
from app.ui.formatting import local_datetime
from app.ui.look import quiet
from app.ui.views.hashtag_bar import HashtagBar, with_hashtag
from app.ui.views.platform_counters import PlatformCounters

AUTOSAVE_MS = 800  # the issue asks for at most 2 s after the last keystroke
COUNT_MS = 120  # counting X's rules on a long text takes a few ms: not on every key
OVERFLOW = QColor(198, 40, 40, 70)


class Composer(QWidget):
    """One draft at a time. `posted` fires after 'mark posted', `unposted` after undo."""

    posted = Signal(object)  # Post
    unposted = Signal(int)  # draft id
    saved = Signal(int)  # draft id
    message = Signal(str)
    failed = Signal(object)  # DigwellError

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._draft: Draft | None = None
        self._dirty = False
        self._render: BackgroundCall | None = None
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._recount = QTimer(self, singleShot=True, interval=COUNT_MS)
        self._recount.timeout.connect(self._update_counts)

        self.origin = QLabel()
        self.origin.setObjectName("composerOrigin")
        quiet(self.origin)
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)

        self.template_box = QComboBox()
        self.template_box.setObjectName("templateBox")
        self.template_box.setToolTip("The template this draft was written from")
        self.template_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.redraft_button = QPushButton("Re-draft")
        self.redraft_button.setObjectName("redraftButton")
        self.redraft_button.setToolTip(
            "Write the draft again from the chosen template and platform, keeping your take "
            "(Ctrl+Z brings the old text back)"
        )
        self.redraft_button.clicked.connect(self.redraft)
        self.templates_button = QToolButton()
        self.templates_button.setText("Templates")
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        templates_menu = QMenu(self.templates_button)
        templates_menu.addAction("Duplicate and edit this template…", self.duplicate_template)
        templates_menu.addAction("Open my templates folder", self.open_templates_folder)
        templates_menu.addAction("Reload the list", self.load_templates)
        self.templates_button.setMenu(templates_menu)

        self.platform_box = QComboBox()
        self.platform_box.setObjectName("platformBox")
        self.platform_box.setToolTip("Where you will post it: its limit is marked in the text")
        for p in PLATFORMS.values():
            self.platform_box.addItem(p.name, p.key)
        self.platform_box.currentIndexChanged.connect(self._platform_changed)

        self.history = QLabel()
        self.history.setObjectName("historyNotes")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("draftEditor")
        self.editor.setPlaceholderText("Write your post here.")
        editor_font = self.editor.font()
        editor_font.setPointSizeF(editor_font.pointSizeF() * 1.1)
        self.editor.setFont(editor_font)
        self.editor.textChanged.connect(self._text_changed)

        self.hashtags = HashtagBar()
        self.hashtags.chosen.connect(self.add_hashtag)
        self.counters = PlatformCounters()
        shown = planner.drafting.platforms.counted()
        if shown is not None:
            self.counters.set_shown(shown)
        self.counters.shown_changed.connect(self._counted_platforms_changed)
        self.status = QLabel()
        self.status.setObjectName("draftStatus")
        quiet(self.status)

        self.copy_button = QPushButton("Copy")
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip("Copy the draft as plain text (Ctrl+Shift+C)")
        self.copy_button.clicked.connect(self.copy)
        self.open_button = QPushButton("Copy and open")
        self.open_button.setObjectName("copyOpenButton")
        self.open_button.setToolTip(
            "Copy the draft and open the platform's compose page with the text filled in"
        )
        self.open_button.clicked.connect(self.copy_and_open)
        self.post_url = QLineEdit()
        self.post_url.setObjectName("postUrl")
        self.post_url.setPlaceholderText("Link to your post (optional)")
        self.when_button = QToolButton()
        self.when_button.setObjectName("postedWhenButton")
        self.when_button.setText("When: now")
        self.when_button.setToolTip("Posted earlier? Click to set when")
        self.when_button.clicked.connect(self._choose_when)
        self.when = QDateTimeEdit()
        self.when.setObjectName("postedWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        self.when.hide()
        self.posted_button = QPushButton("Mark as posted")
        self.posted_button.setObjectName("markPostedButton")
        self.posted_button.setToolTip(
            "After you have posted it yourself: log it for your cadence (Ctrl+Shift+M)"
        )
        self.posted_button.clicked.connect(self.mark_posted)
        self.undo_button = QPushButton("Undo “posted”")
        self.undo_button.setObjectName("undoPostedButton")
        self.undo_button.setToolTip("Take the post out of your log; the draft becomes editable")
        self.undo_button.clicked.connect(self.undo_posted)

        source = QHBoxLayout()
        source.addWidget(QLabel("Template"))
        source.addWidget(self.template_box)
        source.addWidget(self.redraft_button)
        source.addWidget(self.templates_button)
        source.addSpacing(16)
        source.addWidget(QLabel("For"))
        source.addWidget(self.platform_box)
        source.addStretch(1)

        meter = QHBoxLayout()
        meter.addWidget(self.counters)
        meter.addStretch(1)
        meter.addWidget(self.status)

        share = QHBoxLayout()
        share.addWidget(self.copy_button)
        share.addWidget(self.open_button)
        share.addSpacing(16)
        share.addWidget(self.post_url, 1)
        share.addWidget(self.when_button)
        share.addWidget(self.when)
        share.addWidget(self.posted_button)
        share.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.origin)
        layout.addLayout(source)
        layout.addWidget(self.history)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.hashtags)
        layout.addLayout(meter)
        layout.addLayout(share)
        self.load_templates()
        self.show_draft(None)

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def load_templates(self) -> None:
        """List the templates again (a user's new or edited ones show up)."""
        current = self.template_box.currentData()
        self.template_box.blockSignals(True)
        self.template_box.clear()
        try:
            templates = self._planner.drafting.templates.templates()
        except DigwellError as err:
            self.failed.emit(err)
            templates = []
        for info in templates:
            title = f"{info.title} (yours)" if info.user else info.title
            self.template_box.addItem(title, info.name)
            self.template_box.setItemData(
                self.template_box.count() - 1,
                f"{info.description}\nKind: {info.kind}. {info.path}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(current)))
        self.template_box.blockSignals(False)

    def show_draft(self, draft: Draft | None) -> None:
        """Show a draft (saving the one on screen first)."""
        self.save_now()
        self._draft = draft
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft.text if draft else "")
        self.editor.blockSignals(False)
        self._select_placeholder()
        self.platform_box.blockSignals(True)
        self.platform_box.setCurrentIndex(
            max(0, self.platform_box.findData(draft.platform if draft else "linkedin"))
        )
        self.platform_box.blockSignals(False)
        if draft is not None:
            index = self.template_box.findData(draft.template)
            if index < 0 and draft.template:
                self.load_templates()
                index = self.template_box.findData(draft.template)
            self.template_box.setCurrentIndex(max(0, index))
        self.post_url.clear()
        self.when.hide()
        self.when_button.setText("When: now")
        editable = draft is not None and draft.state in ("draft", "planned")
        self.editor.setReadOnly(not editable)
        for widget in (
            self.platform_box,
            self.template_box,
            self.redraft_button,
            self.post_url,
            self.when_button,
            self.posted_button,
        ):
            widget.setEnabled(editable)
        for widget in (self.post_url, self.when_button, self.posted_button):
            widget.setVisible(draft is None or draft.state != "posted")
        self.undo_button.setVisible(draft is not None and draft.state == "posted")
        self.copy_button.setEnabled(draft is not None)
        self.open_button.setEnabled(draft is not None)
        self._show_origin()
        self._show_status()
        self._show_history()
        self._update_counts()

    def _select_placeholder(self) -> None:
        # Typing replaces the placeholder: the user's take (or the template's first
        # "[Your …]" gap) is the first thing to write.
        left = placeholders(self.editor.toPlainText())
        first = TAKE_PLACEHOLDER if TAKE_PLACEHOLDER in left else (left[0] if left else "")
        found = self.editor.document().find(first) if first else None
        if found is not None and not found.isNull():
            self.editor.setTextCursor(found)

    def _show_origin(self) -> None:
        draft = self._draft
        if draft is None:
            self.origin.setText(
                "No draft selected. Pick an item in the inbox and choose “Draft a post”."
            )
            return
        parts = [f"From: {draft.title}" if draft.item_ids else "Your own post"]
        if len(draft.item_ids) > 1:
            parts[0] += f" and {len(draft.item_ids) - 1} more"
        if draft.theme:
            parts.append(f"Theme: {draft.theme}")
        parts.append(draft.state.capitalize())
        self.origin.setText("  ·  ".join(parts))

    def _show_history(self) -> None:
        notes: list[str] = []
        if self._draft is not None:
            try:
                notes = self._planner.drafting.history_notes(self._draft.id)
            except DigwellError:
                notes = []
        self.history.setText("\n".join(f"• {n}" for n in notes))
        self.history.setVisible(bool(notes))

    def _show_status(self) -> None:
        draft = self._draft
        if draft is None:
            self.status.setText("")
        elif draft.state == "posted":
            post = self._planner.drafting.post_of_draft(draft.id)
            tz = self._planner.clock.tz()
            when = local_datetime(post.posted_at if post else draft.updated, tz)
            self.status.setText(f"Posted on {platform(draft.platform).name} · {when}")
        elif self._dirty:
            self.status.setText("Editing…")
        else:
            self.status.setText("Saved")

    def _text_changed(self) -> None:
        self._dirty = True
        self._autosave.start()
        self._recount.start()
        self._show_status()

    def _platform_changed(self) -> None:
        if self._draft is not None:
            self._save(platform_key=self.platform_box.currentData())
        self._update_counts()

    def _counted_platforms_changed(self, keys: tuple[str, ...]) -> None:
        self._planner.drafting.platforms.set_counted(list(keys))
        self._update_counts()

    def refresh_counts(self) -> None:
        """Count again (e.g. after a platform's limit changed)."""
        self._update_counts()

    def _update_counts(self) -> None:
        """Count for each shown platform; mark what overflows the draft's platform."""
        self._recount.stop()
        text = self.editor.toPlainText()
        primary = self.platform_box.currentData() or "linkedin"
        self.counters.setVisible(self._draft is not None)
        if self._draft is None:
            self.editor.setExtraSelections([])
            self.hashtags.hide()
            return
        self.counters.show_counts(primary, lambda key: self._planner.drafting.count(text, key))
        self._mark_overflow(text, self.counters.counts[primary].over_at)
        self.hashtags.show_tags(self._planner.strategy.theme_hashtags(self._draft.theme_id), text)
        if self._draft.state == "posted":
            self.hashtags.hide()

    def _mark_overflow(self, text: str, over_at: int | None) -> None:
        if over_at is None:
            self.editor.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(OVERFLOW)
        fmt.setToolTip("Over the limit: the platform would not take this part")
        selection.format = fmt
        cursor = QTextCursor(self.editor.document())
        # Qt's positions count UTF-16 units, and a paragraph break is one of them.
        cursor.setPosition(utf16_offset(text, over_at))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.editor.setExtraSelections([selection])

    def add_hashtag(self, tag: str) -> None:
        """Append a hashtag to the closing hashtag line, as one undoable edit."""
        if self.editor.isReadOnly():
            return
        cursor = QTextCursor(self.editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(with_hashtag(self.editor.toPlainText(), tag))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def shut_down(self) -> None:
        """Save, and stop the timers: nothing may reach for the planner once closed."""
        self.save_now()
        self._recount.stop()

    def save_now(self) -> None:
        """Write pending edits at once (used on switch, copy, post and quit)."""
        self._autosave.stop()
        if self._draft is not None and self._dirty:
            self._save(text=self.editor.toPlainText())

    def _save(self, *, text: str | None = None, platform_key: str | None = None) -> None:
        assert self._draft is not None
        try:
            self._planner.drafting.save_draft(self._draft.id, text=text, platform_key=platform_key)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self._dirty = False
        self._draft = self._planner.drafting.draft(self._draft.id)
        self._show_status()
        self.saved.emit(self._draft.id)

    # Templates ---------------------------------------------------------------

    def redraft(self) -> None:
        """Render the draft again from the chosen template and platform, in a thread."""
        if self._draft is None or self.editor.isReadOnly() or self.is_rendering():
            return
        self.save_now()
        draft_id = self._draft.id
        template = self.template_box.currentData()
        platform_key = self.platform_box.currentData()
        try:
            job = self._planner.drafting.redraft_job(draft_id, template, platform_key)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self._render = BackgroundCall(job)
        self._render.done.connect(
            lambda result: self._redrafted(draft_id, template, platform_key, result)
        )
        self._render.failed.connect(self._render_failed)
        self.redraft_button.setEnabled(False)
        self.status.setText("Drafting…")
        self._render.start()

    def is_rendering(self) -> bool:
        return self._render is not None and self._render.is_running()

    def _redrafted(self, draft_id: int, template: str, platform_key: str, result) -> None:
        self.redraft_button.setEnabled(True)
        text, take = result
        if self._draft is None or self._draft.id != draft_id:
            return  # the user moved on; the draft they left keeps its text
        try:
            self._planner.drafting.redraft(draft_id, template, platform_key, take=take, text=text)
        except DigwellError as err:
            self.failed.emit(err)
            return
        # One undoable edit, so Ctrl+Z brings back the text as it was.
        cursor = QTextCursor(self.editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        self._dirty = False
        self._autosave.stop()
        self._draft = self._planner.drafting.draft(draft_id)
        self._select_placeholder()
        self._show_status()
        self._update_counts()
        self.saved.emit(draft_id)
        self.message.emit("Drafted again. Ctrl+Z in the text brings back what it was.")

    def _render_failed(self, err: Exception) -> None:
        self.redraft_button.setEnabled(True)
        self._show_status()
        self.failed.emit(err)

    def duplicate_template(self) -> None:
        """Copy the chosen template to the user's folder and open it in their editor."""
        name = self.template_box.currentData()
        if not name:
            return
        try:
            info = self._planner.drafting.templates.duplicate(name)
        except DigwellError as err:
            if "already have a template" not in err.message:
                self.failed.emit(err)
                return
            info = self._planner.drafting.templates.info(name)
        self.load_templates()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path)))
        self.message.emit(
            f"Your copy is {info.path}. Edit and save it, then Re-draft: "
            "it replaces the bundled one."
        )

    def open_templates_folder(self) -> None:
        folder = self._planner.drafting.templates.folders[0]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self.failed.emit(DigwellError(f"The folder {folder} cannot be made: {err.strerror}."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # Sharing -----------------------------------------------------------------

    def copy(self) -> bool:
        """Put the draft on the clipboard as plain text."""
        if self._draft is None:
            return False
        self.save_now()
        text = self.editor.toPlainText()
        QGuiApplication.clipboard().setText(text)
        if placeholders(text):
            self.message.emit(
                "Copied, but it still has a placeholder to fill (“[Your …]”): "
                "replace it before you post."
            )
        else:
            self.message.emit("Copied. Paste it into the platform, then mark it as posted.")
        return True

    def copy_and_open(self) -> None:
        """Copy, then open the platform's compose page with the text filled in."""
        if not self.copy():
            return
        try:
            link = self._planner.drafting.platforms.compose_link(
                self.platform_box.currentData(), self.editor.toPlainText()
            )
        except DigwellError as err:
            self.failed.emit(err)
            return
        if not QDesktopServices.openUrl(QUrl(link)):
            self.message.emit("Copied, but no web browser opened. Paste it on the platform.")

    def _choose_when(self) -> None:
        now = self._planner.clock.now().astimezone(self._planner.clock.tz())
        self.when.setMaximumDateTime(QDateTime(now.replace(tzinfo=None)))
        self.when.setDateTime(QDateTime(now.replace(tzinfo=None)))
        self.when.show()
        self.when_button.hide()
        self.when.setFocus()

    def posted_time(self) -> datetime | None:
        """The time the user set for the post (local), or None for now."""
        if self.when.isHidden():  # chosen, even while the page is not on screen
            return None
        local = self.when.dateTime().toPython()
        return local.replace(tzinfo=self._planner.clock.tz())

    def mark_posted(self) -> None:
        """Log the draft as posted on the chosen platform."""
        if self._draft is None or self._draft.state not in ("draft", "planned"):
            return
        self.save_now()
        try:
            post: Post = self._planner.drafting.mark_posted(
                self._draft.id,
                self.platform_box.currentData(),
                self.post_url.text().strip(),
                self.posted_time(),
            )
        except DigwellError as err:
            self.failed.emit(err)
            return
        self.show_draft(self._planner.drafting.draft(self._draft.id))
        self.posted.emit(post)

    def undo_posted(self) -> None:
        """Take this draft's post out of the log; the draft is editable again."""
        if self._draft is None or self._draft.state != "posted":
            return
        post = self._planner.drafting.post_of_draft(self._draft.id)
        if post is None:
            return
        try:
            draft = self._planner.drafting.undo_posted(post.id)
        except DigwellError as err:
            self.failed.emit(err)
            return
        self.show_draft(draft)
        self.unposted.emit(self._draft.id if self._draft else 0)
        self.message.emit("Taken out of your posts. The draft is editable again.")
