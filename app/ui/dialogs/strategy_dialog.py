"""Edit the career strategy: profile, themes, weekly target, content mix, freshness.

Every edit (a field, a theme added, removed or moved) goes on an undo stack until the
strategy is saved. Saving hands the strategy to the core, which checks it; what is
wrong is shown in the dialog, which stays open.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.planner import Planner
from app.strategy.strategy import (
    HALF_LIFE_RANGE,
    MAX_GOAL,
    MAX_THEME_NAME,
    MAX_THEMES,
    MIX_LABELS,
    WEEKLY_TARGET_RANGE,
    ContentMix,
    Strategy,
    StrategyError,
    default_color,
)
from app.types import Profile, Theme
from app.ui.look import heading, quiet

ERROR_STYLE = "color: #b3261e;"
_LIST_SPLIT = re.compile(r"[\n,]")
_TAG_SPLIT = re.compile(r"[\s,]+")
_MIX_KEYS = ContentMix._fields
_EDIT_ID = 1  # QUndoCommand.id() of field edits: consecutive edits of a field merge


class ThemeDraft(NamedTuple):
    """A theme as being edited: word lists as typed."""

    uid: int  # the dialog's handle: new themes all have id 0
    id: int
    name: str = ""
    keywords: str = ""  # one per line or separated by commas
    excluded: str = ""
    hashtags: str = ""  # separated by spaces or commas
    color: str = "#607d8b"

    @classmethod
    def of(cls, uid: int, theme: Theme) -> ThemeDraft:
        return cls(
            uid,
            theme.id,
            theme.name,
            "\n".join(theme.keywords),
            "\n".join(theme.excluded),
            " ".join(theme.hashtags),
            theme.color,
        )

    def theme(self) -> Theme:
        return Theme(
            self.id,
            self.name,
            _split(_LIST_SPLIT, self.keywords),
            _split(_LIST_SPLIT, self.excluded),
            _split(_TAG_SPLIT, self.hashtags),
            self.color,
        )


def _split(separators: re.Pattern, text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in separators.split(text) if w.strip())


# Undo commands ------------------------------------------------------------------------


class SetValue(QUndoCommand):
    """One field changed. Key: ("profile", name), ("target", name) or ("theme", uid, field)."""

    def __init__(self, dialog: StrategyDialog, key: tuple, old: object, new: object) -> None:
        super().__init__(dialog.describe(key))
        self.dialog, self.key, self.old, self.new = dialog, key, old, new

    def id(self) -> int:
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing a word is one step, not one step per letter.
        if not isinstance(other, SetValue) or other.key != self.key:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.dialog.write(self.key, self.new)

    def undo(self) -> None:
        self.dialog.write(self.key, self.old)


class AddTheme(QUndoCommand):
    def __init__(self, dialog: StrategyDialog, row: int, draft: ThemeDraft) -> None:
        super().__init__("add theme")
        self.dialog, self.row, self.draft = dialog, row, draft

    def redo(self) -> None:
        self.dialog.insert_theme(self.row, self.draft)

    def undo(self) -> None:
        self.dialog.take_theme(self.row)


class RemoveTheme(QUndoCommand):
    def __init__(self, dialog: StrategyDialog, row: int) -> None:
        super().__init__("remove theme")
        self.dialog, self.row, self.draft = dialog, row, dialog.drafts[row]

    def redo(self) -> None:
        self.dialog.take_theme(self.row)

    def undo(self) -> None:
        self.dialog.insert_theme(self.row, self.draft)


class MoveTheme(QUndoCommand):
    def __init__(self, dialog: StrategyDialog, row: int, to: int) -> None:
        super().__init__("move theme")
        self.dialog, self.row, self.to = dialog, row, to

    def redo(self) -> None:
        self.dialog.move_theme(self.row, self.to)

    def undo(self) -> None:
        self.dialog.move_theme(self.to, self.row)


class _UndoKeysToStack(QObject):
    """Line edits and spin boxes keep their own undo history and claim Ctrl+Z; this
    leaves the keys to the dialog's actions, so one history covers every field."""

    def __init__(self, actions: list[QAction], parent: QObject) -> None:
        super().__init__(parent)
        self._keys = {k.toString() for a in actions for k in a.shortcuts()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            # Override left unaccepted: the shortcut (our action) runs. The key press
            # that follows when there is nothing to undo must not reach the widget.
            return QKeySequence(event.keyCombination()).toString() in self._keys
        return False


# The dialog ---------------------------------------------------------------------------


class StrategyDialog(QDialog):
    """Edits a copy of the strategy; `saved(version)` once the core stored it."""

    saved = Signal(int)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your career strategy")
        self.setObjectName("strategyDialog")
        self.resize(760, 760)
        self._planner = planner
        self._uids = itertools.count(1)
        self._updating = False  # True while the dialog itself sets a widget
        self.stack = QUndoStack(self)
        strategy = planner.strategy.load()
        self.drafts = [ThemeDraft.of(next(self._uids), t) for t in strategy.themes]
        if not self.drafts:  # first run: one empty theme ready to fill (not an edit)
            self.drafts.append(ThemeDraft(next(self._uids), 0, color=default_color(0)))

        title = heading(QLabel("Your career strategy"), 1.3)
        intro = QLabel(
            "Digwell ranks what you read against these themes, and counts your posts "
            "against your targets."
        )
        intro.setWordWrap(True)
        quiet(intro)

        self._fields: dict[tuple, QWidget] = {}
        self._values: dict[tuple, object] = {}
        profile_box = QGroupBox("You")
        profile_form = QFormLayout(profile_box)
        for field, label, hint in (
            ("name", "Name", "As you sign your posts"),
            ("role", "Role", "e.g. Senior platform engineer at a payments company"),
            ("goal", "Career goal", "One sentence, e.g. Lead a platform team in two years"),
            ("audience", "Audience", "Who you want to reach"),
        ):
            edit = QLineEdit(getattr(strategy.profile, field))
            edit.setObjectName(f"profile_{field}")
            edit.setPlaceholderText(hint)
            if field == "goal":
                edit.setMaxLength(MAX_GOAL)
            self._track(("profile", field), edit, edit.text())
            edit.textChanged.connect(lambda text, f=field: self.edited(("profile", f), text))
            profile_form.addRow(label, edit)

        themes_box = QGroupBox("Themes (1 to 8): what you want to be known for")
        self.theme_list = QListWidget()
        self.theme_list.setObjectName("themeList")
        self.theme_list.setMaximumWidth(220)
        self.theme_list.currentRowChanged.connect(self._show_theme)
        self.add_button = QPushButton("Add")
        self.add_button.setObjectName("addTheme")
        self.add_button.clicked.connect(self.add_theme)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeTheme")
        self.remove_button.clicked.connect(self.remove_theme)
        self.up_button = QPushButton("Up")
        self.up_button.setObjectName("moveThemeUp")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Down")
        self.down_button.setObjectName("moveThemeDown")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        list_column = QVBoxLayout()
        list_column.addWidget(self.theme_list, 1)
        list_column.addLayout(list_buttons)

        self.theme_name = QLineEdit()
        self.theme_name.setObjectName("themeName")
        self.theme_name.setMaxLength(MAX_THEME_NAME)
        self.theme_name.setPlaceholderText("e.g. Platform engineering")
        self.keywords = QPlainTextEdit()
        self.keywords.setObjectName("themeKeywords")
        self.keywords.setPlaceholderText("kubernetes\ndeveloper experience")
        self.excluded = QPlainTextEdit()
        self.excluded.setObjectName("themeExcluded")
        self.excluded.setPlaceholderText("sponsored")
        self.excluded.setMaximumHeight(70)
        self.hashtags = QLineEdit()
        self.hashtags.setObjectName("themeHashtags")
        self.hashtags.setPlaceholderText("#PlatformEngineering #DevEx")
        self.color_button = QPushButton()
        self.color_button.setObjectName("themeColor")
        self.color_button.clicked.connect(self.pick_color)
        for edit in (self.keywords, self.excluded):
            edit.setUndoRedoEnabled(False)  # the dialog's stack undoes
            edit.setTabChangesFocus(True)
        self.theme_name.textChanged.connect(lambda t: self._theme_edited("name", t))
        self.keywords.textChanged.connect(
            lambda: self._theme_edited("keywords", self.keywords.toPlainText())
        )
        self.excluded.textChanged.connect(
            lambda: self._theme_edited("excluded", self.excluded.toPlainText())
        )
        self.hashtags.textChanged.connect(lambda t: self._theme_edited("hashtags", t))
        words_hint = QLabel(
            "One keyword or phrase per line (or separated by commas). An item matches a "
            "theme when it contains one of its keywords and none of its excluded words. "
            "Hashtags are separated by spaces or commas."
        )
        words_hint.setWordWrap(True)
        quiet(words_hint)
        self.theme_form = QWidget()
        theme_form = QFormLayout(self.theme_form)
        theme_form.setContentsMargins(0, 0, 0, 0)
        theme_form.addRow("Name", self.theme_name)
        theme_form.addRow("Keywords and phrases", self.keywords)
        theme_form.addRow("Excluded words", self.excluded)
        theme_form.addRow("Hashtags", self.hashtags)
        theme_form.addRow("Colour", self.color_button)
        theme_form.addRow(words_hint)
        themes_row = QHBoxLayout(themes_box)
        themes_row.addLayout(list_column)
        themes_row.addWidget(self.theme_form, 1)

        targets_box = QGroupBox("Targets")
        targets_form = QFormLayout(targets_box)
        targets_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.weekly_target = QSpinBox()
        self.weekly_target.setObjectName("weeklyTarget")
        self.weekly_target.setRange(*WEEKLY_TARGET_RANGE)
        self.weekly_target.setSuffix(" posts a week")
        self.weekly_target.setValue(strategy.weekly_target)
        self._track(("target", "weekly_target"), self.weekly_target, strategy.weekly_target)
        self.weekly_target.valueChanged.connect(
            lambda v: self.edited(("target", "weekly_target"), v)
        )
        targets_form.addRow("Weekly target", self.weekly_target)
        self.mix: dict[str, QSpinBox] = {}
        for key, value in zip(_MIX_KEYS, strategy.mix, strict=True):
            spin = QSpinBox()
            spin.setObjectName(f"mix_{key}")
            spin.setRange(0, 100)
            spin.setSuffix("%")
            spin.setValue(value)
            self._track(("target", key), spin, value)
            spin.valueChanged.connect(lambda v, k=key: self.edited(("target", k), v))
            self.mix[key] = spin
            targets_form.addRow(f"Content mix: {MIX_LABELS[key]}", spin)
        self.mix_hint = QLabel()
        self.mix_hint.setObjectName("mixHint")
        targets_form.addRow("", self.mix_hint)
        self.half_life = QDoubleSpinBox()
        self.half_life.setObjectName("halfLife")
        self.half_life.setRange(*HALF_LIFE_RANGE)
        self.half_life.setDecimals(2)
        self.half_life.setSingleStep(0.25)
        self.half_life.setSuffix(" days")
        self.half_life.setValue(strategy.half_life_days)
        self.half_life.setToolTip("An item this old ranks half as high as a new one.")
        self._track(("target", "half_life_days"), self.half_life, self.half_life.value())
        self.half_life.valueChanged.connect(lambda v: self.edited(("target", "half_life_days"), v))
        targets_form.addRow("Freshness half-life", self.half_life)

        self.error = QLabel()
        self.error.setObjectName("strategyError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        self.undo_action = self.stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts(_redo_keys())
        undo_buttons = QHBoxLayout()
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            undo_buttons.addWidget(button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveStrategy")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addLayout(undo_buttons)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(profile_box)
        layout.addWidget(themes_box, 1)
        layout.addWidget(targets_box)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        keys_filter = _UndoKeysToStack([self.undo_action, self.redo_action], self)
        for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox):
            for widget in self.findChildren(kind):
                widget.installEventFilter(keys_filter)
        self.stack.indexChanged.connect(self._update)
        self._rebuild_list(self.drafts[0].uid)
        self._update()

    # Reading and writing values (what the undo commands call) ---------------------------

    def _track(self, key: tuple, widget: QWidget, value: object) -> None:
        self._fields[key] = widget
        self._values[key] = value

    def read(self, key: tuple) -> object:
        if key[0] == "theme":
            return getattr(self._draft(key[1]), key[2])
        return self._values[key]

    def write(self, key: tuple, value: object) -> None:
        """Set a value and show it (selecting its theme, so an undo is seen)."""
        self._updating = True
        try:
            if key[0] == "theme":
                row = self._row(key[1])
                self.drafts[row] = self.drafts[row]._replace(**{key[2]: value})
                if self.theme_list.currentRow() != row:
                    self.theme_list.setCurrentRow(row)  # shows the whole theme
                else:
                    self._show_field(key[2], value)
                self._label_item(row)
            else:
                self._values[key] = value
                _set_widget(self._fields[key], value)
        finally:
            self._updating = False
        self._update()

    def edited(self, key: tuple, value: object) -> None:
        """A widget changed: record it as an undoable edit (unless the dialog set it)."""
        if self._updating or self.read(key) == value:
            return
        self.stack.push(SetValue(self, key, self.read(key), value))

    def _theme_edited(self, field: str, value: object) -> None:
        draft = self._current()
        if draft is not None:
            self.edited(("theme", draft.uid, field), value)

    def describe(self, key: tuple) -> str:
        """What an edit changed, as the Undo button names it ("Undo theme keywords")."""
        if key[0] == "theme":
            return {"color": "theme colour"}.get(key[2], f"theme {key[2]}")
        if key[1] in _MIX_KEYS:
            return "content mix"
        names = {"goal": "career goal", "half_life_days": "freshness half-life"}
        return names.get(key[1], key[1].replace("_", " "))

    # Themes -----------------------------------------------------------------------------

    def add_theme(self) -> None:
        if len(self.drafts) >= MAX_THEMES:
            return
        current = self.theme_list.currentRow()
        row = current + 1 if current >= 0 else len(self.drafts)  # after the selected one
        draft = ThemeDraft(next(self._uids), 0, color=self._unused_color())
        self.stack.push(AddTheme(self, row, draft))
        self.theme_name.setFocus()

    def remove_theme(self) -> None:
        row = self.theme_list.currentRow()
        if len(self.drafts) > 1 and row >= 0:
            self.stack.push(RemoveTheme(self, row))

    def move_selected(self, step: int) -> None:
        row = self.theme_list.currentRow()
        if row >= 0 and 0 <= row + step < len(self.drafts):
            self.stack.push(MoveTheme(self, row, row + step))

    def insert_theme(self, row: int, draft: ThemeDraft) -> None:
        self.drafts.insert(row, draft)
        self._rebuild_list(draft.uid)

    def take_theme(self, row: int) -> None:
        del self.drafts[row]
        self._rebuild_list(self.drafts[min(row, len(self.drafts) - 1)].uid)

    def move_theme(self, row: int, to: int) -> None:
        self.drafts.insert(to, self.drafts.pop(row))
        self._rebuild_list(self.drafts[to].uid)

    def pick_color(self) -> None:
        draft = self._current()
        if draft is None:
            return
        color = QColorDialog.getColor(QColor(draft.color), self, "Theme colour")
        if color.isValid():
            self.edited(("theme", draft.uid, "color"), color.name())

    def _unused_color(self) -> str:
        used = {d.color for d in self.drafts}
        return next(
            (default_color(n) for n in range(MAX_THEMES) if default_color(n) not in used),
            default_color(len(self.drafts)),
        )

    def _rebuild_list(self, select_uid: int) -> None:
        self._updating = True
        try:
            self.theme_list.clear()
            for row in range(len(self.drafts)):
                self.theme_list.addItem(QListWidgetItem())
                self._label_item(row)
        finally:
            self._updating = False
        self.theme_list.setCurrentRow(self._row(select_uid))
        self._show_theme(self.theme_list.currentRow())

    def _label_item(self, row: int) -> None:
        draft, item = self.drafts[row], self.theme_list.item(row)
        item.setText(draft.name.strip() or "(unnamed theme)")
        item.setIcon(_swatch(draft.color))

    def _show_theme(self, row: int) -> None:
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        self.theme_form.setEnabled(draft is not None)
        was, self._updating = self._updating, True
        try:
            for field in ("name", "keywords", "excluded", "hashtags", "color"):
                self._show_field(field, getattr(draft, field) if draft else "")
        finally:
            self._updating = was
        self._update()

    def _show_field(self, field: str, value: str) -> None:
        if field == "color":
            self.color_button.setIcon(_swatch(value or "#607d8b"))
            self.color_button.setText(value)
            return
        widget = {
            "name": self.theme_name,
            "keywords": self.keywords,
            "excluded": self.excluded,
            "hashtags": self.hashtags,
        }[field]
        _set_widget(widget, value)

    def _current(self) -> ThemeDraft | None:
        row = self.theme_list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _draft(self, uid: int) -> ThemeDraft:
        return self.drafts[self._row(uid)]

    def _row(self, uid: int) -> int:
        return next(n for n, d in enumerate(self.drafts) if d.uid == uid)

    # State ------------------------------------------------------------------------------

    def _update(self, *_args) -> None:
        row, count = self.theme_list.currentRow(), len(self.drafts)
        self.add_button.setEnabled(count < MAX_THEMES)
        self.remove_button.setEnabled(count > 1 and row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        total = sum(int(self._values[("target", k)]) for k in _MIX_KEYS)
        if total == 100:
            self.mix_hint.setText("Sums to 100%.")
            self.mix_hint.setStyleSheet("")
        else:
            self.mix_hint.setText(f"Sums to {total}%: make it 100%.")
            self.mix_hint.setStyleSheet(ERROR_STYLE)

    def strategy(self) -> Strategy:
        """The strategy as edited (not yet checked)."""
        value = self._values
        return Strategy(
            profile=Profile(*(str(value[("profile", f)]) for f in Profile._fields)),
            themes=tuple(d.theme() for d in self.drafts),
            weekly_target=int(value[("target", "weekly_target")]),
            mix=ContentMix(*(int(value[("target", k)]) for k in _MIX_KEYS)),
            half_life_days=float(value[("target", "half_life_days")]),
        )

    def has_changes(self) -> bool:
        return not self.stack.isClean()

    def save(self) -> None:
        try:
            version = self._planner.strategy.save(self.strategy())
        except DigwellError as err:
            self._show_error(err)
            return
        self.error.hide()
        self.stack.setClean()
        self.saved.emit(version)
        self.accept()

    def _show_error(self, err: DigwellError) -> None:
        self.error.setText(f"{err.message} {err.hint}".strip())
        self.error.show()
        field = err.field if isinstance(err, StrategyError) else ""
        found = re.match(r"themes\[(\d+)\]\.?(\w*)", field)
        if found and int(found[1]) < len(self.drafts):
            self.theme_list.setCurrentRow(int(found[1]))
            widget = {
                "name": self.theme_name,
                "keywords": self.keywords,
                "excluded": self.excluded,
                "hashtags": self.hashtags,
                "color": self.color_button,
            }.get(found[2], self.theme_name)
        elif field.startswith("content_mix"):
            widget = self.mix[field.partition(".")[2] or "share"]
        else:
            widget = {
                "profile.goal": self._fields[("profile", "goal")],
                "weekly_target": self.weekly_target,
                "freshness_half_life_days": self.half_life,
            }.get(field)
        if widget is not None:
            widget.setFocus()

    def reject(self) -> None:
        """Cancel, Esc or closing: ask before unsaved edits are lost."""
        if self.has_changes():
            answer = QMessageBox.question(
                self,
                "Discard changes?",
                "Your changes to the strategy are not saved. Discard them?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def _set_widget(widget: QWidget, value: object) -> None:
    """Show `value` in a widget, leaving it alone (and its cursor) when it already does."""
    if isinstance(widget, QLineEdit):
        if widget.text() != value:
            widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(str(value))
            widget.moveCursor(QTextCursor.MoveOperation.End)
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)) and widget.value() != value:
        widget.setValue(value)


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys and Ctrl+Shift+Z, each once (a key listed twice on one
    action is ambiguous, and then neither works)."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
    unique: dict[str, QKeySequence] = {}
    for key in keys:
        unique.setdefault(key.toString(), key)
    return list(unique.values())
