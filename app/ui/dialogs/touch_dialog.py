"""Log a touch in a few keys: a letter picks the kind (c credited, t thanked, h helped,
o commented, k talked, m message, a asked, n connected), then an optional note, date
and post, and Enter logs it (docs/PEOPLE.md, "Logging a touch"). An ask where nothing
was given lately gets a gentle note, never a block."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.cadence.post_fields import platform_name
from app.errors import DigwellError
from app.i18n import _, formats, pgettext
from app.types import TOUCH_KINDS
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem
from app.ui.look import quiet
from app.ui.views.person_timeline import KIND_WORDS

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from app.people.service import PeopleService
    from app.types import Person, Post, Touch

# The letter that picks each kind (docs/PEOPLE.md).
KIND_KEYS = {
    "c": "credited",
    "t": "thanked",
    "h": "helped",
    "o": "commented",
    "k": "talked",
    "m": "message",
    "a": "asked",
    "n": "connected",
}
_LETTER = {kind: key for key, kind in KIND_KEYS.items()}
_POST_TEXT = 60  # characters of a post shown in the picker


class KindBox(QComboBox):
    """The kinds of touch; a letter picks one (`picked`), arrows move as usual."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for kind in TOUCH_KINDS:
            self.addItem(f"{_(KIND_WORDS[kind])}   ({_LETTER[kind]})", kind)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        kind = KIND_KEYS.get(event.text().lower())
        if kind and not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            self.setCurrentIndex(self.findData(kind))
            self.picked.emit(kind)
            return
        super().keyPressEvent(event)


class TouchDialog(QDialog):
    """A touch with `person`; after Log, `touch` is the touch logged."""

    def __init__(
        self,
        people: PeopleService,
        person: Person,
        posts: list[Post],
        parent: QWidget | None = None,
        kind: str = "",
    ) -> None:
        super().__init__(parent)
        self._people = people
        self.person = person
        self.touch: Touch | None = None
        self.setWindowTitle(_("Log a touch with {name}").format(name=person.name))
        self.setMinimumWidth(460)
        self._ask_note = people.ask_warning(person.id)
        hint = QLabel(_("Type a letter for the kind, a note if you like, then Enter."))
        quiet(hint)
        hint.setWordWrap(True)
        # Its height at the narrowest the dialog gets: a longer language wraps it.
        hint.setMinimumHeight(hint.heightForWidth(self.minimumWidth() - 24))
        self.note = QLineEdit()
        self.note.setObjectName("touchNote")
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("What happened (optional)"))
        self.kind = KindBox()
        self.kind.setObjectName("touchKind")
        self.kind.setAccessibleName(_("Kind of touch"))
        self.kind.picked.connect(lambda _k: self.note.setFocus())
        self.kind.currentIndexChanged.connect(lambda _i: self._show_ask_note())
        self.on = QDateEdit()
        self.on.setObjectName("touchDate")
        self.on.setAccessibleName(_("Date of the touch"))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        today = people.today()
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.on.setDate(QDate(today.year, today.month, today.day))
        self.post = self._post_box(posts)
        self.ask_note = QLabel()
        self.ask_note.setObjectName("askNote")
        self.ask_note.setWordWrap(True)
        quiet(self.ask_note)
        self.problem = problem_label("touchProblem")
        self.buttons = save_cancel(self, self.save)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Log touch"))
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(_("&Kind"), self.kind)
        form.addRow("", self.ask_note)
        form.addRow(_("N&ote"), self.note)
        form.addRow(_("&Date"), self.on)
        # Translators: the post a touch was part of.
        form.addRow(pgettext("noun", "&Post"), self.post)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        if kind:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self._show_ask_note()
        self.kind.setFocus()

    @staticmethod
    def _post_box(posts: list[Post]) -> QComboBox:
        box = QComboBox()
        box.setObjectName("touchPost")
        box.setAccessibleName(_("The post it was part of"))
        # Long post texts are cut short in the box, not by widening the dialog past the
        # screen (or squeezing the form's labels).
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(28)
        # Translators: no post picked for the touch.
        box.addItem(_("None"), None)
        for post in posts:
            text = " ".join(post.text.split()) or post.url or post.link
            if len(text) > _POST_TEXT:
                text = text[: _POST_TEXT - 1].rstrip() + "…"
            when = formats.day_month(post.posted_at)
            box.addItem(f"{when} · {platform_name(post.platform)} · {text}", post.id)
        return box

    def _show_ask_note(self) -> None:
        """The gentle note for an ask with no give lately; nothing for any other kind."""
        shown = self.kind.currentData() == "asked" and bool(self._ask_note)
        self.ask_note.setText(self._ask_note if shown else "")
        self.ask_note.setVisible(shown)
        # A dialog's size ignores a wrapped label's height for its width: give it that.
        width = self.kind.width() if self.isVisible() else self.minimumWidth() - 120
        self.ask_note.setMinimumHeight(self.ask_note.heightForWidth(width) if shown else 0)
        self.adjustSize()

    def day(self) -> date:
        day = self.on.date()
        return date(day.year(), day.month(), day.day())

    def save(self) -> None:
        try:
            self.touch = self._people.touch(
                self.person.id,
                self.kind.currentData(),
                self.day(),
                self.note.text(),
                self.post.currentData(),
            )
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.problem.hide()
        self.accept()
