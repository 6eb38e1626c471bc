"""The composer: live per-platform counts with the overflow marked, hashtags, re-draft off
the GUI thread, copy and open, mark posted (when) and undo, autosave."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import QApplication

from app.planner import Planner
from app.ui.views.drafts_page import DraftsPage


@pytest.fixture
def page(qtbot, demo_planner):
    page = DraftsPage(demo_planner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    yield page
    page.composer.shut_down()  # before the planner closes


def _open_new(qtbot, page, planner, item_index=0, **kwargs):
    item_id = planner.inbox.ids(5)[item_index]
    draft = planner.drafting.new_draft([item_id], **kwargs)
    page.open_draft(draft.id)
    assert page.composer.draft.id == draft.id
    return page.composer


def _type_text(composer, text):
    composer.editor.selectAll()
    composer.editor.insertPlainText(text)
    composer._update_counts()  # what the short count timer does


def test_counters_show_each_chosen_platform_the_way_it_counts(qtbot, page, demo_planner):
    composer = _open_new(qtbot, page, demo_planner)
    _type_text(composer, "Read this 🎉 https://example.com/a/very/long/path/that/goes/on")
    labels = composer.counters.labels
    assert labels["linkedin"].isVisible() and labels["x"].isVisible()
    assert not labels["bluesky"].isVisible()
    text = composer.editor.toPlainText()
    assert labels["linkedin"].text() == f"LinkedIn {len(text)} / 3,000"
    assert labels["x"].text() == "X 36 / 280"  # 10 + emoji 2 + space 1 + URL 23
    composer.counters.actions["bluesky"].setChecked(True)
    assert labels["bluesky"].isVisible()
    assert demo_planner.drafting.platforms.counted() == ["linkedin", "x", "bluesky"]


def test_overflow_is_marked_where_it_starts_never_cut(qtbot, page, demo_planner):
    composer = _open_new(qtbot, page, demo_planner)
    composer.platform_box.setCurrentIndex(composer.platform_box.findData("x"))
    text = "🎉" * 10 + "a" * 300  # emoji: 2 each, and 2 UTF-16 units each in Qt
    _type_text(composer, text)
    assert composer.editor.toPlainText() == text  # nothing cut
    (selection,) = composer.editor.extraSelections()
    # 10 emoji (20) + 260 letters fit in 280: the 261st letter is the first over.
    assert selection.cursor.selectionStart() == 20 + 260
    assert selection.cursor.selectionEnd() == 20 + 300
    assert "(40 over)" in composer.counters.labels["x"].text()
    # Not by colour alone: the part over the limit is underlined with a wave, too.
    assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    _type_text(composer, "short")
    assert composer.editor.extraSelections() == []


def test_tab_leaves_the_text_and_shift_tab_comes_back(qtbot, page, demo_planner):
    """No keyboard trap: Tab moves on from the draft's text instead of typing a tab."""
    composer = _open_new(qtbot, page, demo_planner)
    _type_text(composer, "My take")
    page.window().activateWindow()
    composer.editor.setFocus()
    qtbot.waitUntil(composer.editor.hasFocus)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not composer.editor.hasFocus())
    assert composer.editor.toPlainText() == "My take"
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Backtab)
    qtbot.waitUntil(composer.editor.hasFocus)


def test_hashtag_suggestions_come_from_the_theme_and_insert_in_one_click(qtbot, page, demo_planner):
    composer = _open_new(qtbot, page, demo_planner)
    _type_text(composer, "My take.")
    tags = [b.text() for b in composer.hashtags.buttons]
    theme_tags = demo_planner.strategy.theme_hashtags(composer.draft.theme_id)
    assert tags and set(tags) <= set(theme_tags)
    composer.hashtags.buttons[0].click()
    composer._update_counts()
    assert composer.editor.toPlainText() == f"My take.\n\n{tags[0]}"
    assert tags[0] not in [b.text() for b in composer.hashtags.buttons]
    composer.hashtags.buttons[0].click()
    assert composer.editor.toPlainText() == f"My take.\n\n{tags[0]} {tags[1]}"


def test_copy_and_open_prefills_the_platform_compose_page(qtbot, page, demo_planner, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    composer = _open_new(qtbot, page, demo_planner, platform_key="x")
    _type_text(composer, "Good read & short")
    composer.copy_and_open()
    assert QGuiApplication.clipboard().text() == "Good read & short"
    assert opened[0].toString(opened[0].ComponentFormattingOption.FullyEncoded) == (
        "https://x.com/intent/post?text=Good%20read%20%26%20short"
    )


def test_mastodon_without_a_server_says_where_to_set_it(qtbot, page, demo_planner, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("opened"))
    composer = _open_new(qtbot, page, demo_planner, platform_key="mastodon")
    errors = []
    composer.failed.connect(errors.append)
    composer.copy_and_open()
    assert "Mastodon server" in str(errors[0])


def test_mark_posted_earlier_then_undo(qtbot, page, demo_planner, clock):
    composer = _open_new(qtbot, page, demo_planner)
    logged = demo_planner.cadence.posts()  # the demo's year of posts
    _type_text(composer, "Worth your time.")
    composer.when_button.click()
    assert composer.when.isVisible()
    earlier = (clock.now() - timedelta(days=1)).astimezone(clock.tz()).replace(tzinfo=None)
    composer.when.setDateTime(QDateTime(earlier))
    posted = []
    composer.posted.connect(posted.append)
    composer.posted_button.click()
    (post,) = posted
    assert post.posted_at == clock.now() - timedelta(days=1)
    assert composer.draft.state == "posted" and composer.editor.isReadOnly()
    assert composer.undo_button.isVisible() and not composer.posted_button.isVisible()
    assert composer.status.text().startswith("Posted on LinkedIn")
    composer.undo_button.click()
    assert demo_planner.cadence.posts() == logged
    assert composer.draft.state == "draft" and not composer.editor.isReadOnly()


def test_autosave_within_two_seconds_survives_without_closing(
    qtbot, page, demo_planner, data_dir, clock
):
    composer = _open_new(qtbot, page, demo_planner)
    composer.editor.selectAll()
    qtbot.keyClicks(composer.editor, "Typed and never saved by hand")
    qtbot.waitUntil(lambda: composer.status.text() == "Saved", timeout=2000)
    # Another connection (what a restart after a crash would see) has the text.
    other = Planner.open(data_dir, clock=clock)
    try:
        assert other.drafting.draft(composer.draft.id).text == "Typed and never saved by hand"
    finally:
        other.close()


def test_redraft_keeps_the_take_and_can_be_undone(qtbot, page, demo_planner):
    composer = _open_new(qtbot, page, demo_planner)
    placeholder_selected = composer.editor.textCursor().selectedText()
    assert placeholder_selected.startswith("[Your take")
    composer.editor.insertPlainText("Our team saw the same.")
    before = composer.editor.toPlainText()
    composer.template_box.setCurrentIndex(composer.template_box.findData("counterpoint"))
    composer.redraft_button.click()
    qtbot.waitUntil(lambda: composer.draft.template == "counterpoint", timeout=10_000)
    after = composer.editor.toPlainText()
    assert after != before and "Our team saw the same." in after
    composer.editor.undo()
    assert composer.editor.toPlainText() == before


def test_a_runaway_user_template_never_freezes_the_window(
    qtbot, page, demo_planner, _sandboxed_home
):
    folder = demo_planner.drafting.templates.folders[0]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "forever.j2").write_text(
        "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    composer = _open_new(qtbot, page, demo_planner)
    composer.load_templates()
    composer.template_box.setCurrentIndex(composer.template_box.findData("forever"))
    ticks = []
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    errors = []
    composer.failed.connect(errors.append)
    before = composer.editor.toPlainText()
    composer.redraft_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    timer.stop()
    assert "stopped after 2 seconds" in str(errors[0]) and "'forever'" in str(errors[0])
    assert len(ticks) >= 20  # the event loop ran all along (2 s of 50 ms ticks)
    assert composer.editor.toPlainText() == before and composer.draft.template != "forever"
    assert composer.redraft_button.isEnabled()


def test_drafts_list_filters_by_state_and_shows_origin(qtbot, page, demo_planner):
    composer = _open_new(qtbot, page, demo_planner)
    draft_id = composer.draft.id
    assert "Platform engineering" in page.list.currentItem().text() or composer.draft.theme
    page.plan_button.click()
    assert demo_planner.drafting.draft(draft_id).state == "planned"
    page.view_box.setCurrentIndex(page.view_box.findText("Planned"))
    assert page.draft_count() == 1
    page.archive_button.click()
    assert demo_planner.drafting.draft(draft_id).state == "archived"
    page.view_box.setCurrentIndex(page.view_box.findText("Archived"))
    assert page.draft_count() == 1 and page.archive_button.text() == "Restore"
    assert "template quick-share" in page.list.item(0).toolTip()
    page.delete_button.click()
    assert page.draft_count() == 0


def test_weekly_roundup_from_starred_items(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    starred = demo_planner.inbox.ids(4)[1:4]
    demo_planner.inbox.set_starred(starred)
    assert demo_planner.inbox.roundup_items() == [
        i for i in demo_planner.inbox.ids(10) if i in starred
    ]
    window.roundup_action.trigger()
    composer = window.drafts.composer
    qtbot.waitUntil(lambda: composer.draft is not None, timeout=10_000)
    assert set(composer.draft.item_ids) == set(starred)
    assert composer.draft.template == "weekly-roundup"
    for item_id in starred:
        assert demo_planner.inbox.item(item_id).link in composer.editor.toPlainText()


def test_mastodon_server_dialog_sets_server_and_limit(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    window.edit_mastodon()
    dialog = window.mastodon_dialog
    dialog.server.setText("not a server")
    dialog.save()
    assert dialog.isVisible() and "not a Mastodon server" in dialog.problem.text()
    dialog.server.setText("https://hachyderm.io/@me")
    dialog.limit.setValue(5000)
    dialog.save()
    assert not dialog.isVisible()
    assert demo_planner.drafting.platforms.mastodon_instance() == "hachyderm.io"
    assert demo_planner.drafting.platforms.limit("mastodon") == 5000
    assert (
        demo_planner.drafting.platforms.compose_link("mastodon", "hi")
        == "https://hachyderm.io/share?text=hi"
    )
