"""Adding and editing a person: every field, handles kept in one form, a circle or an
own pace; bad input is said in place and changes nothing (docs/PEOPLE.md)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.dialogs.person_dialog import PersonDialog
from app.ui.views.people_page import EVERYONE, PeoplePage


@pytest.fixture
def page(qtbot, planner):
    widget = PeoplePage(planner)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_new_person_with_every_field(qtbot, planner):
    dialog = PersonDialog(planner.people)
    qtbot.addWidget(dialog)
    assert dialog.circle.currentText().startswith("Wider (every 180 days")  # the default
    assert not dialog.ideal.isEnabled() and dialog.ideal.value() == 180
    values = {
        "name": "  Zoë   Ruiz ",
        "company": "Brightwater",
        "role": "Staff engineer",
        "how_known": "Spoke at the same meetup",
        "linkedin": "https://de.linkedin.com/in/zoe-ruiz/",
        "x": "https://x.com/zoe_r",
        "mastodon": "https://fosstodon.org/@zoe",
        "bluesky": "@zoe.bsky.social",
        "threads": "zoe.ruiz",
        "website": "https://zoe.example/feed.xml",
        "email": "zoe@example.com",
    }
    for key, text in values.items():
        dialog.fields[key].setText(text)
    dialog.notes.setPlainText("Likes long walks through code reviews.")
    dialog.circle.setCurrentIndex(dialog.circle.findText("Close", Qt.MatchFlag.MatchStartsWith))
    dialog.own.setChecked(True)
    dialog.ideal.setValue(20)
    dialog.maximum.setValue(40)
    _save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    zoe = planner.people.find("Zoë Ruiz")
    assert dialog.person == zoe
    assert (zoe.company, zoe.role, zoe.circle) == ("Brightwater", "Staff engineer", "Close")
    assert (zoe.linkedin, zoe.x) == ("https://www.linkedin.com/in/zoe-ruiz", "@zoe_r")
    assert (zoe.mastodon, zoe.bluesky, zoe.threads) == (
        "@zoe@fosstodon.org",
        "zoe.bsky.social",
        "@zoe.ruiz",
    )
    assert (zoe.ideal_days, zoe.max_days, zoe.email) == (20, 40, "zoe@example.com")
    assert zoe.notes == "Likes long walks through code reviews."


@pytest.mark.parametrize(
    ("field", "text", "said"),
    [
        ("name", "   ", "A person needs a name."),
        ("x", "@far_too_long_handle_here", "is not a handle on X"),
        ("linkedin", "https://example.com/in/zoe", "is not a LinkedIn profile address"),
    ],
)
def test_bad_input_is_said_in_place_and_adds_nobody(qtbot, planner, field, text, said):
    dialog = PersonDialog(planner.people)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("Zoë Ruiz")
    dialog.fields[field].setText(text)
    dialog.show()
    _save(dialog)
    assert said in dialog.problem.text() and dialog.problem.isVisible()
    assert dialog.isVisible() and planner.people.count() == 0


def test_editing_shows_what_is_kept_and_back_to_the_circles_pace(qtbot, planner):
    people = planner.people
    ada = people.add("Ada Quill", company="Brightwater", x="@adaquill", ideal_days=10, max_days=20)
    dialog = PersonDialog(people, person=people.get(ada.id))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit Ada Quill"
    assert dialog.fields["x"].text() == "@adaquill" and dialog.own.isChecked()
    assert (dialog.ideal.value(), dialog.maximum.value()) == (10, 20)
    dialog.fields["role"].setText("CTO")
    dialog.own.setChecked(False)
    _save(dialog)
    ada = people.get(ada.id)
    assert (ada.role, ada.company, ada.ideal_days, ada.max_days) == (
        "CTO",
        "Brightwater",
        None,
        None,
    )


def test_ctrl_n_adds_and_selects_the_new_person_f2_edits(qtbot, page, planner):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.commands.dialog
    assert isinstance(dialog, PersonDialog) and dialog.person is None
    qtbot.keyClicks(dialog.fields["name"], "Ben Ortiz")
    _save(dialog)
    assert page.tabs.currentIndex() == EVERYONE
    assert page.person_view.name.text() == "Ben Ortiz"
    assert not page.empty.isVisible() and page.body.isVisible()
    page.everyone_list.setFocus()
    qtbot.keyClick(page.everyone_list, Qt.Key.Key_Return)
    edit = page.commands.dialog
    assert edit is not dialog and edit.person.name == "Ben Ortiz"
    edit.fields["company"].setText("Lumen Labs")
    _save(edit)
    page.reload()  # without a window, nothing delivers the service's Changes
    assert "Lumen Labs" in page.person_view.details.text()
