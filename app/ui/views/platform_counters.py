"""Live counts of a draft for each chosen platform, counted the way that platform counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from app.compose.count_record import Count
from app.compose.platforms import PLATFORMS
from app.i18n import N_, _, formats
from app.ui.look import quiet
from app.ui.status_colours import ERROR, status_style

DEFAULT_SHOWN = ("linkedin", "x")


class PlatformCounters(QWidget):
    """'LinkedIn 412 / 3,000 · X 301 / 280'; a menu picks which platforms are counted.
    The draft's own platform is always counted, and shown first."""

    shown_changed = Signal(tuple)  # platform keys the user chose to see

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[str, ...] = DEFAULT_SHOWN
        self.labels: dict[str, QLabel] = {}
        self.counts: dict[str, Count] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for key in PLATFORMS:
            label = QLabel()
            label.setObjectName(f"count_{key}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(_(_HOW[key]))
            self.labels[key] = label
            layout.addWidget(label)
        self.choose = QToolButton()
        self.choose.setObjectName("countPlatformsButton")
        self.choose.setText(_("Count for…"))
        self.choose.setToolTip(_("Choose the platforms whose counts you see"))
        self.choose.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        quiet(self.choose)
        menu = QMenu(self.choose)
        self.actions: dict[str, QAction] = {}
        for key, target in PLATFORMS.items():
            action = QAction(target.name, menu, checkable=True)
            action.toggled.connect(self._toggled)
            menu.addAction(action)
            self.actions[key] = action
        self.choose.setMenu(menu)
        layout.addWidget(self.choose)
        self.set_shown(DEFAULT_SHOWN)

    def shown(self) -> tuple[str, ...]:
        return self._shown

    def set_shown(self, keys: tuple[str, ...] | list[str]) -> None:
        self._shown = tuple(k for k in PLATFORMS if k in keys) or DEFAULT_SHOWN
        for key, action in self.actions.items():
            action.blockSignals(True)
            action.setChecked(key in self._shown)
            action.blockSignals(False)

    def _toggled(self) -> None:
        self._shown = tuple(k for k, a in self.actions.items() if a.isChecked())
        self.shown_changed.emit(self._shown)

    def show_counts(self, primary: str, count: Callable[[str], Count]) -> None:
        """Count for the draft's platform and the chosen ones; hide the others."""
        keys = [primary, *(k for k in self._shown if k != primary)]
        self.counts = {k: count(k) for k in keys}
        layout = self.layout()
        for position, key in enumerate(keys):
            layout.removeWidget(self.labels[key])
            layout.insertWidget(position, self.labels[key])
        for key, label in self.labels.items():
            result = self.counts.get(key)
            label.setVisible(result is not None)
            if result is not None:
                self._paint(label, result, key == primary)

    def _paint(self, label: QLabel, result: Count, primary: bool) -> None:
        name = PLATFORMS[result.platform].name
        number = formats.number
        text = f"{name} {number(result.count)} / {number(result.limit)}"
        if not result.ok:
            over = result.count - result.limit
            # Translators: {count} characters over the platform's limit.
            text += "  " + (_("({count} over)").format(count=number(over)) if over > 0 else "(!)")
        label.setText(text)
        font = label.font()
        font.setBold(primary)
        label.setFont(font)
        problems = " ".join(result.problems)
        label.setToolTip(f"{_(_HOW[result.platform])}\n{problems}".strip())
        if result.ok:
            label.setForegroundRole(
                QPalette.ColorRole.WindowText if primary else QPalette.ColorRole.PlaceholderText
            )
            label.setStyleSheet("")
        else:
            label.setStyleSheet(status_style(ERROR, label.palette()))


_HOW = {
    "linkedin": N_("LinkedIn: up to 3,000 characters."),
    "x": N_("X: 280, weighted: links count 23, emoji and CJK characters count 2."),
    "mastodon": N_("Mastodon: characters, every link counts 23; your server sets the limit."),
    "bluesky": N_("Bluesky: 300 graphemes (what you see as one character), at most 3,000 bytes."),
    "threads": N_("Threads: 500 characters, at most 5 links."),
}
