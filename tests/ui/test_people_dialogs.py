"""The People page's other dialogs and its empty state: the letters of the touch dialog,
merging by type-ahead, the network review, the circles and snoozing until a day
(docs/PEOPLE.md)."""

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from app.cadence.post_fields import PostInput
from app.ui.dialogs.circles_dialog import IDEAL, NAME, CirclesDialog
from app.ui.dialogs.merge_dialog import MergeDialog
from app.ui.dialogs.review_dialog import ReviewDialog
from app.ui.dialogs.touch_dialog import KIND_KEYS, TouchDialog
from app.ui.views.people_actions import SnoozeDialog
from app.ui.views.people_page import PeoplePage


@pytest.fixture
def people(planner):
    return planner.people


def test_each_letter_picks_its_kind_and_a_post_can_be_named(qtbot, planner, people):
    ada = people.add("Ada Quill")
    post = planner.cadence.log.add(
        PostInput(
            datetime(2026, 11, 20, 9, tzinfo=timezone.utc), "linkedin", "credit", None, "",
            "Ada Quill's talk on paved roads is the best hour you'll spend this week",
        )
    )  # fmt: skip
    dialog = TouchDialog(people, ada, planner.cadence.log.list(5))
    qtbot.addWidget(dialog)
    for letter, kind in KIND_KEYS.items():
        qtbot.keyClick(dialog.kind, letter)
        assert dialog.kind.currentData() == kind
    assert dialog.kind.currentText() == "Connected   (n)"
    assert dialog.on.maximumDate() == QDate(2026, 11, 23)  # no touch in the future
    assert dialog.post.itemText(1).startswith("20 Nov · LinkedIn · Ada Quill's talk on")
    qtbot.keyClick(dialog.kind, "c")
    dialog.post.setCurrentIndex(1)
    dialog.on.setDate(QDate(2026, 11, 20))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    (touch,) = people.touches(ada.id)
    assert (touch.kind, touch.on, touch.post_id) == ("credited", date(2026, 11, 20), post.id)
    assert touch.post_text.startswith("Ada Quill's talk")


def test_merging_picks_the_other_by_typing_and_keeps_either(qtbot, people):
    ada = people.add("Ada Quill", company="Brightwater")
    twin = people.add("A. Quill", x="@adaquill", notes="Met at PlatformCon")
    people.add("Ben Ortiz")
    people.touch(twin.id, "thanked")
    dialog = MergeDialog(people, ada)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search.setFocus()
    assert dialog.matches.count() == 2  # everyone else, before typing
    qtbot.keyClicks(dialog.search, "quil")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # to the matches, no merge yet
    assert [dialog.matches.item(i).text() for i in range(dialog.matches.count())] == [
        "A. Quill · Wider"
    ]
    assert dialog.isVisible() and dialog.focusWidget() is dialog.matches and people.count() == 3
    assert "A. Quill's touches move to Ada Quill" in dialog.explain.text()
    dialog.keep_other.setChecked(True)
    assert "Ada Quill's touches move to A. Quill" in dialog.explain.text()
    dialog.keep_this.setChecked(True)
    dialog.merge_button.click()
    kept = dialog.kept
    assert (kept.id, kept.x, kept.company, kept.gives) == (ada.id, "@adaquill", "Brightwater", 1)
    assert people.count() == 2


def test_the_review_archives_the_checked_ones(qtbot, people):
    today = people.today()
    quiet = [people.add(name) for name in ("Cy Marlow", "Dana Whit", "Eli Brant")]
    for person in quiet:
        people.touch(person.id, "connected", today - timedelta(days=400))
    given = people.add("Fay Lumen")
    people.touch(given.id, "credited", today - timedelta(days=400))  # a give: kept
    dialog = ReviewDialog(people)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    assert dialog.model.index(0).data() == "Cy Marlow · Wider · last touch 13 months ago"
    assert not dialog.archive_button.isEnabled()
    dialog.all_button.click()
    dialog.model.setData(
        dialog.model.index(1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.archive_button.text() == "Archi&ve 2 checked"
    dialog.archive_button.click()
    assert dialog.archived == [quiet[0].id, quiet[2].id]
    assert people.count() == 2 and people.get(quiet[0].id).archived


def test_circles_edit_in_place_add_and_remove_moving_people(qtbot, people, monkeypatch):
    ada = people.add("Ada Quill", circle="Close")
    dialog = CirclesDialog(people)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, NAME).text() for r in range(3)] == ["Close", "Colleagues", "Wider"]
    dialog.table.item(0, IDEAL).setText("21")
    assert people.circle_named("Close").ideal_days == 21
    assert people.get(ada.id).due_on == people.today() + timedelta(days=21)
    dialog.table.item(0, IDEAL).setText("99")  # longer than its maximum, 45
    assert "cannot be shorter" in dialog.problem.text()
    assert (
        dialog.table.item(0, IDEAL).text() == "21" and people.circle_named("Close").ideal_days == 21
    )
    dialog.add_button.click()
    assert dialog.table.rowCount() == 4 and dialog.table.item(3, NAME).text() == "New circle"
    dialog.table.setCurrentCell(0, NAME)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("New circle", True))
    dialog.remove_button.click()
    assert [c.name for c in people.circles()] == ["Colleagues", "Wider", "New circle"]
    assert people.get(ada.id).circle == "New circle"


def test_snoozing_until_a_day_from_tomorrow(qtbot, people):
    ada = people.add("Ada Quill")
    dialog = SnoozeDialog(ada, people.today())
    qtbot.addWidget(dialog)
    assert dialog.until.minimumDate() == QDate(2026, 11, 24)
    assert dialog.day() == date(2026, 12, 23)


def test_nobody_yet_explains_and_offers_add_and_import(qtbot, planner):
    page = PeoplePage(planner)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.currentWidget() is page.empty
    assert (
        "A connection is not a relationship"
        in page.empty.findChild(type(page.summary), "emptyBody").text()
    )
    with qtbot.waitSignal(page.import_requested):
        page.empty.import_button.click()
    page.empty.add_button.click()
    dialog = page.commands.dialog
    dialog.fields["name"].setText("Ada Quill")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert page.stack.currentWidget() is page.body
    assert page.person_view.name.text() == "Ada Quill"
