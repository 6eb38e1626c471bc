"""Planned breaks on the Cadence page: the list (latest first) with "Add break…" and
"Remove", and a banner while today is on one. During a break the presence score is
frozen, streaks skip it and reminders are quiet (docs/CADENCE.md, "Planned breaks")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import N_, _, formats
from app.ui.buttons import named_button
from app.ui.look import quiet

if TYPE_CHECKING:
    from app.planner import Planner
    from app.types import Break
    from app.ui.dialogs.break_dialog import BreakDialog

BreakIdRole = Qt.ItemDataRole.UserRole + 1
EMPTY_TEXT = N_(
    "No breaks planned. Going away? Plan it here: your score and streak wait for you, "
    "and reminders stay quiet."
)
# A soft blue that reads on light and dark backgrounds; the text keeps the palette's.
BANNER_STYLE = (
    "QLabel#breakBanner { background: rgba(70, 120, 220, 0.16);"
    " border: 1px solid rgba(70, 120, 220, 0.5); border-radius: 8px; padding: 8px 12px; }"
)
LIST_ROWS = 5  # the list grows to this many rows, then scrolls


def day_text(day: date, today: date) -> str:
    """'23 Aug', with the year when it is not this year's: '3 Jan 2027'."""
    return formats.day_month(day) if day.year == today.year else formats.day_month_year(day)


def span_text(item: Break) -> str:
    """'13 Jul – 23 Aug 2026' (one day: 'Fri, 2 Oct 2026')."""
    first, last = item.starts_on, item.ends_on
    if first == last:
        return formats.weekday_day_month_year(first)
    start = formats.day_month(first) if first.year == last.year else formats.day_month_year(first)
    # Translators: a break's first and last day, "13 Jul – 23 Aug 2026".
    return _("{start} – {end}").format(start=start, end=formats.day_month_year(last))


def row_text(item: Break, today: date) -> str:
    """'13 Jul – 23 Aug 2026 · Summer holiday · now' (or 'planned', or nothing when past)."""
    parts = [span_text(item)] + [item.note] * bool(item.note)
    if item.starts_on <= today <= item.ends_on:
        # Translators: a planned break that is going on today.
        parts.append(_("now"))
    elif item.starts_on > today:
        # Translators: a break still to come.
        parts.append(_("planned"))
    return " · ".join(parts)


def banner_text(until: date, today: date) -> str:
    return _("On a break until {day}: your score is frozen and reminders are quiet.").format(
        day=day_text(until, today)
    )


class BreaksView(QWidget):
    """The list and its buttons; `banner` is placed by the page (at its top). The page
    calls `show_breaks` with its report's figures, and reads again when breaks change
    (Changes.breaks). Signals: `message(text)`, `failed(text)`."""

    message = Signal(str)
    failed = Signal(str)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._today = planner.clock.now().astimezone(planner.clock.tz()).date()
        self.dialog: BreakDialog | None = None
        self.banner = QLabel()
        self.banner.setObjectName("breakBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.list = QListWidget()
        self.list.setObjectName("breaksList")
        self.list.itemSelectionChanged.connect(self._update_actions)
        self.empty = quiet(QLabel(_(EMPTY_TEXT)))
        self.empty.setWordWrap(True)
        self.add_button = named_button(_("Add break…"), "addBreak", self.add_break)
        self.add_button.setToolTip(_("A holiday, parental leave, an illness: time off posting"))
        self.remove_button = named_button(_("Remove"), "removeBreak", self.remove_break)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._update_actions()

    def show_breaks(self, breaks: Sequence[Break], today: date, until: date | None) -> None:
        """List `breaks` (latest first; the selection kept) and the banner when today
        is on a break lasting `until` (overlapping breaks merged)."""
        self._today = today
        keep = self.selected_id()
        self.list.clear()
        for item in sorted(breaks, key=lambda b: (b.starts_on, b.ends_on), reverse=True):
            row = QListWidgetItem(row_text(item, today))
            row.setData(BreakIdRole, item.id)
            row.setToolTip(
                _("{start} to {end}").format(
                    start=formats.weekday_day_month_year(item.starts_on),
                    end=formats.weekday_day_month_year(item.ends_on),
                )
            )
            self.list.addItem(row)
            if item.id == keep:
                row.setSelected(True)
        self.list.setVisible(bool(breaks))
        self.empty.setVisible(not breaks)
        rows = min(max(len(breaks), 1), LIST_ROWS)
        height = self.list.sizeHintForRow(0) if breaks else 0
        self.list.setFixedHeight(rows * max(height, 18) + 2 * self.list.frameWidth() + 4)
        self.banner.setText(banner_text(until, today) if until else "")
        self.banner.setVisible(until is not None)
        self._update_actions()

    def selected_id(self) -> int | None:
        rows = self.list.selectedItems()
        return int(rows[0].data(BreakIdRole)) if rows else None

    def _update_actions(self) -> None:
        self.remove_button.setEnabled(self.selected_id() is not None)

    def add_break(self) -> None:
        """The dialog, opened (the loop runs on); it plans the break itself."""
        from app.ui.dialogs.break_dialog import BreakDialog

        if self.dialog is not None:
            self.dialog.raise_()
            return
        dialog = BreakDialog(self._planner.cadence, self._today, self)
        dialog.added.connect(self._added)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _added(self, planned: Break) -> None:
        self.message.emit(_("Break planned: {span}.").format(span=span_text(planned)))

    def _closed(self, dialog: BreakDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def remove_break(self) -> None:
        break_id = self.selected_id()
        if break_id is None:
            return
        try:
            removed = self._planner.cadence.remove_break(break_id)
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.message.emit(_("Break removed: {span}.").format(span=span_text(removed)))
