"""Edit the career strategy: profile, themes, weekly target, content mix, freshness,
and how much higher items by the user's people rank (docs/PEOPLE.md, "In the inbox").

A view over the strategy's edit model (planner.strategy.edit(), app.strategy.editing):
every edit goes on its undo history until the strategy is saved. Saving hands the
strategy to the core, which checks it; what is wrong is shown in the dialog, which stays
open with the cursor in the field at fault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import N_, _, formats, pgettext
from app.planner import Planner
from app.strategy.strategy import (
    HALF_LIFE_RANGE,
    MAX_GOAL,
    MIX_LABELS,
    WEEKLY_TARGET_RANGE,
    StrategyError,
)
from app.ui.dialogs.edit_history import EditHistory
from app.ui.dialogs.form_parts import problem_style, show_value
from app.ui.dialogs.theme_editor import ThemeEditor
from app.ui.look import heading, quiet

if TYPE_CHECKING:
    from app.strategy.editing import Where

MIX_FIELDS = ("share", "original", "credit")
SpinBox = TypeVar("SpinBox", QSpinBox, QDoubleSpinBox)
PROFILE_ROWS = (
    ("name", N_("Name"), N_("As you sign your posts")),
    ("role", N_("Role"), N_("e.g. Senior platform engineer at a payments company")),
    ("goal", N_("Career goal"), N_("One sentence, e.g. Lead a platform team in two years")),
    ("audience", N_("Audience"), N_("Who you want to reach")),
)
# The inbox's lift for items by the user's people (planner.people.set_rank_boost).
PEOPLE_LIFTS = (
    (0.0, N_("Rank them like any other item")),
    (1.0, N_("Rank them as if twice as relevant")),
    (2.0, N_("Rank them as if four times as relevant")),
)


class StrategyDialog(QDialog):
    """Edits a copy of the strategy; `saved(version)` once the core stored it."""

    saved = Signal(int)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Your career strategy"))
        self.setObjectName("strategyDialog")
        self.resize(760, 760)
        self._planner = planner
        self.edit = planner.strategy.edit()
        self._updating = False  # True while the dialog itself sets a widget
        self._fields: dict[tuple[str, str], QWidget] = {}
        self.stack = EditHistory(self.edit, self)
        self.stack.stepped.connect(self._show)
        self.undo_action, self.redo_action = self.stack.undo_action, self.stack.redo_action
        self.theme_editor = ThemeEditor(self.edit)
        self.theme_editor.edited.connect(self._update)

        self.error = QLabel()
        self.error.setObjectName("strategyError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(problem_style(self.error))
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(QLabel(_("Your career strategy")), 1.3))
        layout.addWidget(_intro())
        layout.addWidget(self._profile_box())
        layout.addWidget(self.theme_editor, 1)
        layout.addWidget(self._targets_box())
        layout.addWidget(self.error)
        layout.addLayout(self._bottom_row())
        self.stack.keep_keys(self)
        self._update()

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox(_("You"))
        form = QFormLayout(box)
        for field, label, hint in PROFILE_ROWS:
            edit = QLineEdit(getattr(self.edit.strategy().profile, field))
            edit.setObjectName(f"profile_{field}")
            edit.setPlaceholderText(_(hint))
            if field == "goal":
                edit.setMaxLength(MAX_GOAL)
            self._fields["profile", field] = edit
            edit.textChanged.connect(lambda text, f=field: self._profile_edited(f, text))
            form.addRow(_(label), edit)
        return box

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(_("Targets"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.weekly_target = self._target_spin("weekly_target", "weeklyTarget", QSpinBox())
        self.weekly_target.setRange(*WEEKLY_TARGET_RANGE)
        # Translators: after the number in a spin box, e.g. "3 posts a week".
        self.weekly_target.setSuffix(_(" posts a week"))
        form.addRow(_("Weekly target"), self.weekly_target)
        self.mix: dict[str, QSpinBox] = {}
        for field in MIX_FIELDS:
            spin = self._target_spin(field, f"mix_{field}", QSpinBox())
            spin.setRange(0, 100)
            # Translators: after the number in a spin box, e.g. "40%" (German "40 %").
            spin.setSuffix(pgettext("spin box suffix", "%"))
            self.mix[field] = spin
            # Translators: {mix} is e.g. "sharing others' work".
            form.addRow(_("Content mix: {mix}").format(mix=_(MIX_LABELS[field])), spin)
        self.mix_hint = QLabel()
        self.mix_hint.setObjectName("mixHint")
        form.addRow("", self.mix_hint)
        self.half_life = self._target_spin("half_life_days", "halfLife", QDoubleSpinBox())
        self.half_life.setRange(*HALF_LIFE_RANGE)
        self.half_life.setDecimals(2)
        self.half_life.setSingleStep(0.25)
        # Translators: after the number in a spin box, e.g. "1.50 days".
        self.half_life.setSuffix(_(" days"))
        self.half_life.setToolTip(_("An item this old ranks half as high as a new one."))
        form.addRow(_("Freshness half-life"), self.half_life)
        self.people_lift = QComboBox()
        self.people_lift.setObjectName("peopleLift")
        for value, text in PEOPLE_LIFTS:
            self.people_lift.addItem(_(text), value)
        self._lift = self._planner.people.rank_boost()
        self.people_lift.setCurrentIndex(max(0, self.people_lift.findData(self._lift)))
        self.people_lift.setToolTip(
            _("Items written by one of your people (their name, handle or site) rank higher.")
        )
        form.addRow(_("Items by your people"), self.people_lift)
        strategy = self.edit.strategy()
        values = {"weekly_target": strategy.weekly_target, **strategy.mix._asdict()}
        values["half_life_days"] = strategy.half_life_days
        for field, value in values.items():
            spin = self._fields["target", field]
            show_value(spin, value)
            spin.valueChanged.connect(lambda v, f=field: self._target_edited(f, v))
        return box

    def _target_spin(self, field: str, name: str, spin: SpinBox) -> SpinBox:
        spin.setObjectName(name)
        self._fields["target", field] = spin
        return spin

    def _bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in (self.undo_action, self.redo_action):
            button = QToolButton()
            button.setDefaultAction(action)
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveStrategy")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        return row

    # Edits and what they change ---------------------------------------------------------

    def _profile_edited(self, field: str, text: str) -> None:
        """A profile field changed: an edit of the model (unless the dialog set it)."""
        if not self._updating and self.edit.set_profile(field, text) is not None:
            self._update()

    def _target_edited(self, field: str, value: float) -> None:
        if not self._updating and self.edit.set_target(field, value) is not None:
            self._update()

    def _show(self, where: Where) -> None:
        """Show what an undo or redo changed: its field, or its theme."""
        if where.theme is not None:
            self.theme_editor.show_change(where)
        elif where.key is not None:
            self._updating = True
            try:
                widget = self._fields[where.key.section, where.key.field]
                show_value(widget, self.edit.value(where.key))
            finally:
                self._updating = False
        self._update()

    def _update(self) -> None:
        self.theme_editor.update_buttons()
        self.stack.refresh()
        total = self.edit.mix_total()
        if total == 100:
            self.mix_hint.setText(_("Sums to {total}.").format(total=formats.percent(100)))
            self.mix_hint.setStyleSheet("")
        else:
            self.mix_hint.setText(
                _("Sums to {total}: make it {target}.").format(
                    total=formats.percent(total), target=formats.percent(100)
                )
            )
            self.mix_hint.setStyleSheet(problem_style(self.mix_hint))

    def has_changes(self) -> bool:
        return self.edit.has_changes() or self._lift_changed()

    def _lift_changed(self) -> bool:
        return self.people_lift.currentData() != self._lift

    # Saving and leaving -----------------------------------------------------------------

    def save(self) -> None:
        """Save the strategy (ranking every item again) if it changed, and the lift for
        items by the user's people (which moves only theirs) if that changed."""
        strategy_changed = self.edit.has_changes() or not self._lift_changed()
        try:
            version = self._planner.strategy.save(self.edit.strategy()) if strategy_changed else 0
            if self._lift_changed():
                self._planner.people.set_rank_boost(self.people_lift.currentData())
                self._lift = self.people_lift.currentData()
        except DigwellError as err:
            self._show_error(err)
            return
        self.error.hide()
        self.stack.setClean()
        if strategy_changed:
            self.saved.emit(version)
        self.accept()

    def _show_error(self, err: DigwellError) -> None:
        self.error.setText(f"{err.message} {err.hint}".strip())
        self.error.show()
        key = self.edit.key_of(err) if isinstance(err, StrategyError) else None
        if key is None:
            return
        if key.section == "theme":
            self.theme_editor.focus(key)
        else:
            self._fields[key.section, key.field].setFocus()

    def reject(self) -> None:
        """Cancel, Esc or closing: ask before unsaved edits are lost."""
        if self.has_changes():
            answer = QMessageBox.question(
                self,
                _("Discard changes?"),
                _("Your changes to the strategy are not saved. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def _intro() -> QLabel:
    intro = QLabel(
        _(
            "Digwell ranks what you read against these themes, and counts your posts "
            "against your targets."
        )
    )
    intro.setWordWrap(True)
    quiet(intro)
    return intro
