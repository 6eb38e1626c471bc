"""Add or edit one post of the log: when, where, what kind, on which theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from app.cadence.post_fields import KIND_LABELS, PLATFORM_KEYS, PostInput, platform_name
from app.errors import DigwellError
from app.i18n import _
from app.types import Post, Theme
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem

if TYPE_CHECKING:
    from app.cadence.posts_log import PostsLog


class PostDialog(QDialog):
    """The fields of one post; Save checks them with the log and says what is wrong in
    place, never closing on bad input. `post_input()` is the checked post once accepted."""

    def __init__(
        self,
        log: PostsLog,
        themes: list[Theme],
        parent: QWidget | None = None,
        post: Post | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._input: PostInput | None = None
        self.post = post
        self.setWindowTitle(_("Edit post") if post else _("Add a post"))
        self._build_fields(themes)
        if post is not None:
            self._fill(post)
        self.problem = problem_label("postProblem")
        self.buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Time"), self.time)
        form.addRow(_("Platform"), self.platform)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Theme"), self.theme)
        form.addRow(_("Link"), self.url)
        form.addRow(_("Text"), self.text)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def _build_fields(self, themes: list[Theme]) -> None:
        tz = self._log.clock.tz()
        local = (self.post.posted_at if self.post else self._log.clock.now()).astimezone(tz)
        self.date = QDateEdit(QDate(local.year, local.month, local.day))
        self.date.setObjectName("postDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        # A new post defaults to now, not noon: "today" is then valid as it stands.
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setObjectName("postTime")
        self.time.setDisplayFormat("HH:mm")
        self.platform = _choices("postPlatform", [(platform_name(k), k) for k in PLATFORM_KEYS])
        self.kind = _choices("postKind", [(_(label), k) for k, label in KIND_LABELS.items()])
        self.theme = _choices(
            "postTheme", [(_("No theme"), ""), *((t.name, t.name) for t in themes)]
        )
        self.url = QLineEdit()
        self.url.setObjectName("postUrl")
        self.url.setPlaceholderText(_("https://… (the post's link, if you have it)"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("postText")
        self.text.setPlaceholderText(_("What the post said (optional)"))
        self.text.setTabChangesFocus(True)

    def _fill(self, post: Post) -> None:
        self._select(self.platform, post.platform)
        self._select(self.kind, post.kind)
        self._select(self.theme, self._log.theme_name(post.theme_id))
        self.url.setText(post.url)
        self.text.setPlainText(post.text)

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)

    def check(self) -> PostInput:
        """The fields as a checked post; a DigwellError says what to fix."""
        return self._log.parse_input(
            self.date.date().toString("yyyy-MM-dd"),
            self.time.time().toString("HH:mm"),
            self.platform.currentData(),
            self.kind.currentData(),
            self.theme.currentData(),
            self.url.text(),
            self.text.toPlainText(),
        )

    def save(self) -> None:
        try:
            self._input = self.check()
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.problem.hide()
        self.accept()

    def post_input(self) -> PostInput:
        """The post as saved; checks the fields now if Save was not pressed."""
        return self._input if self._input is not None else self.check()


def _choices(name: str, items: list[tuple[str, str]]) -> QComboBox:
    """A drop-down of (text, data) items."""
    box = QComboBox()
    box.setObjectName(name)
    for text, data in items:
        box.addItem(text, data)
    return box
