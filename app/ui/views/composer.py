"""The composer: write a draft with live per-platform counts, copy it, mark it posted.

It saves itself within a second of the last keystroke; templates render off the GUI
thread (a runaway user template takes up to two seconds to be stopped). Its rows are
their own widgets: template_bar.py above the text, posting_bar.py below it, and
draft_people.py, who marking it posted credits.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.errors import DigwellError
from app.i18n import _
from app.planner import Planner
from app.types import Draft, Post
from app.ui.background import BackgroundCall
from app.ui.formatting import local_datetime
from app.ui.look import plain_label, quiet
from app.ui.views.draft_editor import DraftEditor
from app.ui.views.draft_people import DraftPeople
from app.ui.views.draft_words import copied_text, origin_text, status_text
from app.ui.views.draft_words import state_label as state_label  # the drafts list's import
from app.ui.views.hashtag_bar import HashtagBar, with_hashtag
from app.ui.views.platform_counters import PlatformCounters
from app.ui.views.posting_bar import PostingBar
from app.ui.views.template_bar import TemplateBar

AUTOSAVE_MS = 800  # within the 2 s docs/ARCHITECTURE.md allows ("A draft's life")
COUNT_MS = 120  # counting X's rules on a long text takes a few ms: not on every key


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
        self.origin = plain_label("composerOrigin")
        quiet(self.origin)
        self.history = plain_label("historyNotes")
        self.editor = DraftEditor()
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
        self.people = DraftPeople(planner, self._on_screen, self.editor)
        self.people.changed.connect(self._update_counts)
        self.people.message.connect(self.message)
        self._build_bars()
        self._lay_out()
        self.load_templates()
        self.show_draft(None)

    def _build_bars(self) -> None:
        self.template_bar = TemplateBar(self._planner)
        self.template_bar.redraft_clicked.connect(self.redraft)
        self.template_bar.platform_changed.connect(self._platform_changed)
        self.template_bar.message.connect(self.message)
        self.template_bar.failed.connect(self.failed)
        # The widgets the window and the tests reach for by these names.
        self.template_box = self.template_bar.template_box
        self.redraft_button = self.template_bar.redraft_button
        self.templates_button = self.template_bar.templates_button
        self.platform_box = self.template_bar.platform_box
        self.posting_bar = PostingBar(self._planner.clock)
        bar = self.posting_bar
        bar.copy_button.clicked.connect(self.copy)
        bar.open_button.clicked.connect(self.copy_and_open)
        bar.posted_button.clicked.connect(self.mark_posted)
        bar.undo_button.clicked.connect(self.undo_posted)
        self.copy_button, self.open_button = bar.copy_button, bar.open_button
        self.post_url, self.when_button, self.when = bar.post_url, bar.when_button, bar.when
        self.posted_button, self.undo_button = bar.posted_button, bar.undo_button

    def _lay_out(self) -> None:
        meter = QHBoxLayout()
        meter.addWidget(self.counters)
        meter.addStretch(1)
        meter.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.origin)
        layout.addWidget(self.template_bar)
        layout.addWidget(self.history)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.hashtags)
        layout.addLayout(meter)
        layout.addWidget(self.people)
        layout.addWidget(self.posting_bar)

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def load_templates(self) -> None:
        """List the templates again (a user's new or edited ones show up)."""
        self.template_bar.load_templates()

    def show_draft(self, draft: Draft | None) -> None:
        """Show a draft (saving the one on screen first)."""
        self.save_now()
        self._draft = draft
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft.text if draft else "")
        self.editor.blockSignals(False)
        self.editor.select_placeholder()
        self.template_bar.show_draft(draft)
        self.posting_bar.show_draft(draft)
        editable = draft is not None and draft.state in ("draft", "planned")
        self.editor.setReadOnly(not editable)
        self.template_bar.set_editable(editable)
        self._show_origin()
        self._show_status()
        self._show_history()
        self._update_counts()
        self.people.update_now()

    def _on_screen(self) -> tuple[Draft | None, str, str]:
        return self._draft, self.editor.toPlainText(), self.template_bar.platform_key()

    def _show_origin(self) -> None:
        self.origin.setText(origin_text(self._draft))

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
        draft, when = self._draft, ""
        if draft is not None and draft.state == "posted":
            post = self._planner.drafting.post_of_draft(draft.id)
            when = local_datetime(
                post.posted_at if post else draft.updated, self._planner.clock.tz()
            )
        self.status.setText(status_text(draft, self._dirty, when))

    def _text_changed(self) -> None:
        self._dirty = True
        self._autosave.start()
        self._recount.start()
        self.people.schedule()
        self._show_status()

    def _platform_changed(self, platform_key: str) -> None:
        """Its people's mentions rewritten for the platform (one undoable edit), saved."""
        if self._draft is not None and not self.editor.isReadOnly():
            text = self.people.switch_platform(self._draft, platform_key)
            self._save(text=text, platform_key=platform_key)
        self._update_counts()
        self.people.update_now()

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
        primary = self.template_bar.platform_key() or "linkedin"
        self.counters.setVisible(self._draft is not None)
        if self._draft is None:
            self.editor.setExtraSelections([])
            self.hashtags.hide()
            return
        self.counters.show_counts(
            primary,
            lambda key: self._planner.drafting.count(
                self.people.for_platform(text, primary, key), key
            ),
        )
        self.editor.mark_overflow(text, self.counters.counts[primary].over_at)
        self.hashtags.show_tags(self._planner.strategy.theme_hashtags(self._draft.theme_id), text)
        if self._draft.state == "posted":
            self.hashtags.hide()

    def add_hashtag(self, tag: str) -> None:
        """Append a hashtag to the closing hashtag line, as one undoable edit."""
        if self.editor.isReadOnly():
            return
        cursor = self.editor.replace_all(with_hashtag(self.editor.toPlainText(), tag))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def shut_down(self) -> None:
        """Save, and stop the timers: nothing may reach for the planner once closed."""
        self.save_now()
        self._recount.stop()
        self.people.stop()

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
        template = self.template_bar.template()
        platform_key = self.template_bar.platform_key()
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
        self.status.setText(_("Drafting…"))
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
        self.editor.replace_all(text)  # one undoable edit: Ctrl+Z brings the old text back
        self._dirty = False
        self._autosave.stop()
        self._draft = self._planner.drafting.draft(draft_id)
        self.editor.select_placeholder()
        self._show_status()
        self._update_counts()
        self.saved.emit(draft_id)
        self.message.emit(_("Drafted again. Ctrl+Z in the text brings back what it was."))

    def _render_failed(self, err: Exception) -> None:
        self.redraft_button.setEnabled(True)
        self._show_status()
        self.failed.emit(err)

    def duplicate_template(self) -> None:
        """Copy the chosen template to the user's folder and open it in their editor."""
        self.template_bar.duplicate_template()

    def open_templates_folder(self) -> None:
        self.template_bar.open_templates_folder()

    def mention_person(self) -> None:
        """Draft › Mention a person…: pick one of your people, write their mention."""
        self.people.pick()

    # Sharing -----------------------------------------------------------------

    def copy(self) -> bool:
        """Put the draft on the clipboard as plain text."""
        if self._draft is None:
            return False
        self.save_now()
        text = self.editor.toPlainText()
        QGuiApplication.clipboard().setText(text)
        self.message.emit(copied_text(text))
        return True

    def copy_and_open(self) -> None:
        """Copy, then open the platform's compose page with the text filled in."""
        if not self.copy():
            return
        try:
            link = self._planner.drafting.platforms.compose_link(
                self.template_bar.platform_key(), self.editor.toPlainText()
            )
        except DigwellError as err:
            self.failed.emit(err)
            return
        if not QDesktopServices.openUrl(QUrl(link)):
            self.message.emit(_("Copied, but no web browser opened. Paste it on the platform."))

    def posted_time(self) -> datetime | None:
        """The time the user set for the post (local), or None for now."""
        return self.posting_bar.posted_time()

    def mark_posted(self) -> None:
        """Log the draft as posted on the chosen platform."""
        if self._draft is None or self._draft.state not in ("draft", "planned"):
            return
        self.save_now()
        try:
            post: Post = self._planner.drafting.mark_posted(
                self._draft.id,
                self.template_bar.platform_key(),
                self.posting_bar.url(),
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
        self.message.emit(_("Taken out of your posts. The draft is editable again."))
