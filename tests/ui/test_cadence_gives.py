"""The Cadence page shows this month's gives, to whom, and gives against asks
(docs/PEOPLE.md, "Give before you ask"); it reads them again when people change."""

from datetime import date, timedelta

from app.ui.sidebar import CADENCE
from app.ui.views.gives_card import balance_text, month_bounds, month_text, names_text


def _gives(window):
    window.nav.setCurrentRow(CADENCE)
    return window.cadence_page.gives


def test_the_month_by_kind_newest_names_first_and_the_balance(qtbot, open_window, planner):
    people = planner.people
    today = people.today()  # Monday 23 November 2026
    priya, sam, ada = (people.add(n) for n in ("Priya Raman", "Sam Rivera", "Ada Byrne"))
    people.touch(priya.id, "credited", on=today - timedelta(days=20))
    people.touch(sam.id, "thanked", on=today - timedelta(days=3))
    people.touch(priya.id, "credited", on=today - timedelta(days=1))
    people.touch(ada.id, "helped", on=today)
    people.touch(ada.id, "credited", on=date(2026, 10, 31))  # last month
    people.touch(sam.id, "asked", on=today)
    people.touch(sam.id, "talked", on=today)  # neither a give nor an ask

    gives = _gives(open_window(planner, demo=False))
    assert gives.month.text() == "This month you gave 4: credited 2, thanked 1, helped 1."
    assert gives.names.text() == "To Ada Byrne, Priya Raman ×2 and Sam Rivera."
    assert gives.balance.text() == "Give before you ask: 5 gives, 1 ask."


def test_a_touch_logged_anywhere_reaches_the_card(qtbot, open_window, planner):
    gives = _gives(open_window(planner, demo=False))
    assert gives.month.text().startswith("No gives yet this month")
    assert gives.names.isHidden()
    assert gives.balance.text() == "Give before you ask: 0 gives, 0 asks."
    person = planner.people.add("Priya Raman")
    planner.people.touch(person.id, "thanked")  # announces Changes(people=True)
    qtbot.waitUntil(lambda: gives.month.text() == "This month you gave 1: thanked 1.")
    assert gives.names.text() == "To Priya Raman." and gives.names.isVisible()


def test_the_demo_shows_its_gives(qtbot, open_window, demo_planner):
    gives = _gives(open_window(demo_planner))
    assert gives.month.text() == "This month you gave 1: thanked 1."
    assert gives.names.text() == "To Amara Nwosu."
    given, asked = demo_planner.people.totals()
    assert gives.balance.text() == f"Give before you ask: {given} gives, {asked} ask."


def test_the_wording():
    assert month_bounds(date(2026, 12, 31)) == (date(2026, 12, 1), date(2027, 1, 1))
    assert month_bounds(date(2026, 2, 1)) == (date(2026, 2, 1), date(2026, 3, 1))
    day = date(2026, 11, 2)
    many = [(f"Person {i}", "commented", day) for i in range(8)]
    assert month_text(many) == "This month you gave 8: commented 8."
    assert names_text(many) == "To Person 0, Person 1, Person 2, Person 3, Person 4 and 3 more."
    assert balance_text(2, 5) == (
        "Give before you ask: 2 gives, 5 asks. A credit or a thank-you evens it out."
    )
    assert balance_text(1204, 1) == "Give before you ask: 1,204 gives, 1 ask."
