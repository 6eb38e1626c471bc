"""The People page's lists (who is due, everyone): two painted lines per person, their
keep-warm state in colour, and single-key commands (docs/PEOPLE.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from app.i18n import _, formats
from app.people.circle_names import circle_label
from app.people.keep_warm import due_text, last_touch_text, status
from app.ui.models.people_model import PersonRole
from app.ui.page_keys import PEOPLE_LISTS
from app.ui.status_colours import ERROR, WARNING, status_colour

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QKeyEvent, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from app.types import Person
    from app.ui.models.people_model import PeopleModel

_PAD_X, _PAD_Y, _GAP = 12, 7, 3
# The keep-warm states in the colours of a state needing attention (their words say it too).
_STATES = {"overdue": ERROR, "due": WARNING}
# Keys of the lists (plain, no modifier): what they ask of the page, from the table Help ›
# Keyboard shortcuts lists (Enter as Return). By value: a key code that is no Qt.Key
# member (a dead key) must not raise.
_KEYS = {
    QKeySequence(name)[0].key().value: entry.command
    for entry in PEOPLE_LISTS.keys
    for name in (*entry.keys, *(("Enter",) if "Return" in entry.keys else ()))
}


def state_colour(state: str, palette: QPalette) -> QColor | None:
    """The colour of a keep-warm state ("overdue", "due") on this palette; None: the
    quiet text colour."""
    shown = _STATES.get(state)
    return status_colour(shown, palette) if shown else None


def person_line(person: Person, today: date) -> str:
    """The second line of a row: 'Company · Circle · last touch 5 months ago'."""
    parts = (person.company, circle_label(person.circle), last_touch_text(person, today))
    return " · ".join(p for p in parts if p)


class PeopleDelegate(QStyledItemDelegate):
    """Name in semi-bold with the state on the right ('overdue by 12 days'), then
    company, circle and the last touch in the quiet tone."""

    def __init__(self, today: Callable[[], date], view: QAbstractItemView) -> None:
        super().__init__(view)
        self._today = today
        self._view = view

    @staticmethod
    def fonts(font: QFont) -> tuple[QFont, QFont]:
        name = QFont(font)
        name.setWeight(QFont.Weight.DemiBold)
        meta = QFont(font)
        meta.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return name, meta

    @classmethod
    def row_height(cls, font: QFont) -> int:
        name, meta = cls.fonts(font)
        return QFontMetrics(name).height() + QFontMetrics(meta).height() + 2 * _PAD_Y + _GAP

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(240, self.row_height(option.font))

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # painted by `paint`, in two styles

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)  # background, selection, focus
        person = index.data(PersonRole)
        if person is None:
            return
        today = self._today()
        selected = self._view.selectionModel().isSelected(index)
        palette = option.palette
        roles = QPalette.ColorRole
        text = palette.color(roles.HighlightedText if selected else roles.Text)
        quiet = text if selected else palette.color(roles.PlaceholderText)
        name_font, meta_font = self.fonts(option.font)
        name_metrics, meta_metrics = QFontMetrics(name_font), QFontMetrics(meta_font)
        rect = option.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        state = status(person, today)
        when = due_text(person, today) if state in ("due", "overdue") else ""
        if person.snoozed_until and person.snoozed_until > today:
            until = formats.day_month(person.snoozed_until)
            when = _("snoozed until {date}").format(date=until)
        when_width = meta_metrics.horizontalAdvance(when) + _PAD_X if when else 0
        painter.save()
        top = QRect(rect.left(), rect.top(), rect.width() - when_width, name_metrics.height())
        painter.setFont(name_font)
        painter.setPen(text)
        name = name_metrics.elidedText(person.name, Qt.TextElideMode.ElideRight, top.width())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(meta_font)
        if when:
            colour = None if selected else state_colour(state, palette)
            painter.setPen(colour or quiet)
            right = QRect(rect.left(), rect.top(), rect.width(), name_metrics.height())
            painter.drawText(
                right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when
            )
        painter.setPen(quiet)
        line = meta_metrics.elidedText(
            person_line(person, today), Qt.TextElideMode.ElideRight, rect.width()
        )
        below = QRect(
            rect.left(), rect.top() + name_metrics.height() + _GAP, rect.width(),
            meta_metrics.height(),
        )  # fmt: skip
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()


class PeopleList(QTableView):
    """A one-column table of people (a table with fixed row heights pages in rows
    without laying every row out again: see app/ui/views/item_list.py). Keys while it
    has the focus: T log a touch, E/F2/Enter edit, Delete archive, S snooze; each is
    `command(name)`."""

    command = Signal(str)

    def __init__(
        self, model: PeopleModel, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(PeopleDelegate(today, self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(PeopleDelegate.row_height(self.font()))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def keyboardSearch(self, search: str) -> None:
        """Letters are commands here, not a jump to a name (the search box finds)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        name = _KEYS.get(event.key())
        if name and mods == Qt.KeyboardModifier.NoModifier:
            self.command.emit(name)
            return
        super().keyPressEvent(event)
