"""A list of people as a list model that holds person ids and reads rows lazily, so the
People page opens and scrolls as fast with 30,000 people as with thirty
(docs/PEOPLE.md, "Speed, size, safety")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex

from app.people.circle_names import circle_label
from app.ui.qt_values import DISPLAY_ROLE, TOOLTIP_ROLE, USER_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    from app.people.service import PeopleService
    from app.types import Person

    _Index = QModelIndex | QPersistentModelIndex

PersonRole = USER_ROLE + 1  # the Person record of a row
PersonIdRole = USER_ROLE + 2

_BATCH = 500  # rows exposed per fetchMore
_ROWS_READ = 60  # rows read per cache miss: a screenful or two (~15 us a row)
_ROWS_KEPT = 5000  # rows cached before the cache starts again (memory stays small)


class PeopleModel(QAbstractListModel):
    """Either everyone matching a search in a circle (`set_query`: only the ids are read,
    one indexed query; rows are read in windows as they are shown) or a list already
    read (`set_people`, the due list)."""

    def __init__(self, people: PeopleService, parent: Any = None) -> None:
        super().__init__(parent)
        self._people = people
        self._query: tuple[str, int | None] | None = ("", None)  # None: a fixed list
        self._ids: list[int] = []
        self._rows: dict[int, Person] = {}
        self._exposed = 0

    # Filling --------------------------------------------------------------------

    def set_query(self, search: str = "", circle_id: int | None = None) -> None:
        """List everyone matching `search` in `circle_id` (None: every circle), by name."""
        self._query = (search, circle_id)
        self.reload()

    def set_people(self, people: list[Person]) -> None:
        """List exactly these people, in this order."""
        self._query = None
        self._fill([p.id for p in people], {p.id: p for p in people})

    def query(self) -> tuple[str, int | None] | None:
        return self._query

    def reload(self) -> None:
        """Read the ids again (a query's) and the rows shown first; a fixed list reads its
        people again, dropping those who left."""
        if self._query is None:
            rows = self._people.rows(self._ids)
            self._fill([p.id for p in rows], {p.id: p for p in rows})
            return
        ids = self._people.ids(*self._query)
        first = self._people.rows(ids[:_ROWS_READ])
        self._fill(ids, {p.id: p for p in first})

    def _fill(self, ids: list[int], rows: dict[int, Person]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows = rows
        self._exposed = min(len(ids), _BATCH)
        self.endResetModel()

    # Reading --------------------------------------------------------------------

    def total(self) -> int:
        """How many people the list holds (not only those exposed so far)."""
        return len(self._ids)

    def ids(self) -> list[int]:
        return list(self._ids)

    def person_id(self, row: int) -> int:
        return self._ids[row]

    def person(self, row: int) -> Person | None:
        if not 0 <= row < len(self._ids):
            return None
        person_id = self._ids[row]
        cached = self._rows.get(person_id)
        if cached is None:
            if len(self._rows) > _ROWS_KEPT:
                self._rows.clear()
            start = max(0, row - _ROWS_READ // 4)  # a little above too: scrolling up
            window = [i for i in self._ids[start : start + _ROWS_READ] if i not in self._rows]
            self._rows.update((p.id, p) for p in self._people.rows(window))
            cached = self._rows.get(person_id)
        return cached

    def row_of(self, person_id: int) -> int | None:
        """The row of `person_id`, exposing rows down to it; None if not listed."""
        try:
            row = self._ids.index(person_id)
        except ValueError:
            return None
        if row >= self._exposed:
            self.beginInsertRows(QModelIndex(), self._exposed, row)
            self._exposed = row + 1
            self.endInsertRows()
        return row

    def forget(self, person_ids: list[int]) -> None:
        """Read these people's rows again when next shown (they changed)."""
        for person_id in person_ids:
            self._rows.pop(person_id, None)
        if self._exposed:
            self.dataChanged.emit(self.index(0), self.index(self._exposed - 1))

    # Qt's model interface ---------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._exposed

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._exposed < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exposed >= len(self._ids):
            return
        more = min(len(self._ids) - self._exposed, _BATCH)
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + more - 1)
        self._exposed += more
        self.endInsertRows()

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._exposed:
            return None
        if role == PersonIdRole:
            return self._ids[index.row()]
        if role not in (DISPLAY_ROLE, TOOLTIP_ROLE, PersonRole):
            return None
        person = self.person(index.row())
        if person is None:
            return None
        if role == PersonRole:
            return person
        if role == TOOLTIP_ROLE:
            return " · ".join(
                p for p in (person.name, person.company, circle_label(person.circle)) if p
            )
        return person.name
