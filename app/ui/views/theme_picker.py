"""Tick the themes a feed belongs to, or type a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _


class ThemePicker(QWidget):
    """A list of themes with check boxes and a field to add a new theme to the list."""

    def __init__(
        self, names: list[str], ticked: tuple[str, ...] | list[str] = (), parent=None
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("themeList")
        self.list.setAccessibleName(_("Themes"))
        self.list.setMaximumHeight(140)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newTheme")
        self.new_name.setAccessibleName(_("New theme"))
        self.new_name.setPlaceholderText(_("New theme, e.g. Platform engineering"))
        self.new_name.returnPressed.connect(self.add_typed)
        add = QPushButton(_("Add theme"))
        add.clicked.connect(self.add_typed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        wanted = {n.casefold() for n in ticked}
        for name in names:
            self._add(name, name.casefold() in wanted)

    def _add(self, name: str, ticked: bool) -> None:
        entry = QListWidgetItem(name)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.addItem(entry)

    def add_typed(self) -> None:
        """Add the typed theme (ticked); an existing name is ticked instead."""
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.text().casefold() == name.casefold():
                entry.setCheckState(Qt.CheckState.Checked)
                break
        else:
            self._add(name, True)
        self.new_name.clear()

    def chosen(self) -> list[str]:
        """The ticked themes, with a theme still typed in the field counted as ticked."""
        self.add_typed()
        return [
            self.list.item(r).text()
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]
