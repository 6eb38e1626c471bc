"""The sidebar card: this week's posts against the weekly target; a click opens Cadence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.types import WeekProgress
from app.ui.formatting import posts_this_week
from app.ui.look import heading, quiet
from app.ui.qt_values import KEY_ENTER, KEY_RETURN, KEY_SPACE, STRONG_FOCUS
from app.ui.views.rounded import ROLE, brush_of, paint_panel

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPaintEvent

    from app.cadence.reminders import Reminder


class WeekBar(QWidget):
    """A thin rounded bar: how much of the week's target is done."""

    CHUNK = (0x1F, 0x8A, 0x70)  # green, legible on light and dark

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(6)
        self._value, self._maximum = 0, 1
        self._chunk = brush_of(*self.CHUNK)

    def setRange(self, minimum: int, maximum: int) -> None:
        self._maximum = max(1, maximum - minimum)
        self.update()

    def setValue(self, value: int) -> None:
        self._value = max(0, min(value, self._maximum))
        self.update()

    def value(self) -> int:
        return self._value

    def maximum(self) -> int:
        return self._maximum

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        track = QRectF(self.rect())
        paint_panel(painter, track, 3, self.palette().brush(ROLE.Midlight))
        if self._value:
            done = QRectF(track.x(), track.y(), track.width() * self._value / self._maximum, 6)
            paint_panel(painter, done, 3, self._chunk)
        painter.end()


class CadenceCard(QFrame):
    """'1 of 3 posts this week', a bar, and what is left to do."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cadenceCard")
        self.setToolTip(_("Your cadence: score, streak, plan and posts log"))
        # A button for the keyboard and screen readers too: Tab reaches it, Enter or
        # Space opens Cadence, and it reads out the week (setProperty: no Qt namespace
        # on the way to the first paint, see app.ui.qt_values).
        self.setProperty("focusPolicy", STRONG_FOCUS)
        self.setAccessibleName(_("This week"))
        # Translators: the caption of the sidebar's card, shown in capitals.
        caption = QLabel(_("THIS WEEK"))
        caption.setObjectName("cardCaption")
        heading(caption, 8 / 9)
        small = caption.font()
        small.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.0)
        caption.setFont(small)
        quiet(caption)
        self.headline = QLabel()
        self.headline.setObjectName("cadenceLabel")
        self.headline.setWordWrap(True)
        heading(self.headline, 13 / 9)
        self.bar = WeekBar()
        self.detail = QLabel()
        self.detail.setObjectName("cadenceDetail")
        self.detail.setWordWrap(True)
        quiet(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(caption)
        layout.addWidget(self.headline)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        edge = palette.brush(ROLE.Highlight if self.hasFocus() else ROLE.Mid)
        paint_panel(
            painter, rect, 10, palette.brush(ROLE.Base), edge, 2.0 if self.hasFocus() else 1.0
        )
        painter.end()

    def show_progress(self, progress: WeekProgress, on_break: bool = False) -> None:
        """The week's posts; `on_break`: today is on a planned break, so no nudge."""
        self.headline.setText(posts_this_week(progress.posts, progress.target))
        self.bar.setRange(0, max(1, progress.target))
        self.bar.setValue(min(progress.posts, progress.target))
        left = progress.target - progress.posts
        if on_break:
            self.detail.setText(_("On a break: your score and streak wait for you."))
        elif left > 0:
            self.detail.setText(
                ngettext(
                    "{count} more to keep your presence steady.",
                    "{count} more to keep your presence steady.",
                    left,
                ).format(count=left)
            )
        else:
            self.detail.setText(_("Target met. Well dug."))
        self.setAccessibleDescription(f"{self.headline.text()} {self.detail.text()}")

    def show_reminder(self, reminder: Reminder) -> None:
        """Where there is no tray: the reminder stays on the card until the next update."""
        self.detail.setText(reminder.message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (KEY_RETURN, KEY_ENTER, KEY_SPACE):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()  # the edge shows where the focus is
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
