"""The people lists' model: it holds ids from one query and reads rows in small windows
as they are shown, so 30,000 people cost one query of ids and a screenful of rows
(docs/PEOPLE.md, "Speed, size, safety")."""

from datetime import date
from time import perf_counter

from PySide6.QtCore import QModelIndex

from app.store import people as people_q
from app.ui.models.people_model import PeopleModel, PersonIdRole, PersonRole
from app.ui.qt_values import DISPLAY_ROLE

NAMES = ("Ada Quill", "Ben Ortiz", "Cy Marlow", "Dana Whit", "Eli Brant")


class CountingPeople:
    """planner.people, counting the rows it is asked for."""

    def __init__(self, people):
        self._people = people
        self.rows_read: list[int] = []

    def ids(self, search="", circle_id=None):
        return self._people.ids(search, circle_id)

    def rows(self, ids):
        self.rows_read.append(len(ids))
        return self._people.rows(ids)


def _many(db, count: int) -> None:
    """`count` made-up people in the widest circle, straight through the store."""
    rows = [
        {"name": f"Person {i:05d}", "company": "Brightwater", "circle_id": 3} for i in range(count)
    ]
    with db.transaction() as tx:
        ids = people_q.insert_people(tx, rows, date(2026, 1, 1))
        people_q.refresh_people(tx, ids)


def test_a_search_and_a_circle_narrow_the_list(planner):
    people = planner.people
    for name in NAMES:
        people.add(name, company="Lumen Labs" if name.startswith("B") else "Brightwater")
    close = people.circle_named("Close").id
    people.add("Fay Lumen", circle=close)
    model = PeopleModel(people)
    model.set_query()
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == [*NAMES, "Fay Lumen"]
    model.set_query("lumen")  # a company or a name
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == [
        "Ben Ortiz",
        "Fay Lumen",
    ]
    model.set_query("lumen", close)
    assert model.total() == 1 and model.data(model.index(0), PersonRole).circle == "Close"
    model.set_query("nobody here")
    assert model.rowCount() == 0 and model.person(0) is None


def test_rows_are_read_a_window_at_a_time_and_exposed_in_batches(db, planner):
    _many(db, 3000)
    counting = CountingPeople(planner.people)
    model = PeopleModel(counting)
    model.set_query()
    assert model.total() == 3000
    assert model.rowCount() == 500  # exposed so far; more as the view scrolls
    assert counting.rows_read == [60]  # the first screenful, with the ids
    assert model.data(model.index(10)) == "Person 00010"
    assert counting.rows_read == [60]  # already read
    assert model.data(model.index(400)) == "Person 00400"
    assert counting.rows_read == [60, 60]  # one window around the row
    assert model.data(model.index(399), PersonIdRole) == model.person_id(399)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000
    assert model.row_of(model.person_id(2999)) == 2999  # exposes rows down to it
    assert model.rowCount() == 3000 and not model.canFetchMore(QModelIndex())


def test_a_fixed_list_keeps_its_order_and_drops_who_left(planner):
    people = planner.people
    added = [people.add(name) for name in NAMES]
    model = PeopleModel(people)
    model.set_people(list(reversed(added)))
    assert model.query() is None
    assert [model.data(model.index(r)) for r in range(5)] == list(reversed(NAMES))
    people.delete(added[1].id)
    model.reload()
    assert model.total() == 4 and model.row_of(added[1].id) is None
    assert model.data(model.index(0), DISPLAY_ROLE) == "Eli Brant"


def test_thirty_thousand_people_open_in_one_query_and_a_screenful(db, planner):
    """The People page's budget is 200 ms to open: the model's share is the ids and the
    first rows (the benchmark, bench/people.py, times the whole page)."""
    _many(db, 30_000)
    counting = CountingPeople(planner.people)
    model = PeopleModel(counting)
    start = perf_counter()
    model.set_query()
    for row in range(30):
        model.data(model.index(row), PersonRole)
    took = perf_counter() - start
    assert model.total() == 30_000 and counting.rows_read == [60]
    assert took < 0.2
    model.set_query("person 2999")  # every word, anywhere: 02999, 12999, 22999, 29990…
    assert model.total() == 13
