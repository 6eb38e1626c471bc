"""The People page: who is due and overdue (most overdue first), everyone with a search
and a circle filter, and the selected person's details and timeline; gives and asks
overall; add, import, circles and the network review (docs/PEOPLE.md).

The lists hold ids and read rows as they are shown (app/ui/models/people_model.py), so
the page opens and scrolls as quickly with 30,000 people as with thirty. What each
button does is in app/ui/views/people_actions.py."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, formats, ngettext
from app.planner import Planner
from app.types import Changes
from app.ui.buttons import named_button
from app.ui.look import heading, quiet
from app.ui.models.people_model import PeopleModel
from app.ui.page_keys import PEOPLE_PAGE
from app.ui.views.people_actions import PeopleActions
from app.ui.views.people_empty import EmptyPeople
from app.ui.views.people_everyone import EveryoneTab
from app.ui.views.people_lists import PeopleList
from app.ui.views.person_timeline import interval_text
from app.ui.views.person_view import PersonView

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from app.types import Person

DUE, EVERYONE = range(2)
DUE_SHOWN = 500  # the most overdue shown; the rest wait their turn (the count says so)
TIMELINE_SHOWN = 200  # touches on a person's timeline
ITEMS_SHOWN = 5  # their newest items in the inbox


class PeoplePage(QWidget):
    """Reads planner.people; `apply_changes` reads it again when people changed (at once
    when on screen, else when next shown)."""

    draft_requested = Signal(int)  # an item by the person, to credit them in a post
    import_requested = Signal()  # the window's import flow (app/ui/people_import.py)
    message = Signal(str)
    failed = Signal(object)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePage")
        self._planner = planner
        self.people = planner.people
        self._stale = False
        self._day: date | None = None
        self.person_id: int | None = None  # the person shown on the right
        self.commands = PeopleActions(self, planner)
        self.due_model = PeopleModel(self.people, self)
        self.everyone_model = PeopleModel(self.people, self)
        self.due_list = self._list(self.due_model, "dueList", _("People due for a touch"))
        self.everyone_list = self._list(self.everyone_model, "peopleList", _("Everyone"))
        self.person_view = PersonView()
        self._connect_person_view()
        self.empty = EmptyPeople()
        self.empty.add_requested.connect(self.commands.add_person)
        self.empty.import_requested.connect(self.commands.import_people)
        self.body = self._build_body()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.body)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(self._top_row())
        layout.addWidget(self.stack, 1)
        self._shortcuts()
        self._tab_order()
        self.reload()

    def _list(self, model: PeopleModel, name: str, accessible: str) -> PeopleList:
        view = PeopleList(model, self.people.today)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.selectionModel().currentRowChanged.connect(lambda *_a: self._current_changed())
        view.command.connect(self.commands.run)
        return view

    def _connect_person_view(self) -> None:
        view, actions = self.person_view, self.commands
        view.touch_requested.connect(actions.log_touch)
        view.edit_requested.connect(actions.edit_person)
        view.merge_requested.connect(actions.merge_person)
        view.archive_requested.connect(actions.archive_person)
        view.snooze_requested.connect(actions.snooze)
        view.remove_touch_requested.connect(actions.remove_touch)
        view.draft_requested.connect(self.draft_requested)
        view.link_refused.connect(
            lambda link: self.message.emit(
                _("Not opened: “{link}” is not a web link.").format(link=link)
            )
        )

    def _top_row(self) -> QHBoxLayout:
        self.summary = QLabel()
        self.summary.setObjectName("peopleSummary")
        self.summary.setWordWrap(True)
        quiet(self.summary)
        self.add_button = named_button(_("&Add person…"), "addPerson", self.commands.add_person)
        self.add_button.setToolTip(_("Add a person (Ctrl+N)"))
        self.import_button = named_button(
            _("Im&port…"), "importPeople", self.commands.import_people
        )
        self.import_button.setToolTip(_("LinkedIn's Connections.csv or export .zip, or a .vcf"))
        self.circles_button = named_button(
            _("Circle&s…"), "editCircles", self.commands.edit_circles
        )
        self.review_button = named_button(
            _("Revie&w your network…"), "reviewNetwork", self.commands.review
        )
        self.review_button.setToolTip(_("People with no touch in a year and nothing given"))
        top = QHBoxLayout()
        top.addWidget(heading(QLabel(_("People")), 1.5))
        top.addWidget(self.summary, 1)
        for button in (
            self.add_button,
            self.import_button,
            self.circles_button,
            self.review_button,
        ):
            top.addWidget(button)
        return top

    def _build_body(self) -> QSplitter:
        self.everyone_tab = EveryoneTab(self.everyone_list)
        self.everyone_tab.changed.connect(self.apply_filter)
        self.search = self.everyone_tab.search
        self.circle_filter = self.everyone_tab.circle_filter
        self.due_note = QLabel()
        self.due_note.setObjectName("dueNote")
        self.due_note.setWordWrap(True)
        self.due_note.setContentsMargins(8, 4, 8, 4)
        quiet(self.due_note)
        due_page = QWidget()
        due_column = QVBoxLayout(due_page)
        due_column.setContentsMargins(0, 0, 0, 0)
        due_column.addWidget(self.due_list, 1)
        due_column.addWidget(self.due_note)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("peopleTabs")
        self.tabs.setAccessibleName(_("People lists"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(due_page, _("Due"))
        self.tabs.addTab(self.everyone_tab, _("Everyone"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(self.person_view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 560])
        split.setChildrenCollapsible(False)
        return split

    def _shortcuts(self) -> None:
        # The window's while the page shows (a hidden page's shortcuts are off): the
        # keyboard focus may still be on the sidebar after Ctrl+5.
        context = Qt.ShortcutContext.WindowShortcut
        slots = {
            "add_person": self.commands.add_person,
            "log_touch": self.commands.log_touch,
            "edit_person": self.commands.edit_person,
            "search": self.focus_search,
        }
        for entry in PEOPLE_PAGE.keys:  # as Help › Keyboard shortcuts lists them
            for keys in entry.keys:
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slots[entry.command])

    def _tab_order(self) -> None:
        """Tab walks the page as it reads: the buttons on top, the lists, the person."""
        view = self.person_view
        chain = [
            *(self.add_button, self.import_button, self.circles_button, self.review_button),
            *(self.tabs.tabBar(), self.due_list, self.search, self.circle_filter),
            *(self.everyone_list, *view.action_buttons(), view.timeline),
            *(view.draft_button, view.items),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # Reading -----------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """People, touches or circles changed: everything again; only the inbox or the
        posts log: the person shown (their items, the posts behind their touches)."""
        if changes.people:
            self._when_shown(self.reload)
        elif changes.items or changes.item_ids or changes.posts:
            self._when_shown(self.show_person)

    def _when_shown(self, work: Callable[[], object]) -> None:
        if self.isVisible():
            work()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale or self._day != self.people.today():  # a new day moves who is due
            self.reload()
        super().showEvent(event)
        # Ctrl+5, then arrows and T: the keys go to the list, not the sidebar.
        QTimer.singleShot(0, self._focus_list)

    def _focus_list(self) -> None:
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.current_list().setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Read the lists, the counts and the person shown again, keeping the selection
        (or the row it was on, when that person left the list: the next one due)."""
        self._stale = False
        self._day = self.people.today()
        count = self.people.count()
        self.stack.setCurrentWidget(self.body if count else self.empty)
        self._fill_circles()
        view = self.current_list()
        row = view.currentIndex().row()
        self.due_model.set_people(self.people.due(DUE_SHOWN))
        self.everyone_model.reload()
        due, overdue = self.people.due_counts()
        self._show_counts(count, due, overdue)
        self.select(self.person_id, row)

    def _show_counts(self, count: int, due: int, overdue: int) -> None:
        gives, asks = self.people.totals()
        number = formats.number
        parts = [ngettext("{count} person", "{count} people", count).format(count=number(count))]
        parts.append(
            _("{due} due, {overdue} overdue").format(due=number(due), overdue=number(overdue))
            if due
            else _("nobody due")
        )
        parts.append(
            ngettext(
                "you gave {gives} time, asked {asks}", "you gave {gives} times, asked {asks}", gives
            ).format(gives=number(gives), asks=number(asks))
        )
        self.summary.setText(" · ".join(parts) if count else "")  # or the empty state
        self.summary.setToolTip(
            _("Gives are credits, thanks, help and comments; give before you ask.")
        )
        self.tabs.setTabText(DUE, _("Due · {count}").format(count=number(due)))
        self._everyone_tab_text()
        shown = self.due_model.total()
        note = ""
        if due > shown:
            note = _(
                "The {shown} most overdue of {due}: log a touch or snooze to see the rest."
            ).format(shown=number(shown), due=number(due))
        elif not due:
            note = _("Nobody is due: everyone has had a touch in time.")
        self.due_note.setText(note)
        self.due_note.setVisible(bool(self.due_note.text()))

    def _fill_circles(self) -> None:
        self.circles = self.people.circles()
        if self.everyone_tab.fill_circles(self.circles):  # the circle chosen was removed
            self.everyone_model.set_query(self.search.text().strip(), None)

    def apply_filter(self) -> None:
        """List everyone matching the search in the chosen circle."""
        self.everyone_model.set_query(*self.everyone_tab.query())
        self._everyone_tab_text()
        if self.tabs.currentIndex() == EVERYONE:
            self.select(self.person_id, 0)

    def _everyone_tab_text(self) -> None:
        total = formats.number(self.everyone_model.total())
        self.tabs.setTabText(EVERYONE, _("Everyone · {count}").format(count=total))

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(EVERYONE)
        self.search.setFocus()
        self.search.selectAll()

    # Selecting ---------------------------------------------------------------------

    def current_list(self) -> PeopleList:
        return self.due_list if self.tabs.currentIndex() == DUE else self.everyone_list

    def select(self, person_id: int | None, fallback_row: int = 0) -> None:
        """Select `person_id` in the list shown if it is there, else the row
        `fallback_row` (or the last); show whoever is selected."""
        view = self.current_list()
        model = view.model()
        assert isinstance(model, PeopleModel)
        row = model.row_of(person_id) if person_id is not None else None
        if row is None and model.total():
            row = min(max(fallback_row, 0), model.total() - 1)
            model.row_of(model.person_id(row))  # exposes rows down to it
        if row is None:
            view.selectionModel().clear()
            self._current_changed()
            return
        view.selectionModel().setCurrentIndex(
            model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view.scrollTo(model.index(row))
        self._current_changed()

    def select_in_everyone(self, person_id: int) -> None:
        """Show `person_id` on the Everyone tab, clearing a filter that hides them."""
        self.tabs.setCurrentIndex(EVERYONE)
        if self.everyone_model.row_of(person_id) is None:
            self.search.clear()
            self.circle_filter.setCurrentIndex(0)
            self.apply_filter()
        self.select(person_id)

    def _tab_changed(self) -> None:
        """The other list: its selection, or the same person if listed there."""
        if self.current_list().currentIndex().isValid():
            self._current_changed()
        else:
            self.select(self.person_id)

    def _current_changed(self) -> None:
        index = self.current_list().currentIndex()
        model = self.current_list().model()
        assert isinstance(model, PeopleModel)
        self.person_id = model.person_id(index.row()) if index.isValid() else None
        self.show_person()

    def selected(self) -> Person | None:
        """The person shown, as stored now."""
        if self.person_id is None:
            return None
        from app.errors import NotFoundError

        try:
            return self.people.get(self.person_id)
        except NotFoundError:
            return None

    def show_person(self) -> None:
        """The selected person's details, timeline and newest items, read now."""
        person = self.selected()
        if person is None:
            self.person_view.show_person(None)
            return
        today = self.people.today()
        circle = next((c for c in self.circles if c.id == person.circle_id), None)
        interval = interval_text(person, *(circle[2:] if circle else (0, 0)))
        item_ids = self.people.items_by(person.id, ITEMS_SHOWN)
        rows = self._planner.inbox.rows(item_ids) if item_ids else {}
        self.person_view.show_person(
            person,
            today,
            self.people.touches(person.id, TIMELINE_SHOWN),
            [rows[i] for i in item_ids if i in rows],
            interval,
        )
