"""The People page in the window: next to Cadence with its own shortcut; who is due,
most overdue first; everyone with a search and a circle filter; a person's details and
timeline with the posts behind it; logging a touch, snoozing, archiving and removing a
touch from the keyboard; reloading when people change anywhere (docs/PEOPLE.md)."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.people.keep_warm import ask_note
from app.types import Changes
from app.ui.dialogs.touch_dialog import TouchDialog
from app.ui.models.people_model import PersonRole
from app.ui.sidebar import CADENCE, PAGE_NAMES, PEOPLE
from app.ui.views.people_lists import person_line
from app.ui.views.people_page import DUE, EVERYONE, PeoplePage


def _people(planner):
    """Ada overdue (Close: 30/45 days, touched 60 days ago), Ben due (Colleagues: 90/120,
    touched 100 days ago), Cy warm (Wider, helped 5 days ago)."""
    people = planner.people
    today = people.today()
    ada = people.add("Ada Quill", company="Brightwater", role="CTO", circle="Close", x="@adaquill")
    ben = people.add("Ben Ortiz", company="Lumen Labs", circle="Colleagues")
    cy = people.add("Cy Marlow", company="Brightwater", circle="Wider")
    people.touch(ada.id, "credited", today - timedelta(days=60), "Shared her talk")
    people.touch(ben.id, "talked", today - timedelta(days=100))
    people.touch(cy.id, "helped", today - timedelta(days=5))
    return ada, ben, cy


def _page(qtbot, window) -> PeoplePage:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, PeoplePage)
    return page


def _names(view) -> list[str]:
    model = view.model()
    return [model.index(r).data() for r in range(model.rowCount())]


@pytest.fixture
def window(open_window, planner):
    _people(planner)
    return open_window(planner, demo=False)


def test_people_comes_after_cadence_with_its_shortcut_and_who_is_due(qtbot, window):
    assert PAGE_NAMES[CADENCE:] == ("Cadence", "People")
    assert window.nav.item(PEOPLE).text() == "People  ·  2 due"
    assert [k.toString() for k in window.menu_actions["go_people"].shortcuts()] == ["Ctrl+5"]
    page = _page(qtbot, window)
    assert window.nav.currentRow() == PEOPLE
    assert _names(page.due_list) == ["Ada Quill", "Ben Ortiz"]  # most overdue first
    assert page.tabs.tabText(DUE) == "Due · 2" and page.tabs.tabText(EVERYONE) == "Everyone · 3"
    assert page.summary.text() == "3 people · 2 due, 1 overdue · you gave 2 times, asked 0"
    ada = page.due_model.index(0).data(PersonRole)
    assert person_line(ada, page.people.today()) == "Brightwater · Close · last touch 2 months ago"
    assert page.due_note.isHidden()


def test_a_person_shows_details_timeline_and_the_post_behind_a_touch(
    qtbot, window, planner, monkeypatch
):
    page = _page(qtbot, window)
    ada = page.due_model.index(0).data(PersonRole)
    from app.cadence.post_fields import PostInput

    post = planner.cadence.log.add(
        PostInput(
            datetime(2026, 11, 20, 9, tzinfo=timezone.utc), "x", "credit", None,
            "https://x.example/me/status/1", "Great talk by @adaquill on paved roads",
        )
    )  # fmt: skip
    planner.people.touch(ada.id, "credited", post.posted_at.date(), post_id=post.id)
    qtbot.waitUntil(lambda: _names(page.due_list) == ["Ben Ortiz"])  # warm again
    page.select_in_everyone(ada.id)
    view = page.person_view
    assert len(view.touches) == 2
    assert view.name.text() == "Ada Quill"
    assert view.standing.text().startswith("Due in 3 weeks · last touch 3 days ago · gave 2")
    assert 'href="https://x.com/adaquill"' in view.details.text()
    assert "CTO · Brightwater" in view.details.text()
    timeline = view.timeline.toHtml()
    assert timeline.index("paved roads") < timeline.index("Shared her talk")  # newest first
    assert "Open the post on X" in timeline
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    view.timeline.anchorClicked.emit(QUrl("https://x.example/me/status/1"))
    view.timeline.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == ["https://x.example/me/status/1"]
    assert "is not a web link" in window.statusBar().currentMessage()


def test_ctrl_5_puts_the_keys_on_the_due_list(qtbot, window):
    window.nav.setFocus()
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.due_list.hasFocus())


def test_a_touch_in_a_few_keys_moves_the_person_off_the_due_list(qtbot, window):
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.due_list.hasFocus())  # as Ctrl+5 left it
    qtbot.keyClick(page.due_list, Qt.Key.Key_T)
    dialog = page.commands.dialog
    assert isinstance(dialog, TouchDialog) and dialog.person.name == "Ada Quill"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_H)  # helped
    assert dialog.kind.currentData() == "helped" and dialog.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "Sent her the slides")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: _names(page.due_list) == ["Ben Ortiz"])
    assert page.person_view.name.text() == "Ben Ortiz"  # the next one due
    assert window.statusBar().currentMessage() == "Logged: helped, Ada Quill."
    qtbot.waitUntil(lambda: window.nav.item(PEOPLE).text() == "People  ·  1 due")
    touches = page.people.touches(page.people.find("Ada Quill").id)
    assert (touches[0].kind, touches[0].note) == ("helped", "Sent her the slides")


def test_an_ask_with_nothing_given_lately_gets_a_gentle_note_not_a_block(qtbot, window):
    page = _page(qtbot, window)
    page.select(page.people.find("Ben Ortiz").id)
    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = page.commands.dialog
    assert dialog.ask_note.isHidden()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_A)
    assert not dialog.ask_note.isHidden()
    assert dialog.ask_note.text() == ask_note("Ben Ortiz")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert page.people.find("Ben Ortiz").asks == 1


def test_snoozing_holds_someone_off_the_due_list_until_it_ends(qtbot, window):
    page = _page(qtbot, window)
    ada = page.people.find("Ada Quill")
    page.person_view.snooze_requested.emit("week")
    qtbot.waitUntil(lambda: _names(page.due_list) == ["Ben Ortiz"])
    assert page.people.get(ada.id).snoozed_until == page.people.today() + timedelta(days=7)
    page.select_in_everyone(ada.id)
    assert page.person_view.standing.text().startswith("Due in 7 days")
    assert "snoozed until 30 Nov 2026" in page.person_view.standing.text()
    page.person_view.end_snooze.trigger()
    qtbot.waitUntil(lambda: page.due_model.total() == 2)


def test_search_and_circle_filter_narrow_everyone(qtbot, window):
    page = _page(qtbot, window)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == EVERYONE and page.search.hasFocus()
    qtbot.keyClicks(page.search, "bright")
    qtbot.waitUntil(lambda: _names(page.everyone_list) == ["Ada Quill", "Cy Marlow"])
    page.circle_filter.setCurrentIndex(page.circle_filter.findText("Wider"))
    assert _names(page.everyone_list) == ["Cy Marlow"]
    assert page.tabs.tabText(EVERYONE) == "Everyone · 1"
    assert page.person_view.name.text() == "Cy Marlow"


def test_delete_archives_after_asking(qtbot, window, monkeypatch):
    page = _page(qtbot, window)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    page.due_list.setFocus()
    qtbot.keyClick(page.due_list, Qt.Key.Key_Delete)
    assert page.people.count() == 3
    qtbot.keyClick(page.due_list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _names(page.due_list) == ["Ben Ortiz"])
    assert page.people.count() == 2 and page.people.get(1).archived
    assert window.statusBar().currentMessage() == "Archived Ada Quill."


def test_removing_a_touch_asks_and_restarts_from_the_one_before(qtbot, window, monkeypatch):
    page = _page(qtbot, window)
    cy = page.people.find("Cy Marlow")
    page.select_in_everyone(cy.id)
    (helped,) = page.person_view.touches
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.person_view.timeline.anchorClicked.emit(QUrl(f"digwell-touch:{helped.id}"))
    qtbot.waitUntil(lambda: page.person_view.touches == [])
    assert page.people.get(cy.id).last_touch is None
    assert "No touches yet" in page.person_view.timeline.toPlainText()


def test_changes_made_elsewhere_reach_the_page(qtbot, window, planner):
    page = _page(qtbot, window)
    planner.people.add("Dana Whit", company="Kestrel")
    qtbot.waitUntil(lambda: page.everyone_model.total() == 4)
    assert page.summary.text().startswith("4 people")
    window.nav.setCurrentRow(CADENCE)  # hidden: read again only when shown
    planner.people.archive([planner.people.find("Dana Whit").id])
    qtbot.wait(20)
    assert page.everyone_model.total() == 4
    window.nav.setCurrentRow(PEOPLE)  # the change reaches it a turn of the event loop later
    qtbot.waitUntil(lambda: page.everyone_model.total() == 3)


def test_an_item_they_wrote_can_be_drafted_from_their_page(qtbot, planner):
    """A page without a window: its items by the person and the draft it asks for."""
    planner.seed_demo()
    page = PeoplePage(planner)
    qtbot.addWidget(page)
    page.show()
    priya = planner.people.find("Priya Raman")
    page.select_in_everyone(priya.id)
    items = page.person_view.items
    assert items.count() >= 1 and not page.person_view.items_box.isHidden()
    first = planner.people.items_by(priya.id, 1)[0]
    with qtbot.waitSignal(page.draft_requested) as asked:
        page.person_view.draft_button.click()
    assert asked.args == [first]
    page.apply_changes(Changes(items=True))  # the inbox changed: the items read again
    assert items.count() >= 1


def test_a_long_due_list_shows_the_most_overdue_and_says_how_many(qtbot, planner, monkeypatch):
    from app.ui.views import people_page

    _people(planner)
    monkeypatch.setattr(people_page, "DUE_SHOWN", 1)
    page = PeoplePage(planner)
    qtbot.addWidget(page)
    assert _names(page.due_list) == ["Ada Quill"]
    assert page.tabs.tabText(DUE) == "Due · 2"
    assert page.due_note.text() == "The 1 most overdue of 2: log a touch or snooze to see the rest."


def test_the_states_have_colours_that_read_on_light_and_dark():
    from PySide6.QtGui import QColor, QPalette

    from app.ui.views.people_lists import state_colour

    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    for state in ("overdue", "due"):
        assert state_colour(state, light).lightness() < 110  # dark ink on white
        assert state_colour(state, dark).lightness() > 140  # light ink on near-black
    assert state_colour("warm", light) is None  # the quiet tone
