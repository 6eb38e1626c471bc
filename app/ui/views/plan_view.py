"""The posting plan: the next four weeks' slots, what is planned into each, overdue
drafts; plan an open draft into a slot, take it out, export the plan to a calendar."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.cadence.schedule import days_text
from app.compose.platforms import PLATFORMS
from app.errors import DigwellError
from app.i18n import _, formats, ngettext
from app.planner import Planner
from app.types import Draft

if TYPE_CHECKING:
    from app.cadence.service import CadenceService

SLOT_ROLE = Qt.ItemDataRole.UserRole  # the slot's time (aware UTC)
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1  # the planned draft's id, or None


class PlanView(QWidget):
    """Slots as rows; a planned draft is a child row of its slot."""

    open_draft = Signal(int)
    schedule_requested = Signal()
    changed = Signal()  # something was planned or taken out
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.heading = QLabel()
        self.heading.setObjectName("planHeading")
        change = QPushButton(_("Change…"))
        change.setToolTip(_("Posting days, time and reminders"))
        change.clicked.connect(self.schedule_requested)
        self.export_button = QPushButton(_("Export to calendar…"))
        self.export_button.setToolTip(_("An .ics file your calendar app can import"))
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(change)
        top.addWidget(self.export_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("planTree")
        self.tree.setAccessibleName(_("Posting slots and the drafts planned into them"))
        self.tree.setHeaderLabels([_("When"), _("Planned")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 190)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self._activate())
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())

        self.plan_button = QPushButton(_("Plan a draft here…"))
        self.plan_button.clicked.connect(self.plan_into_selected)
        self.open_button = QPushButton(_("Open draft"))
        self.open_button.clicked.connect(self._activate)
        self.unplan_button = QPushButton(_("Take out of the plan"))
        self.unplan_button.clicked.connect(self.unplan_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.unplan_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.reload()

    @property
    def book(self) -> CadenceService:
        return self._planner.cadence

    def reload(self) -> None:
        schedule = self.book.schedule()
        days = days_text(schedule.days)
        at = formats.time_of_day(schedule.at)
        if days:
            # Translators: {days} is a list of short day names ("Tue, Wed, Thu").
            heading = _("Posting on {days} at {time}, the next four weeks:")
        else:
            heading = _("Posting every day at {time}, the next four weeks:")
        self.heading.setText(heading.format(days=days, time=at))
        tz = self._planner.clock.tz()
        self.tree.clear()
        for draft in self.book.overdue():
            assert draft.planned_for is not None
            overdue = _("Overdue: {draft}").format(draft=_describe(draft))
            row = self._row(draft.planned_for, overdue, draft.id)
            row.setForeground(1, self.palette().link())
            self.tree.addTopLevelItem(row)
        for slot in self.book.slots():
            local = slot.at.astimezone(tz)
            when = formats.weekday_day_month_time(local)
            if not slot.scheduled:
                # Translators: {when} is a slot's day and time ("Tue 3 Nov, 09:00").
                when = _("{when} (off schedule)").format(when=when)
            if not slot.drafts:
                self.tree.addTopLevelItem(self._row(slot.at, _("free"), None, when))
                continue
            for draft in slot.drafts:
                self.tree.addTopLevelItem(self._row(slot.at, _describe(draft), draft.id, when))
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def _row(
        self, at: datetime, what: str, draft_id: int | None, when: str = ""
    ) -> QTreeWidgetItem:
        tz = self._planner.clock.tz()
        row = QTreeWidgetItem([when or formats.weekday_day_month_time(at.astimezone(tz)), what])
        row.setData(0, SLOT_ROLE, at)
        row.setData(0, DRAFT_ROLE, draft_id)
        if draft_id is None:
            row.setForeground(1, self.palette().placeholderText())
        return row

    def selected(self) -> tuple[datetime | None, int | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        return item.data(0, SLOT_ROLE), item.data(0, DRAFT_ROLE)

    def _update_buttons(self) -> None:
        at, draft_id = self.selected()
        self.plan_button.setEnabled(at is not None)
        self.open_button.setEnabled(draft_id is not None)
        self.unplan_button.setEnabled(draft_id is not None)

    def _activate(self) -> None:
        _at, draft_id = self.selected()
        if draft_id is not None:
            self.open_draft.emit(draft_id)
        else:
            self.plan_into_selected()

    def plan_into_selected(self) -> None:
        """Ask which open draft goes into the selected slot."""
        at, _draft_id = self.selected()
        if at is None:
            return
        candidates = self._planner.drafting.drafts(("draft", "planned"))
        if not candidates:
            self.message.emit(_("No open drafts to plan: draft a post from the inbox first."))
            return
        labels = [f"{d.title} ({_platform(d)}, #{d.id})" for d in candidates]
        tz = self._planner.clock.tz()
        when = formats.weekday_day_month_time(at.astimezone(tz))
        choice, ok = QInputDialog.getItem(
            self, _("Plan a draft"), _("Post on {when}:").format(when=when), labels, 0, False
        )
        if ok and choice in labels:
            self.plan(candidates[labels.index(choice)].id, at)

    def plan(self, draft_id: int, at: datetime | None) -> None:
        try:
            draft = self.book.plan_draft(draft_id, at)
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.reload()
        self.changed.emit()
        self.message.emit(_("Planned “{title}”.").format(title=draft.title))

    def unplan_selected(self) -> None:
        _at, draft_id = self.selected()
        if draft_id is None:
            return
        try:
            self._planner.drafting.set_draft_state(draft_id, "draft")
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.reload()
        self.changed.emit()
        self.message.emit(_("Taken out of the plan; the draft is still in your drafts."))

    def export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the plan"), "digwell-plan.ics", _("iCalendar (*.ics)")
        )
        if not path:
            return
        try:
            events = self.book.export_ical(path)
        except DigwellError as err:
            self.failed.emit(str(err))
            return
        self.message.emit(
            ngettext(
                "Saved {count} posting slot to {path}: import it in your calendar.",
                "Saved {count} posting slots to {path}: import it in your calendar.",
                events,
            ).format(count=formats.number(events), path=path)
        )


def _platform(draft: Draft) -> str:
    return PLATFORMS[draft.platform].name if draft.platform in PLATFORMS else draft.platform


def _describe(draft: Draft) -> str:
    return f"{_platform(draft)}: {draft.title}"
