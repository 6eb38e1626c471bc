"""The composer's bottom row: copy the draft (and open the platform), then mark it posted
with its link and when, or take "posted" back."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.clock import Clock
from app.i18n import _
from app.types import Draft
from app.ui.views.template_bar import ROW_SPACING


class PostingBar(QWidget):
    """The buttons and the post's details; the composer connects the buttons to its
    copy, copy_and_open, mark_posted and undo_posted."""

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.copy_button = _button(
            _("Copy"), "copyButton", _("Copy the draft as plain text (Ctrl+Shift+C)")
        )
        self.open_button = _button(
            _("Copy and open"),
            "copyOpenButton",
            _("Copy the draft and open the platform's compose page with the text filled in"),
        )
        self.post_url = QLineEdit()
        self.post_url.setObjectName("postUrl")
        self.post_url.setAccessibleName(_("Link to your post"))
        self.post_url.setPlaceholderText(_("Link to your post (optional)"))
        # Room for the whole hint in any language (the row's buttons would squeeze it).
        hint = self.post_url.fontMetrics().horizontalAdvance(self.post_url.placeholderText())
        self.post_url.setMinimumWidth(min(hint + 16, 280))
        self.when_button = QToolButton()
        self.when_button.setObjectName("postedWhenButton")
        self.when_button.setText(_("When: now"))
        self.when_button.setToolTip(_("Posted earlier? Click to set when"))
        self.when_button.clicked.connect(self._choose_when)
        self.when = QDateTimeEdit()
        self.when.setObjectName("postedWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        self.when.hide()
        self.posted_button = _button(
            _("Mark as posted"),
            "markPostedButton",
            _("After you have posted it yourself: log it for your cadence (Ctrl+Shift+M)"),
        )
        self.undo_button = _button(
            _("Undo “posted”"),
            "undoPostedButton",
            _("Take the post out of your log; the draft becomes editable"),
        )
        self._lay_out()

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ROW_SPACING)
        row.addWidget(self.copy_button)
        row.addWidget(self.open_button)
        row.addSpacing(16)
        row.addWidget(self.post_url, 1)
        row.addWidget(self.when_button)
        row.addWidget(self.when)
        row.addWidget(self.posted_button)
        row.addWidget(self.undo_button)

    def show_draft(self, draft: Draft | None) -> None:
        """Fresh details for the draft; what can be done with it in its state."""
        self.post_url.clear()
        self.when.hide()
        self.when_button.setText(_("When: now"))
        editable = draft is not None and draft.state in ("draft", "planned")
        for widget in (self.post_url, self.when_button, self.posted_button):
            widget.setEnabled(editable)
            widget.setVisible(draft is None or draft.state != "posted")
        self.undo_button.setVisible(draft is not None and draft.state == "posted")
        self.copy_button.setEnabled(draft is not None)
        self.open_button.setEnabled(draft is not None)

    def url(self) -> str:
        """The link to the post, as typed."""
        return self.post_url.text().strip()

    def _choose_when(self) -> None:
        now = self._clock.now().astimezone(self._clock.tz())
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
        return local.replace(tzinfo=self._clock.tz())


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    return button
