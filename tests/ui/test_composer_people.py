"""The composer and the user's people (docs/PEOPLE.md): the line saying who marking
posted credits, kept up as the text changes; mentions rewritten when the platform
changes and counted as each platform counts them; "Mention a person…"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from app.types import Changes
from app.ui.views.drafts_page import DraftsPage


@pytest.fixture
def people(planner):
    priya = planner.people.add(
        "Priya Raman",
        company="Acme",
        x="@priyar",
        mastodon="@priya@hachyderm.io",
        bluesky="priya.bsky.social",
    )
    sam = planner.people.add("Sam Rivera", x="@samr")
    return priya, sam


@pytest.fixture
def page(qtbot, planner, people):
    page = DraftsPage(planner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    yield page
    page.composer.shut_down()  # before the planner closes


def _open(page, planner, text, platform="linkedin"):
    draft = planner.drafting.new_draft([], "original-insight", platform, text=text)
    page.open_draft(draft.id)
    return page.composer


def _type(composer, text):
    composer.editor.selectAll()
    composer.editor.insertPlainText(text)


def test_the_line_says_who_marking_posted_credits_as_the_text_changes(qtbot, page, planner):
    composer = _open(page, planner, "A thought of my own.")
    line = composer.people.line
    assert line.isHidden()
    _type(composer, "Thanks to Priya Raman and Sam Rivera for the review.")
    qtbot.waitUntil(line.isVisible, timeout=2000)  # once typing pauses
    assert line.text() == "Marking posted logs a touch: credited Priya Raman, Sam Rivera"
    _type(composer, "Thanks to Sam Rivera.")
    qtbot.waitUntil(lambda: "Priya" not in line.text(), timeout=2000)
    assert line.text() == "Marking posted logs a touch: credited Sam Rivera"


def test_marking_posted_logs_the_touch_and_undo_takes_it_back(qtbot, page, planner, people):
    priya, _ = people
    composer = _open(page, planner, "Learned a lot from Priya Raman this week.")
    assert composer.people.line.text() == "Marking posted logs a touch: credited Priya Raman"
    composer.mark_posted()
    (touch,) = planner.people.touches(priya.id)
    assert touch.kind == "credited" and touch.auto
    assert composer.people.line.text() == "This post logged a touch: credited Priya Raman"
    assert not composer.people.mention_button.isEnabled()
    composer.undo_posted()
    assert planner.people.touches(priya.id) == []
    assert composer.people.line.text() == "Marking posted logs a touch: credited Priya Raman"


def test_switching_platform_writes_the_mentions_as_on_that_platform(qtbot, page, planner):
    composer = _open(page, planner, "Thanks to Priya Raman and Sam Rivera.")
    composer.platform_box.setCurrentIndex(composer.platform_box.findData("x"))
    assert composer.editor.toPlainText() == "Thanks to @priyar and @samr."
    stored = planner.drafting.draft(composer.draft.id)
    assert (stored.platform, stored.text) == ("x", "Thanks to @priyar and @samr.")
    composer.platform_box.setCurrentIndex(composer.platform_box.findData("mastodon"))
    # Sam has no Mastodon address: their name.
    assert composer.editor.toPlainText() == "Thanks to @priya@hachyderm.io and Sam Rivera."
    composer.editor.undo()  # one Ctrl+Z: the text as it was on X
    assert composer.editor.toPlainText() == "Thanks to @priyar and @samr."


def test_each_counter_counts_the_mentions_as_its_platform_would_have_them(qtbot, page, planner):
    composer = _open(page, planner, "Thanks to Priya Raman.")  # on LinkedIn
    composer.counters.actions["mastodon"].setChecked(True)
    composer.people.update_now()
    composer.refresh_counts()
    counts = composer.counters.counts
    assert counts["linkedin"].count == len("Thanks to Priya Raman.")
    assert counts["x"].count == len("Thanks to @priyar.")
    # On Mastodon she is @priya@hachyderm.io, which counts as @priya.
    assert counts["mastodon"].count == len("Thanks to @priya.")


def test_mention_a_person_writes_their_mention_for_the_drafts_platform(qtbot, page, planner):
    composer = _open(page, planner, "Thanks to [Your colleague's name] for this.", "x")
    found = composer.editor.document().find("[Your colleague's name]")
    composer.editor.setTextCursor(found)  # the placeholder selected: replaced
    composer.mention_person()
    picker = composer.people.picker
    assert picker is not None and picker.isVisible()
    assert picker.results.count() == 2  # everyone, by name
    QTest.keyClicks(picker.search, "acme")  # company, name or handle
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=2000)
    assert picker.results.item(0).text() == "Priya Raman — Acme · @priyar"
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert composer.editor.toPlainText() == "Thanks to @priyar for this."


def test_the_picker_moves_with_the_arrow_keys_while_typing(qtbot, page, planner):
    composer = _open(page, planner, "With ", "linkedin")
    composer.editor.moveCursor(composer.editor.textCursor().MoveOperation.End)
    composer.mention_person()
    picker = composer.people.picker
    QTest.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.results.currentRow() == 1
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    # On LinkedIn the name: LinkedIn's own composer makes it a mention.
    assert composer.editor.toPlainText() == "With Sam Rivera"


def test_the_draft_menu_offers_mention_a_person_on_a_key(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    action = window.menu_actions["mention"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+P")
    draft = planner.drafting.new_draft([], "original-insight", "x", text="Hi ")
    window.open_draft(draft.id)
    composer = window.drafts.composer
    action.trigger()
    qtbot.waitUntil(lambda: composer.people.picker is not None, timeout=2000)
    composer.people.picker.reject()


def test_someone_added_meanwhile_shows_up_in_the_line(qtbot, page, planner):
    composer = _open(page, planner, "Thanks to Lin Chen.")
    assert composer.people.line.isHidden()
    planner.people.add("Lin Chen")
    page.apply_changes(Changes(people=True))  # as the window delivers it
    qtbot.waitUntil(composer.people.line.isVisible, timeout=2000)
    assert composer.people.line.text() == "Marking posted logs a touch: credited Lin Chen"
