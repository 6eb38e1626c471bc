"""The strategy dialog's themes: a list to pick one, buttons to add, remove and move them,
and the fields of the one picked, all bound to the edit model (app.strategy.editing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.strategy.strategy import MAX_THEME_NAME
from app.ui.buttons import named_button
from app.ui.dialogs.form_parts import show_value
from app.ui.look import quiet

if TYPE_CHECKING:
    from app.strategy.editing import Key, StrategyEdit, ThemeDraft, Where

FALLBACK_COLOR = "#607d8b"
WORDS_HINT = N_(
    "One keyword or phrase per line (or separated by commas). An item matches a theme "
    "when it contains one of its keywords and none of its excluded words. Hashtags are "
    "separated by spaces or commas."
)


class ThemeEditor(QGroupBox):
    """Edits the themes of a StrategyEdit; `edited()` after each change it made."""

    edited = Signal()

    def __init__(self, edit: StrategyEdit, parent: QWidget | None = None) -> None:
        super().__init__(_("Themes (1 to 8): what you want to be known for"), parent)
        self._edit = edit
        self._updating = False  # True while the editor itself sets a widget
        row = QHBoxLayout()
        row.addLayout(self._list_column())
        row.addWidget(self._theme_form(), 1)
        # Under both columns, as wide as the box: a wrapped label in the narrower form was
        # given too few lines once translated (a layout sizes it for some 80 characters).
        hint = QLabel(_(WORDS_HINT))
        hint.setWordWrap(True)
        quiet(hint)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(hint)
        self.rebuild(edit.themes[0].uid)

    def _list_column(self) -> QVBoxLayout:
        self.theme_list = QListWidget()
        self.theme_list.setObjectName("themeList")
        self.theme_list.setMaximumWidth(220)
        self.theme_list.currentRowChanged.connect(self._show_theme)
        self.add_button = named_button(_("Add"), "addTheme", self.add_theme)
        self.remove_button = named_button(_("Remove"), "removeTheme", self.remove_theme)
        self.up_button = named_button(_("Up"), "moveThemeUp", lambda: self.move_selected(-1))
        self.down_button = named_button(_("Down"), "moveThemeDown", lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        column = QVBoxLayout()
        column.addWidget(self.theme_list, 1)
        column.addLayout(buttons)
        return column

    def _theme_form(self) -> QWidget:
        self.theme_name = QLineEdit()
        self.theme_name.setObjectName("themeName")
        self.theme_name.setMaxLength(MAX_THEME_NAME)
        self.theme_name.setPlaceholderText(_("e.g. Platform engineering"))
        # Translators: example keywords of a theme, one per line.
        self.keywords = _word_list("themeKeywords", _("kubernetes\ndeveloper experience"))
        # Translators: an example of a word that keeps items out of a theme.
        self.excluded = _word_list("themeExcluded", _("sponsored"))
        self.excluded.setMaximumHeight(70)
        self.hashtags = QLineEdit()
        self.hashtags.setObjectName("themeHashtags")
        self.hashtags.setPlaceholderText("#PlatformEngineering #DevEx")
        self.color_button = named_button("", "themeColor", self.pick_color)
        self.theme_name.textChanged.connect(lambda t: self._field_edited("name", t))
        self.keywords.textChanged.connect(
            lambda: self._field_edited("keywords", self.keywords.toPlainText())
        )
        self.excluded.textChanged.connect(
            lambda: self._field_edited("excluded", self.excluded.toPlainText())
        )
        self.hashtags.textChanged.connect(lambda t: self._field_edited("hashtags", t))
        self.theme_form = QWidget()
        form = QFormLayout(self.theme_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Name"), self.theme_name)
        form.addRow(_("Keywords and phrases"), self.keywords)
        form.addRow(_("Excluded words"), self.excluded)
        form.addRow(_("Hashtags"), self.hashtags)
        form.addRow(_("Colour"), self.color_button)
        return self.theme_form

    # Editing ----------------------------------------------------------------------------

    def add_theme(self) -> None:
        """Add an empty theme after the selected one, and start naming it."""
        row = self.theme_list.currentRow()
        if self._apply(self._edit.add_theme(after=row if row >= 0 else None)):
            self.theme_name.setFocus()

    def remove_theme(self) -> None:
        row = self.theme_list.currentRow()
        if row >= 0:
            self._apply(self._edit.remove_theme(row))

    def move_selected(self, step: int) -> None:
        self._apply(self._edit.move_theme(self.theme_list.currentRow(), step))

    def pick_color(self) -> None:
        draft = self.current()
        if draft is None:
            return
        color = QColorDialog.getColor(QColor(draft.color), self.window(), _("Theme colour"))
        if color.isValid():
            self._apply(self._edit.set_theme(draft.uid, "color", color.name()))

    def _field_edited(self, field: str, text: str) -> None:
        draft = self.current()
        if not self._updating and draft is not None:
            self._apply(self._edit.set_theme(draft.uid, field, text))

    def _apply(self, where: Where | None) -> bool:
        """Show what an edit changed and tell the dialog; False when nothing changed."""
        if where is None:
            return False
        self.show_change(where)
        self.edited.emit()
        return True

    # Showing ----------------------------------------------------------------------------

    def show_change(self, where: Where) -> None:
        """Bring what an edit, undo or redo changed into sight, selecting its theme."""
        if where.key is None:
            self.rebuild(where.theme if where.theme is not None else self._edit.themes[0].uid)
            return
        row = self._edit.row_of(where.key.theme)
        self._updating = True
        try:
            if self.theme_list.currentRow() != row:
                self.theme_list.setCurrentRow(row)  # shows the whole theme
            else:
                self._show_field(where.key.field)
            self._label(row)
        finally:
            self._updating = False

    def rebuild(self, select_uid: int) -> None:
        """List the themes again and select one."""
        self._updating = True
        try:
            self.theme_list.clear()
            for row in range(len(self._edit.themes)):
                self.theme_list.addItem(QListWidgetItem())
                self._label(row)
        finally:
            self._updating = False
        self.theme_list.setCurrentRow(self._edit.row_of(select_uid))
        self._show_theme(self.theme_list.currentRow())

    def focus(self, key: Key) -> None:
        """Select the key's theme and put the cursor in its field (the colour's button)."""
        self.theme_list.setCurrentRow(self._edit.row_of(key.theme))
        self._widget(key.field).setFocus()

    def update_buttons(self) -> None:
        row, count = self.theme_list.currentRow(), len(self._edit.themes)
        self.add_button.setEnabled(self._edit.can_add_theme())
        self.remove_button.setEnabled(self._edit.can_remove_theme() and row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def current(self) -> ThemeDraft | None:
        row = self.theme_list.currentRow()
        return self._edit.themes[row] if 0 <= row < len(self._edit.themes) else None

    def _label(self, row: int) -> None:
        draft, item = self._edit.themes[row], self.theme_list.item(row)
        item.setText(draft.name.strip() or _("(unnamed theme)"))
        item.setIcon(swatch(draft.color))

    def _show_theme(self, _row: int) -> None:
        self.theme_form.setEnabled(self.current() is not None)
        was, self._updating = self._updating, True
        try:
            for field in ("name", "keywords", "excluded", "hashtags", "color"):
                self._show_field(field)
        finally:
            self._updating = was
        self.update_buttons()

    def _show_field(self, field: str) -> None:
        draft = self.current()
        value = str(getattr(draft, field)) if draft is not None else ""
        if field == "color":
            self.color_button.setIcon(swatch(value or FALLBACK_COLOR))
            self.color_button.setText(value)
        else:
            show_value(self._widget(field), value)

    def _widget(self, field: str) -> QWidget:
        return {
            "name": self.theme_name,
            "keywords": self.keywords,
            "excluded": self.excluded,
            "hashtags": self.hashtags,
            "color": self.color_button,
        }.get(field, self.theme_name)


def _word_list(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setUndoRedoEnabled(False)  # the dialog's history undoes
    edit.setTabChangesFocus(True)
    return edit


def swatch(color: str) -> QIcon:
    """A small square of the colour, as the list and the colour button show a theme."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
