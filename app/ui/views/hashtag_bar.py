"""Hashtags of the draft's theme that are not in the text yet, one click to add each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _
from app.ui.look import quiet

MAX_SHOWN = 8


class HashtagBar(QWidget):
    """'Hashtags: #DevEx #SRE' as flat buttons; emits `chosen(tag)`."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.caption = quiet(QLabel(_("Add a hashtag:")))
        self._layout.addWidget(self.caption)
        self.buttons: list[QPushButton] = []
        self._layout.addStretch(1)

    def show_tags(self, tags: list[str], text: str) -> None:
        """Offer the theme's tags that `text` does not already hold."""
        present = {word.lower().rstrip(".,;:!?") for word in text.split()}
        offered = [t for t in tags if t.lower() not in present][:MAX_SHOWN]
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for position, tag in enumerate(offered, start=1):
            button = QPushButton(tag)
            button.setFlat(True)
            button.setObjectName("hashtagButton")
            button.setToolTip(_("Add {tag} to the end of the post").format(tag=tag))
            button.clicked.connect(lambda _checked=False, t=tag: self.chosen.emit(t))
            self._layout.insertWidget(position, button)
            self.buttons.append(button)
        self.setVisible(bool(offered))


def with_hashtag(text: str, tag: str) -> str:
    """The text with `tag` added to its closing hashtag line (or a new one)."""
    body = text.rstrip()
    last = body.rsplit("\n", 1)[-1]
    words = last.split()
    if words and all(w.startswith("#") for w in words):
        return f"{body} {tag}"
    return f"{body}\n\n{tag}" if body else tag
