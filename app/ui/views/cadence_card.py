"""The sidebar card: this week's posts against the weekly target; a click opens Cadence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.types import WeekProgress
from app.ui.formatting import posts_this_week

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent

    from app.cadence.reminders import Reminder


class CadenceCard(QFrame):
    """'1 of 3 posts this week', a bar, and what is left to do."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cadenceCard")
        self.setToolTip("Your cadence: score, streak, plan and posts log")
        caption = QLabel("THIS WEEK")
        caption.setObjectName("cardCaption")
        self.headline = QLabel()
        self.headline.setObjectName("cadenceLabel")
        self.headline.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.detail = QLabel()
        self.detail.setObjectName("cadenceDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(caption)
        layout.addWidget(self.headline)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)

    def show_progress(self, progress: WeekProgress) -> None:
        self.headline.setText(posts_this_week(progress.posts, progress.target))
        self.bar.setRange(0, max(1, progress.target))
        self.bar.setValue(min(progress.posts, progress.target))
        left = progress.target - progress.posts
        if left > 0:
            self.detail.setText(f"{left} more to keep your presence steady.")
        else:
            self.detail.setText("Target met. Well dug.")

    def show_reminder(self, reminder: Reminder) -> None:
        """Where there is no tray: the reminder stays on the card until the next update."""
        self.detail.setText(reminder.message)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
