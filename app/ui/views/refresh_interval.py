"""The feeds page's last row: refresh automatically every N minutes while Digwell is
open, or not at all; kept by the feeds service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from app.i18n import _, ngettext
from app.planner import Planner


class RefreshInterval(QWidget):
    """Saves the interval the user sets; `interval_changed(minutes)` (0: off) and
    `message(text)` after it changed."""

    interval_changed = Signal(int)
    message = Signal(str)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.auto = QCheckBox(_("Refresh automatically every"))
        self.auto.setObjectName("autoRefresh")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("refreshMinutes")
        self.minutes.setAccessibleName(_("Minutes between refreshes"))
        self.minutes.setRange(*planner.feeds.refresh_minutes_range)
        self.minutes.setSingleStep(15)
        # Translators: shown after the number of minutes, with its leading space.
        self.minutes.setSuffix(_(" minutes"))
        self.auto.toggled.connect(self._edited)
        self.minutes.editingFinished.connect(self._edited)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.auto)
        row.addWidget(self.minutes)
        row.addWidget(QLabel(_("while Digwell is open")))
        row.addStretch(1)
        self.show_minutes(planner.feeds.refresh_minutes())

    def show_minutes(self, minutes: int) -> None:
        """Show the interval (0: off) without saving it."""
        self.auto.blockSignals(True)
        self.auto.setChecked(minutes > 0)
        self.auto.blockSignals(False)
        self.minutes.setValue(minutes if minutes > 0 else 60)
        self.minutes.setEnabled(minutes > 0)

    def _edited(self, *_args) -> None:
        minutes = self.minutes.value() if self.auto.isChecked() else 0
        self.minutes.setEnabled(self.auto.isChecked())
        if minutes == self._planner.feeds.refresh_minutes():
            return
        self._planner.feeds.set_refresh_minutes(minutes)
        self.interval_changed.emit(self._planner.feeds.refresh_minutes())
        self.message.emit(
            ngettext(
                "Refreshing every {count} minute while Digwell is open.",
                "Refreshing every {count} minutes while Digwell is open.",
                minutes,
            ).format(count=minutes)
            if minutes
            else _("Automatic refresh is off; press F5 to refresh.")
        )
