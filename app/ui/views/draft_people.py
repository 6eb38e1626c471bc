"""The people in the composer's draft (docs/PEOPLE.md, "Mentions"): the line saying who
marking it posted logs a touch for, kept up to date as the text changes; their mentions
rewritten for another platform; and "Mention a person…"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.compose.mentioning import retarget
from app.compose.platforms import platform
from app.errors import DigwellError
from app.i18n import N_, _, ngettext
from app.people.mentions import mention
from app.planner import Planner
from app.types import Draft, Person
from app.ui.look import plain_label, quiet
from app.ui.views.draft_editor import DraftEditor

if TYPE_CHECKING:
    from app.compose.credits import Credit
    from app.ui.dialogs.person_picker import PersonPicker

CREDITS_MS = 400  # looking people up is a few ms: once typing pauses
NAMES_SHOWN = 5
MENTION_KEYS = "Ctrl+Shift+P"  # Draft › Mention a person… (app/ui/menus.py)

# What the composer tells: the draft on screen, its text and the platform chosen.
Current = Callable[[], tuple[Draft | None, str, str]]
# The kind of touch a credit logs (stored as its key), and who it logs it for.
KIND_WORDS = {"credited": N_("credited"), "thanked": N_("thanked")}
# Translators: {names} is a list of people ("Priya Raman, Sam Rivera").
KIND_NAMES = {"credited": N_("credited {names}"), "thanked": N_("thanked {names}")}


def _kind_word(kind: str) -> str:
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def credits_text(credits: Sequence[Credit], posted: bool) -> str:
    """ "Marking posted logs a touch: credited Priya Raman, Sam Rivera" ("" for nobody);
    for a posted draft, the touches it logged."""
    if not credits:
        return ""
    kinds: dict[str, list[str]] = {}
    for credit in credits:
        kinds.setdefault(credit.kind, []).append(credit.name)
    parts = []
    for kind, names in kinds.items():
        shown = ", ".join(names[:NAMES_SHOWN])
        more = len(names) - NAMES_SHOWN
        if more > 0:
            shown = ngettext("{names} and {count} more", "{names} and {count} more", more).format(
                names=shown, count=more
            )
        if kind in KIND_NAMES:
            parts.append(_(KIND_NAMES[kind]).format(names=shown))
        else:
            parts.append(f"{kind} {shown}")
    touches = "; ".join(parts)
    if posted:
        return _("This post logged a touch: {touches}").format(touches=touches)
    return _("Marking posted logs a touch: {touches}").format(touches=touches)


class DraftPeople(QWidget):
    """`changed()` when the people in the draft changed (the composer counts again);
    `mentioned(person)` after a mention picked was written into `editor`."""

    changed = Signal()
    mentioned = Signal(object)  # Person
    message = Signal(str)

    def __init__(
        self,
        planner: Planner,
        current: Current,
        editor: DraftEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        self._current = current
        self._editor = editor
        self.people: list[Person] = []
        self.picker: PersonPicker | None = None
        self.line = plain_label("creditsLine")
        quiet(self.line)
        self.mention_button = QPushButton(_("Mention a person…"))
        self.mention_button.setObjectName("mentionButton")
        self.mention_button.setToolTip(
            _("Write one of your people's mention for the draft's platform ({keys})").format(
                keys=MENTION_KEYS
            )
        )
        self.mention_button.clicked.connect(lambda _checked=False: self.pick())
        self._timer = QTimer(self, singleShot=True, interval=CREDITS_MS)
        self._timer.timeout.connect(self.update_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addStretch(0)  # without a line to show, the button keeps its own width
        row.addWidget(self.mention_button)

    def schedule(self) -> None:
        """Look again once typing pauses."""
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def update_now(self) -> None:
        """Who the draft on screen credits, as typed, on the platform chosen."""
        self._timer.stop()
        draft, text, platform_key = self._current()
        credits: list[Credit] = []
        if draft is not None:
            try:
                credits = self._planner.drafting.credits(draft.id, text, platform_key)
            except DigwellError:  # the draft was deleted meanwhile
                credits = []
        self.line.setText(credits_text(credits, draft is not None and draft.state == "posted"))
        self.line.setToolTip(
            "\n".join(
                _("{kind}: {name}").format(kind=_kind_word(c.kind), name=c.name) for c in credits
            )
            if len(credits) > 1
            else ""
        )
        self.line.setVisible(bool(credits))
        self.mention_button.setEnabled(draft is not None and draft.state in ("draft", "planned"))
        ids = [c.person_id for c in credits]
        if ids != [p.id for p in self.people]:
            self.people = self._planner.people.rows(ids)
            self.changed.emit()

    def for_platform(self, text: str, own: str, other: str) -> str:
        """The text, written for platform `own`, as it would read on `other`: its
        people's mentions rewritten (what the counters count for the other platforms)."""
        return retarget(text, self.people, own, other)

    def switch_platform(self, draft: Draft, new: str) -> str | None:
        """Rewrite the mentions of the draft's people in the editor from the draft's
        platform's form to `new`'s, as one undoable edit; the new text, or None when
        nothing changed."""
        text, old = self._editor.toPlainText(), draft.platform
        try:
            credits = self._planner.drafting.credits(draft.id, text, old)
        except DigwellError:
            return None
        people = self._planner.people.rows([c.person_id for c in credits])
        new_text = retarget(text, people, old, new)
        if new_text == text:
            return None
        self._editor.replace_all(new_text)
        self.message.emit(
            _("Mentions written as on {platform}. Ctrl+Z in the text undoes it.").format(
                platform=platform(new).name
            )
        )
        return new_text

    def pick(self) -> None:
        """Open the person picker; the mention of whoever the user picks is written at
        the cursor (in place of the selection, as typing would)."""
        draft, _text, platform_key = self._current()
        if draft is None or self._editor.isReadOnly():
            return
        from app.ui.dialogs.person_picker import PersonPicker

        picker = PersonPicker(self._planner, platform_key, self.window())
        picker.accepted.connect(lambda: self._picked(picker, platform_key))
        self.picker = picker
        picker.open()

    def _picked(self, picker: PersonPicker, platform_key: str) -> None:
        person = picker.person()
        if person is None or self._editor.isReadOnly():
            return
        written = mention(person, platform_key)
        self._editor.insertPlainText(written)
        self._editor.setFocus()
        if written == person.name and platform_key == "linkedin":
            self.message.emit(
                _(
                    "Wrote {name}. To tag them on LinkedIn, type @ and their name in "
                    "LinkedIn's own composer."
                ).format(name=person.name)
            )
        elif written == person.name:
            self.message.emit(
                _("{name} has no handle for this platform: wrote the name.").format(
                    name=person.name
                )
            )
        self.mentioned.emit(person)
