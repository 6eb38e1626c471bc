"""Help › Keyboard shortcuts: every shortcut of the menu bar, read from the window's
actions themselves (app/ui/menus.py builds them), so the list never drifts from the keys
that work. Grouped by menu, in the platform's own key names, with a filter box.

Then the keys the pages answer besides the menus (the inbox list's J and K, the People
page's Ctrl+N, the heatmap's arrows): read from the tables the pages bind them from
(app/ui/page_keys.py), not from the pages' own shortcuts, which exist only once a page is
built (app/ui/lazy_page.py) and would make the list depend on where the user has been."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.page_keys import PAGE_KEYS

MENU_PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class ShortcutRow:
    """One action with a shortcut: its menu ("View › Appearance"), its text without
    mnemonics, and its shortcuts in the platform's native text ("Ctrl+D")."""

    menu: str
    text: str
    keys: tuple[str, ...]

    def matches(self, words: str) -> bool:
        """Whether every word of a filter occurs in the menu, the text or the keys."""
        haystack = " ".join((self.menu, self.text, *self.keys)).casefold()
        return all(word in haystack for word in words.casefold().split())


def plain(text: str) -> str:
    """A menu text without its mnemonic marks: "&Copy" -> "Copy", "A && B" -> "A & B"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def native_keys(action: QAction) -> tuple[str, ...]:
    """An action's shortcuts as the platform writes them ("⌘D" on macOS)."""
    native = QKeySequence.SequenceFormat.NativeText
    return tuple(s.toString(native) for s in action.shortcuts() if not s.isEmpty())


def shortcut_rows(bar: QMenuBar) -> list[ShortcutRow]:
    """Every action with a shortcut in the bar's menus and their submenus, in menu order."""
    rows: list[ShortcutRow] = []
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            _walk(menu, plain(menu.title()), rows)
    return rows


def page_rows() -> list[ShortcutRow]:
    """The keys of app/ui/page_keys.py, in the platform's key names."""
    native = QKeySequence.SequenceFormat.NativeText
    return [
        ShortcutRow(
            _(group.title),
            _(entry.text),
            tuple(QKeySequence(k).toString(native) for k in entry.keys),
        )
        for group in PAGE_KEYS
        for entry in group.keys
    ]


def _walk(menu: QMenu, path: str, rows: list[ShortcutRow]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _walk(submenu, path + MENU_PATH_SEPARATOR + plain(submenu.title()), rows)
            continue
        keys = native_keys(action)
        if keys:
            rows.append(ShortcutRow(path, plain(action.text()), keys))


class ShortcutsDialog(QDialog):
    """The list: one branch per menu, a row per action (its text, its keys). Typing in
    the filter box narrows it; Escape or Close closes it."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(460, 520)
        self.rows = rows
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter: a command, a menu or a key"))
        self.filter.setAccessibleName(_("Filter the shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Command"), _("Shortcut")])
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.filter.setFocus()

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            group = groups.get(row.menu)
            if group is None:
                group = groups[row.menu] = QTreeWidgetItem(self.tree, [row.menu])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
            item = QTreeWidgetItem(group, [row.text, ", ".join(row.keys)])
            item.setToolTip(1, ", ".join(row.keys))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def apply_filter(self, words: str) -> None:
        """Hide the rows (and emptied menus) the words do not match."""
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                row = self._row(group.text(0), child)
                child.setHidden(not row.matches(words))
                shown += not child.isHidden()
            group.setHidden(shown == 0)

    def _row(self, menu: str, item: QTreeWidgetItem) -> ShortcutRow:
        return next(r for r in self.rows if r.menu == menu and r.text == item.text(0))

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) of each row shown: what the list reads out."""
        shown = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group.isHidden():
                continue
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if not child.isHidden():
                    shown.append((group.text(0), child.text(0), child.text(1)))
        return shown


def show_shortcuts(window: QWidget, bar: QMenuBar) -> ShortcutsDialog:
    """Open the list for a window's menu bar, or raise the one open (non-modal, so the
    keys can be tried while it shows; deleted when closed)."""
    dialog = window.findChild(ShortcutsDialog)
    if dialog is None:
        dialog = ShortcutsDialog(shortcut_rows(bar) + page_rows(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
