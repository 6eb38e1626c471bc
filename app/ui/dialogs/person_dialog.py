"""Add or edit a person: who they are, how you know each other, their circle and their
profiles, and, if they need one, an interval of their own (docs/PEOPLE.md). Save
checks everything with the people service and says what is wrong in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import N_, _, ngettext
from app.people.circle_names import circle_label
from app.people.fields import MAX_INTERVAL
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem

if TYPE_CHECKING:
    from app.people.service import PeopleService
    from app.types import Person

# The text fields in the form's order: (field, label, placeholder).
TEXT_FIELDS = (
    ("name", N_("&Name"), "Priya Raman"),
    ("company", N_("&Company"), ""),
    # Translators: an example of a person's job.
    ("role", N_("&Role"), N_("Staff engineer")),
    ("how_known", N_("&How you know each other"), N_("Worked together at Kestrel Pay")),
)
HANDLE_ROWS = (
    ("linkedin", "&LinkedIn", "https://www.linkedin.com/in/priya-raman"),
    ("x", "&X", "@priyaraman"),
    ("mastodon", "&Mastodon", "@priya@hachyderm.io"),
    ("bluesky", "&Bluesky", "priya.bsky.social"),
    ("threads", "&Threads", "@priya.raman"),
    ("website", N_("&Website or feed"), "https://priya.example"),
    ("email", N_("&E-mail"), ""),
)
# The labels and examples shown translated; platform names, a person's name, handles and
# addresses stay as they are.
TRANSLATED = {
    N_("&Name"),
    N_("&Company"),
    N_("&Role"),
    N_("&How you know each other"),
    N_("&Website or feed"),
    N_("&E-mail"),
    N_("Staff engineer"),
    N_("Worked together at Kestrel Pay"),
}


class PersonDialog(QDialog):
    """`person` None: add someone. After Save, `person` is the one saved."""

    def __init__(
        self, people: PeopleService, parent: QWidget | None = None, person: Person | None = None
    ) -> None:
        super().__init__(parent)
        self._people = people
        self.person = person
        self.setWindowTitle(
            _("Edit {name}").format(name=person.name) if person else _("Add a person")
        )
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key, label, example in (*TEXT_FIELDS, *HANDLE_ROWS):
            label = _(label) if label in TRANSLATED else label
            example = _(example) if example in TRANSLATED else example
            edit = QLineEdit()
            edit.setObjectName(f"person_{key}")
            edit.setPlaceholderText(example)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[key] = edit
            form.addRow(label, edit)
            if key == "how_known":
                form.addRow(_("C&ircle"), self._circle_box())
                form.addRow("", self._interval_row())
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("person_notes")
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow(_("N&otes"), self.notes)
        self.problem = problem_label("personProblem")
        form.addRow(self.problem)
        self.buttons = save_cancel(self, self.save)
        form.addRow(self.buttons)
        if person is not None:
            self._fill(person)
        self._own_toggled(self.own.isChecked())
        # At least as wide as the fields need: an explicit minimum overrides the layout's.
        self.setMinimumWidth(max(520, self.minimumSizeHint().width()))

    def _circle_box(self) -> QComboBox:
        self.circle = QComboBox()
        self.circle.setObjectName("personCircle")
        self.circle.setAccessibleName(_("Circle"))
        self._circles = self._people.circles()
        for circle in self._circles:
            # Translators: a circle and its intervals, e.g. "Close (every 21 days, at most 35)".
            text = ngettext(
                "{circle} (every {ideal} day, at most {maximum})",
                "{circle} (every {ideal} days, at most {maximum})",
                circle.ideal_days,
            )
            self.circle.addItem(
                text.format(
                    circle=circle_label(circle.name),
                    ideal=circle.ideal_days,
                    maximum=circle.max_days,
                ),
                circle.id,
            )
        self.circle.setCurrentIndex(len(self._circles) - 1)  # the widest, as `add` does
        self.circle.currentIndexChanged.connect(lambda _i: self._own_toggled(self.own.isChecked()))
        return self.circle

    def _interval_row(self) -> QWidget:
        # Translators: read with the boxes after it: "Own pace: every [21] days, at most [35]".
        self.own = QCheckBox(_("Own &pace: every"))
        self.own.setObjectName("personOwnInterval")
        self.own.toggled.connect(self._own_toggled)
        self.ideal = self._days("personIdealDays", _("Ideal interval in days"))
        self.maximum = self._days("personMaxDays", _("Maximum interval in days"))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.own)
        line.addWidget(self.ideal)
        line.addWidget(QLabel(_("days, at most")))
        line.addWidget(self.maximum)
        line.addStretch(1)
        return row

    @staticmethod
    def _days(name: str, accessible: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setRange(1, MAX_INTERVAL)
        return box

    def _own_toggled(self, on: bool) -> None:
        """Off: the circle's interval shows, greyed; on: the person's own is edited."""
        for box in (self.ideal, self.maximum):
            box.setEnabled(on)
        if not on:
            circle = next((c for c in self._circles if c.id == self.circle.currentData()), None)
            if circle is not None:
                self.ideal.setValue(circle.ideal_days)
                self.maximum.setValue(circle.max_days)

    def _fill(self, person: Person) -> None:
        for key, edit in self.fields.items():
            edit.setText(str(getattr(person, key) or ""))
        self.notes.setPlainText(person.notes)
        index = self.circle.findData(person.circle_id)
        if index >= 0:
            self.circle.setCurrentIndex(index)
        if person.ideal_days is not None and person.max_days is not None:
            self.own.setChecked(True)
            self.ideal.setValue(person.ideal_days)
            self.maximum.setValue(person.max_days)

    def values(self) -> dict[str, object]:
        """The form as the people service takes it (checked there)."""
        values: dict[str, object] = {key: edit.text() for key, edit in self.fields.items()}
        values["notes"] = self.notes.toPlainText()
        own = self.own.isChecked()
        values["ideal_days"] = self.ideal.value() if own else None
        values["max_days"] = self.maximum.value() if own else None
        return values

    def save(self) -> None:
        values = self.values()
        circle = self.circle.currentData()
        try:
            if self.person is None:
                name = str(values.pop("name"))
                self.person = self._people.add(name, circle=circle, **values)
            else:
                self.person = self._people.edit(self.person.id, circle=circle, **values)
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.problem.hide()
        self.accept()
